// @ts-expect-error -- the fixture server is plain JavaScript, shared with scripts/.
import { startShop as start } from '../../fixtures/shop/server.mjs';

export interface Shop {
  origin: string;
  altOrigin: string;
  close(): Promise<void>;
}

/** Serves the fixture shop on 127.0.0.1 (a free port). */
export function startShop(): Promise<Shop> {
  return (start as (o?: object) => Promise<Shop>)({});
}
