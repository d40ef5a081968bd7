// @ts-expect-error -- the fixture server is plain JavaScript (it also runs on its own with node).
import { startShop as start } from '../../tests/fixtures/shop/server.mjs';

export interface Shop {
  origin: string;
  altOrigin: string;
  /** How many requests reached this path (query string aside) since the shop started. */
  requests(pathname: string): number;
  close(): Promise<void>;
}

/**
 * Serves the demo shop (tests/fixtures/shop, a data fixture with documented flaws) on 127.0.0.1:
 * on `port`, else a free one. `npm start`, the bench and the tests all reach it through here.
 * `favicon: false`: a shop without an icon (its pages name none, `/favicon.ico` answers 404), so
 * that the browser asks for `/favicon.ico` by itself.
 */
export function startShop(o: { port?: number; favicon?: boolean } = {}): Promise<Shop> {
  return (start as (o: object) => Promise<Shop>)(o);
}

/**
 * Serves one platform of the platform corpus (tests/fixtures/platforms/<platform>) at the root of
 * its own origin on 127.0.0.1, as a real shop is; the shared assets come from the demo shop.
 */
export async function startPlatform(platform: string): Promise<{ origin: string; close(): Promise<void> }> {
  // @ts-expect-error -- the fixture server is plain JavaScript.
  const { startPlatform: start } = (await import('../../tests/fixtures/platforms/server.mjs')) as {
    startPlatform: (platform: string) => Promise<{ origin: string; close(): Promise<void> }>;
  };
  return start(platform);
}
