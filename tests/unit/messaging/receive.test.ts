import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProtocolError, receive, unwrap, type Sender } from '../../../utils/messaging/receive';

type Listener = (message: unknown, sender: { tab?: { id?: number }; url?: string }, sendResponse: (r: unknown) => void) => boolean | undefined;

const schema = z.object({ type: z.literal('echo'), text: z.string() });
type Echo = z.infer<typeof schema>;

/** Wires `receive` to a fake onMessage, and delivers a message the way the browser does. */
function wire(handle: (m: Echo, s: Sender) => Promise<unknown>, accepts?: (m: unknown) => boolean) {
  const listeners: Listener[] = [];
  receive({ addListener: (cb) => void listeners.push(cb) }, schema, handle, accepts);
  expect(listeners).toHaveLength(1);
  return async (message: unknown, sender: { tab?: { id?: number }; url?: string } = {}) => {
    const responses: unknown[] = [];
    const returned = listeners[0]!(message, sender, (r) => responses.push(r));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { returned, responses };
  };
}

describe('receive', () => {
  it('hands a valid message to the handler and answers its value', async () => {
    const seen: Array<[Echo, Sender]> = [];
    const deliver = wire((m, s) => (seen.push([m, s]), Promise.resolve(m.text.toUpperCase())));
    const { returned, responses } = await deliver({ type: 'echo', text: 'salut', extra: 1 }, { tab: { id: 12 }, url: 'https://shop.example/' });
    expect(returned).toBe(true);
    expect(responses).toEqual([{ ok: true, value: 'SALUT' }]);
    expect(seen).toEqual([[{ type: 'echo', text: 'salut' }, { tabId: 12, url: 'https://shop.example/' }]]);
  });

  it('gives an undefined tab id to a sender without a tab', async () => {
    const senders: Sender[] = [];
    const deliver = wire((_, s) => (senders.push(s), Promise.resolve()));
    await deliver({ type: 'echo', text: '' });
    expect(senders).toEqual([{ tabId: undefined, url: undefined }]);
  });

  it.each([
    ['a missing field', { type: 'echo' }],
    ['a wrong field type', { type: 'echo', text: 3 }],
    ['an unknown type', { type: 'other', text: 'x' }],
    ['null', null],
    ['a string', 'echo'],
  ])('answers bad-message to %s, without calling the handler', async (_, message) => {
    let called = false;
    const deliver = wire(() => Promise.resolve((called = true)));
    const { returned, responses } = await deliver(message);
    expect(called).toBe(false);
    expect(returned).toBeUndefined();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ ok: false, error: 'bad-message' });
  });

  it('answers the code of a ProtocolError the handler throws', async () => {
    const deliver = wire(() => Promise.reject(new ProtocolError('tab-hidden', 'details')));
    const { returned, responses } = await deliver({ type: 'echo', text: '' });
    expect(returned).toBe(true);
    expect(responses).toEqual([{ ok: false, error: 'tab-hidden', detail: 'Error: details' }]);
  });

  it('answers the code of a ProtocolError thrown by an async handler', async () => {
    const deliver = wire(async () => {
      await Promise.resolve();
      throw new ProtocolError('no-such-visit');
    });
    expect((await deliver({ type: 'echo', text: '' })).responses).toMatchObject([{ ok: false, error: 'no-such-visit' }]);
  });

  it.each([
    ['any other error', new Error('boom'), 'internal'],
    ['a thrown string', 'boom', 'internal'],
    ['a full disk', new DOMException('full', 'QuotaExceededError'), 'disk-full'],
    ['another DOMException', new DOMException('gone', 'NotFoundError'), 'internal'],
  ])('answers %s as %s', async (_, error: unknown, code) => {
    const deliver = wire(async () => {
      await Promise.resolve();
      throw error;
    });
    expect((await deliver({ type: 'echo', text: '' })).responses).toMatchObject([{ ok: false, error: code }]);
  });

  it('leaves messages of other protocols alone: no answer, no handler', async () => {
    let called = false;
    const deliver = wire(() => Promise.resolve((called = true)), (m) => (m as { type?: unknown }).type === 'echo');
    const { returned, responses } = await deliver({ type: 'not-ours', text: 'x' });
    expect(returned).toBeUndefined();
    expect(responses).toEqual([]);
    expect(called).toBe(false);
  });
});

describe('unwrap', () => {
  it('returns the value of an ok reply', () => {
    expect(unwrap<number>({ ok: true, value: 42 })).toBe(42);
  });

  it('throws a ProtocolError with the code and detail of an error reply', () => {
    const error = (() => {
      try {
        unwrap({ ok: false, error: 'visit-running', detail: 'v1' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'visit-running', message: 'v1' });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ok'],
  ])('throws no-answer for %s', (_, reply) => {
    expect(() => unwrap(reply)).toThrow(expect.objectContaining({ code: 'no-answer' }) as Error);
  });
});
