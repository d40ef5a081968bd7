import type { Replies, Request } from './protocol';
import { unwrap } from './receive';

/** Sends a request and resolves with its typed reply, or throws its error as a ProtocolError. */
export type Ask = <R extends Request>(request: R) => Promise<Replies[R['type']]>;

/**
 * The sending side of the protocol, over whatever carries messages (`browser.runtime.sendMessage`
 * in extension pages; a fake in tests). The reply's type follows from the request's type.
 */
export function asker(send: (request: Request) => Promise<unknown>): Ask {
  return async <R extends Request>(request: R) => unwrap<Replies[R['type']]>(await send(request));
}
