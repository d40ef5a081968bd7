import { describe, expect, it } from 'vitest';
import { handlers } from '../../../entrypoints/background/messages';
import { requestSchema, type Handlers } from '../../../utils/messaging/protocol';
import type { Sender } from '../../../utils/messaging/receive';
import type { Ask } from '../../../utils/messaging/ask';

/**
 * The protocol's types hold the background to it: these lines are checked by `tsc` (`npm run
 * check`), where each `@ts-expect-error` fails the build if the error it expects goes away.
 */

// A handler map without a handler for every request does not compile.
// @ts-expect-error 'visit/start' and the others have no handler
const incomplete: Handlers<Sender> = { 'recorder/hello': () => Promise.resolve({ record: false as const }) };

// A handler that answers something else than its request's reply does not compile.
const wrongReply: Pick<Handlers<Sender>, 'visit/start'> = {
  // @ts-expect-error 'visit/start' answers { visitId }, not a number
  'visit/start': () => Promise.resolve(42),
};

// A handler must take its own request: a note's handler cannot read a visit command's fields.
const wrongRequest: Pick<Handlers<Sender>, 'note/add'> = {
  // @ts-expect-error 'note/add' carries no tabId
  'note/add': (m) => Promise.resolve({ noteId: String(m.tabId) }),
};

// The sender's side: the reply's type follows from the request's type.
async function typedReplies(ask: Ask): Promise<void> {
  const started = await ask({ type: 'visit/start', tabId: 1 });
  started.visitId satisfies string;
  const abandoned = await ask({ type: 'visit/abandon', visitId: 'v', reason: 'other', comment: '' });
  abandoned.captureError satisfies string | undefined;
  const note = await ask({ type: 'note/add', visitId: 'v', text: 'x' });
  // @ts-expect-error a note's reply has no screenshotId
  void note.screenshotId;
  // @ts-expect-error an unknown request does not type-check
  await ask({ type: 'visit/explode', visitId: 'v' });
}

describe('the background’s handler map', () => {
  it('has exactly one handler per request the protocol declares', () => {
    const declared = requestSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(handlers).sort()).toEqual(declared);
  });

  it('keeps the type checks above in the build', () => {
    expect([incomplete, wrongReply, wrongRequest, typedReplies].every(Boolean)).toBe(true);
  });
});
