import type { ZodType } from 'zod';
import { isQuotaError, VisitGoneError } from '../db/errors';
import type { Reply } from './protocol';
import { errorCodeOf, type ErrorCode } from './errors';

export type Sender = { tabId?: number; openerTabId?: number; url?: string };
type OnMessage = {
  addListener(
    cb: (
      message: unknown,
      sender: { tab?: { id?: number; openerTabId?: number }; url?: string },
      sendResponse: (r: unknown) => void,
    ) => boolean | undefined,
  ): void;
};

/**
 * Listens for one protocol, parses each message before acting, and answers through `sendResponse`
 * (the form both Chrome and Firefox accept; Chrome ignores a promise returned by the listener).
 * Messages that do not parse are ignored and answered with an error, never acted upon.
 */
export function receive<T extends { type: string }>(
  onMessage: OnMessage,
  schema: ZodType<T>,
  handle: (message: T, sender: Sender) => Promise<unknown>,
  accepts: (message: unknown) => boolean = () => true,
): void {
  onMessage.addListener((message, sender, sendResponse) => {
    if (!accepts(message)) return undefined;
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, error: 'bad-message', detail: parsed.error.issues[0]?.message } satisfies Reply);
      return undefined;
    }
    handle(parsed.data, { tabId: sender.tab?.id, openerTabId: sender.tab?.openerTabId, url: sender.url })
      .then((value) => sendResponse({ ok: true, value } satisfies Reply))
      .catch((error: unknown) =>
        sendResponse({ ok: false, error: errorCode(error), detail: String(error) } satisfies Reply),
      );
    return true;
  });
}

/** An error thrown with a known code keeps it; anything else is "internal". */
export class ProtocolError extends Error {
  constructor(readonly code: ErrorCode, message: string = code) {
    super(message);
  }
}

/** The code a reply carries for an error thrown by a handler. */
export function errorCode(error: unknown): ErrorCode {
  if (error instanceof ProtocolError) return error.code;
  // A record written after its visit was deleted: refused by the repository, one rule for every writer.
  if (error instanceof VisitGoneError) return 'no-such-visit';
  if (isQuotaError(error)) return 'disk-full';
  return 'internal';
}

/** Unwraps a reply, throwing a ProtocolError for an error reply or an unanswered message. */
export function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object') throw new ProtocolError('no-answer');
  if (!r.ok) throw new ProtocolError(errorCodeOf(r.error), r.detail);
  return r.value;
}
