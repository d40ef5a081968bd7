import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMystereDb, type Db } from '../../../utils/db/database';
import { getAsset, getVisitAsset, listAssetsOfVisit, listVisitAssets, recordVisitAsset } from '../../../utils/db/assets';
import { deleteVisit, getVisit, putVisit } from '../../../utils/db/repository';
import { VisitGoneError } from '../../../utils/db/errors';
import { sha256Hex } from '../../../utils/assets/hash';
import type { Asset, VisitAsset } from '../../../utils/assets/schema';
import { visit } from './fixtures';

let db: Db;
beforeEach(async () => {
  db = await openMystereDb(crypto.randomUUID());
  await putVisit(db, visit({ id: 'v1' }));
  await putVisit(db, visit({ id: 'v2', startedAt: 2000 }));
});
afterEach(() => db.close());

async function copy(...bytes: number[]): Promise<Asset> {
  const data = new Uint8Array(bytes);
  return { hash: await sha256Hex(data), mime: 'image/webp', size: data.byteLength, width: 2, height: 1, data };
}
const use = (over: Partial<VisitAsset> = {}): VisitAsset => ({
  visitId: 'v1',
  url: 'https://shop.example/img/derby.jpg',
  kind: 'image',
  pageId: 'p1',
  width: 300,
  height: 200,
  at: 10,
  ...over,
});

describe('recordVisitAsset', () => {
  it('stores a copy by its hash and where the visit used it', async () => {
    const asset = await copy(1, 2, 3);
    const { use: stored, created } = await recordVisitAsset(db, use(), asset);
    expect(created).toBe(true);
    expect(stored).toEqual(use({ hash: asset.hash }));
    expect(await getVisitAsset(db, 'v1', use().url)).toEqual(use({ hash: asset.hash }));
    expect(await getAsset(db, asset.hash)).toEqual(asset);
    expect((await getVisit(db, 'v1'))?.assetBytes).toBe(3);
  });

  it('records an address once per visit: a second time leaves the first record as it is', async () => {
    const first = await copy(1, 2, 3);
    await recordVisitAsset(db, use(), first);
    const again = await recordVisitAsset(db, use({ pageId: 'p2', at: 20 }), await copy(9, 9));
    expect(again).toEqual({ use: use({ hash: first.hash }), created: false });
    expect(await db.count('assets')).toBe(1);
    expect((await getVisit(db, 'v1'))?.assetBytes).toBe(3);
  });

  it('stores the same bytes once across addresses and visits, and counts them once per visit', async () => {
    const logo = await copy(4, 5, 6, 7);
    await recordVisitAsset(db, use({ url: 'https://shop.example/logo.png' }), logo);
    await recordVisitAsset(db, use({ url: 'https://cdn.shop.example/logo.png' }), logo);
    await recordVisitAsset(db, use({ visitId: 'v2', url: 'https://shop.example/logo.png' }), logo);
    expect(await db.count('assets')).toBe(1);
    expect((await getVisit(db, 'v1'))?.assetBytes).toBe(4);
    expect((await getVisit(db, 'v2'))?.assetBytes).toBe(4);
    expect((await listAssetsOfVisit(db, 'v1')).map((a) => a.hash)).toEqual([logo.hash]);
  });

  it('records an address skipped with its reason, and no copy', async () => {
    await recordVisitAsset(db, use({ url: 'https://www.facebook.com/tr', skipped: 'tracker', width: 1, height: 1 }));
    expect(await listVisitAssets(db, 'v1')).toEqual([use({ url: 'https://www.facebook.com/tr', skipped: 'tracker', width: 1, height: 1 })]);
    expect(await db.count('assets')).toBe(0);
    expect((await getVisit(db, 'v1'))?.assetBytes).toBeUndefined();
  });

  it('refuses a record with both a copy and a reason, or neither', async () => {
    await expect(recordVisitAsset(db, use())).rejects.toThrow();
    await expect(recordVisitAsset(db, use({ hash: 'a'.repeat(64), skipped: 'failed' }))).rejects.toThrow();
    expect(await db.count('visitAssets')).toBe(0);
  });

  it('refuses a copy whose hash or size is not its bytes’, storing nothing', async () => {
    const asset = await copy(1, 2, 3);
    await expect(recordVisitAsset(db, use(), { ...asset, hash: 'b'.repeat(64) })).rejects.toThrow(/SHA-256/);
    await expect(recordVisitAsset(db, use(), { ...asset, size: 4 })).rejects.toThrow();
    expect([await db.count('assets'), await db.count('visitAssets')]).toEqual([0, 0]);
  });

  it('past the budget, records the address as skipped for the budget and marks the visit; a copy it has already still links', async () => {
    const big = await copy(...new Array<number>(8).fill(1));
    const more = await copy(...new Array<number>(5).fill(2));
    const small = await copy(3);
    await recordVisitAsset(db, use({ url: 'https://shop.example/a.jpg' }), big, 10, 100);
    const refused = await recordVisitAsset(db, use({ url: 'https://shop.example/b.jpg' }), more, 10, 200);
    expect(refused.use).toEqual(use({ url: 'https://shop.example/b.jpg', skipped: 'budget' }));
    // From then on even a copy that would fit is refused.
    expect((await recordVisitAsset(db, use({ url: 'https://shop.example/c.jpg' }), small, 10, 300)).use.skipped).toBe('budget');
    // The same bytes as a copy the visit has cost nothing.
    expect((await recordVisitAsset(db, use({ url: 'https://shop.example/a-copy.jpg' }), big, 10, 400)).use.hash).toBe(big.hash);
    const v = await getVisit(db, 'v1');
    expect([v?.assetBytes, v?.assetBudgetReachedAt]).toEqual([8, 200]);
    expect(await getAsset(db, more.hash)).toBeUndefined();
  });

  it('writes nothing for a visit that is gone', async () => {
    await deleteVisit(db, 'v1');
    await expect(recordVisitAsset(db, use(), await copy(1))).rejects.toBeInstanceOf(VisitGoneError);
    expect([await db.count('assets'), await db.count('visitAssets')]).toEqual([0, 0]);
  });
});

describe('deleteVisit and assets', () => {
  it('deletes the visit’s records and the copies no other visit uses, and keeps the shared ones', async () => {
    const shared = await copy(1, 1);
    const own = await copy(2, 2);
    await recordVisitAsset(db, use({ url: 'https://shop.example/logo.png' }), shared);
    await recordVisitAsset(db, use({ url: 'https://shop.example/derby.jpg' }), own);
    await recordVisitAsset(db, use({ url: 'https://www.facebook.com/tr', skipped: 'tracker' }));
    await recordVisitAsset(db, use({ visitId: 'v2', url: 'https://shop.example/logo.png' }), shared);

    await deleteVisit(db, 'v1');
    expect(await listVisitAssets(db, 'v1')).toEqual([]);
    expect(await getAsset(db, own.hash)).toBeUndefined();
    expect(await getAsset(db, shared.hash)).toEqual(shared);
    expect((await listVisitAssets(db, 'v2')).map((u) => u.url)).toEqual(['https://shop.example/logo.png']);

    await deleteVisit(db, 'v2');
    expect([await db.count('assets'), await db.count('visitAssets')]).toEqual([0, 0]);
  });

  it('leaves other visits whose id starts like the deleted one alone', async () => {
    await putVisit(db, visit({ id: 'v1b' }));
    await recordVisitAsset(db, use({ visitId: 'v1b' }), await copy(7));
    await deleteVisit(db, 'v1');
    expect(await listVisitAssets(db, 'v1b')).toHaveLength(1);
  });
});
