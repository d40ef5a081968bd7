/**
 * The recorder's second way to the background, for a message the first way (`runtime.sendMessage`)
 * failed to deliver several times: the message is written into the extension's local storage, the
 * background takes it from there (woken by `storage.onChanged`, or at its next start), handles it
 * exactly as if it had been sent, and removes it, or writes why it refused it. Nothing of the message
 * crosses a messaging channel, so whatever made that channel fail cannot fail it the same way.
 *
 * A handed-over message waits in storage only until the background has handled it (a moment); the
 * background's privacy pass masks it before anything is kept, as for any batch.
 */

export const HANDOVER_PREFIX = 'mystere-handover:';

/** What is written for the background; `error` is the background's refusal, for the recorder to read. */
export type Handover = { tabId: number; message: unknown; at: number; error?: string; detail?: string };

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;
export interface HandoverStorage {
  local: {
    get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  onChanged: {
    addListener(cb: (changes: Changes, area: string) => void): void;
    removeListener(cb: (changes: Changes, area: string) => void): void;
  };
}

/** A refusal read back from the background, with its error code (as a messaging reply would carry). */
export class HandoverRefused extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/**
 * The recorder's side: hands `message` over and resolves once the background has handled it;
 * rejects with `HandoverRefused` when it refused it, or with an error when it did not take it within
 * `timeoutMs` (then the message is taken back, so that it is not handled twice by surprise).
 */
export async function handOver(storage: HandoverStorage, tabId: number, message: unknown, timeoutMs = 5000): Promise<void> {
  const key = HANDOVER_PREFIX + crypto.randomUUID();
  let listener: ((changes: Changes, area: string) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answered = new Promise<void>((resolve, reject) => {
    listener = (changes, area) => {
      const change = area === 'local' ? changes[key] : undefined;
      if (!change) return;
      const now = change.newValue as Handover | null | undefined;
      // Removed (no new value; some implementations say null): the background has handled it.
      if (now === undefined || now === null) return resolve();
      if (now.error) reject(new HandoverRefused(now.error, now.detail));
    };
    storage.onChanged.addListener(listener);
    timer = setTimeout(() => reject(new Error(`the background did not take the message in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await storage.local.set({ [key]: { tabId, message, at: Date.now() } satisfies Handover });
    await answered;
  } finally {
    clearTimeout(timer);
    if (listener) storage.onChanged.removeListener(listener);
    // Taken back: refused, not taken in time (the recorder tries again its own way), or already gone.
    await storage.local.remove(key).catch(() => undefined);
  }
}

/**
 * The background's side: handles each message handed over, now and as they come. `handle` is the
 * background's own handling of a message from `tabId`; it rejects with an error whose `code` says why.
 */
export function takeHandovers(
  storage: HandoverStorage,
  handle: (message: unknown, tabId: number) => Promise<void>,
  codeOf: (error: unknown) => string,
  log: (text: string) => void = () => undefined,
): { drained: Promise<void> } {
  const working = new Set<string>();
  const take = async (key: string, value: unknown) => {
    if (working.has(key) || !isHandover(value) || value.error) return;
    working.add(key);
    try {
      await handle(value.message, value.tabId);
      await storage.local.remove(key);
      log(`a recorder message from tab ${value.tabId} was delivered through storage`);
    } catch (error) {
      const refusal: Handover = { ...value, message: null, error: codeOf(error), detail: String(error).slice(0, 300) };
      log(`a recorder message from tab ${value.tabId}, delivered through storage, was refused: ${refusal.error}`);
      await storage.local.set({ [key]: refusal }).catch(() => undefined);
    } finally {
      working.delete(key);
    }
  };
  storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(HANDOVER_PREFIX) && change.newValue != null) void take(key, change.newValue);
    }
  });
  // Those left while the background was stopped; refusals left by a recorder that went away are cleared.
  const drained = storage.local.get(null).then(async (all) => {
    const left = Object.entries(all).filter(([key]) => key.startsWith(HANDOVER_PREFIX));
    for (const [key, value] of left) {
      if (isHandover(value) && value.error) await storage.local.remove(key);
      else await take(key, value);
    }
  });
  return { drained: drained.catch(() => undefined) };
}

function isHandover(value: unknown): value is Handover {
  return typeof value === 'object' && value !== null && typeof (value as Handover).tabId === 'number' && 'message' in value;
}
