import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ECOMMERCE_CHECKLIST, QUICK_CHECKLIST } from '../../../../utils/checklist/defaults';
import type { Answer } from '../../../../utils/checklist/schema';
import { openMystereDb, type Db } from '../../../../utils/db/database';
import { putAnswer, putChunk, putInstalledChecklist, putNote, putScreenshot, putVisit, upsertPage } from '../../../../utils/db/repository';
import { recordVisitAsset } from '../../../../utils/db/assets';
import { sha256Hex } from '../../../../utils/assets/hash';
import { packBundle } from '../../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../../utils/report/bundle/unpack';
import { loadVisitContent } from '../../../../utils/report/load-visit';
import { chunkKey, visitDataSchema } from '../../../../utils/report/visit-data';
import type { Page } from '../../../../utils/schema/page';
import type { Screenshot } from '../../../../utils/schema/evidence';
import { chunk, page, visit } from '../../db/fixtures';

const T0 = Date.UTC(2026, 10, 24, 9, 30);

let db: Db;
beforeEach(async () => {
  db = await openMystereDb(crypto.randomUUID());
});
afterEach(() => db.close());

const putPage = (p: Page) => upsertPage(db, p.id, () => p);

function screenshot(over: Partial<Screenshot> = {}): Screenshot {
  return {
    id: 's1',
    visitId: 'v1',
    pageId: 'p-home',
    at: T0 + 500,
    offset: 500,
    kind: 'visible',
    trigger: 'button',
    width: 1280,
    height: 800,
    image: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3, 4]),
    thumb: new Uint8Array([0xff, 0xd8, 0xff, 9]),
    annotations: [],
    ...over,
  };
}

function answer(over: Partial<Answer> = {}): Answer {
  return {
    id: 'v1/A01',
    visitId: 'v1',
    checklistId: ECOMMERCE_CHECKLIST.id,
    criterionId: 'A01',
    state: 'no',
    comment: 'On ne comprend pas ce que vend le site.',
    pageId: 'p-home',
    at: T0 + 2000,
    offset: 2000,
    evidence: [{ kind: 'screenshot', screenshotId: 's1' }],
    ...over,
  };
}

/** Bytes that say which batch they are. */
const batch = (pageId: string, seq: number) => new TextEncoder().encode(`${pageId}#${seq}`);

/**
 * One visit of two pages, stored out of every natural order: the page opened first has the id that
 * sorts last, and the batches are written with their sequence numbers shuffled.
 */
async function storeVisit(over: Parameters<typeof visit>[0] = {}) {
  await putVisit(db, visit({ startedAt: T0, status: 'ended', endedAt: T0 + 60_000, checklistId: ECOMMERCE_CHECKLIST.id, ...over }));
  await putPage(page({ id: 'p-home', startedAt: T0, url: 'https://shop.example/' }));
  await putPage(page({ id: 'a-product', startedAt: T0 + 20_000, url: 'https://shop.example/produit', autoType: 'product' }));
  const parts: [string, number, number][] = [
    ['a-product', 1, T0 + 25_000],
    ['p-home', 1, T0 + 5000],
    ['a-product', 0, T0 + 20_000],
    ['p-home', 0, T0],
    ['a-product', 2, T0 + 40_000],
  ];
  for (const [pageId, seq, firstTs] of parts) {
    await putChunk(db, chunk({ pageId, seq, data: batch(pageId, seq), count: 3, firstTs, lastTs: firstTs + 4000 }));
  }
  await putScreenshot(db, screenshot());
  await putNote(db, { id: 'n1', visitId: 'v1', pageId: 'a-product', at: T0 + 21_000, offset: 1000, text: 'Les filtres se réinitialisent.' });
  await putAnswer(db, answer());
}

describe('loadVisitContent', () => {
  it('is undefined for an unknown visit', async () => {
    await storeVisit();
    expect(await loadVisitContent(db, 'nope')).toBeUndefined();
  });

  it('is undefined in an empty database', async () => {
    expect(await loadVisitContent(db, 'v1')).toBeUndefined();
  });

  it('returns data that parses as visit data, unchanged', async () => {
    await storeVisit();
    const content = await loadVisitContent(db, 'v1');
    expect(content).toBeDefined();
    expect(visitDataSchema.parse(content!.data)).toEqual(content!.data);
  });

  it('reads the visit, its pages in the order they were opened, and its evidence', async () => {
    await storeVisit();
    const { data } = (await loadVisitContent(db, 'v1'))!;
    expect(data.visit.id).toBe('v1');
    expect(data.pages.map((p) => p.id)).toEqual(['p-home', 'a-product']);
    expect(data.notes.map((n) => n.id)).toEqual(['n1']);
    expect(data.answers).toEqual([answer()]);
    expect(data.signals).toEqual([]);
    expect(data.abandonments).toEqual([]);
    expect(data.audits).toEqual([]);
    expect(data.review).toBeUndefined();
  });

  it('orders the recording by the pages’ start, then by sequence number', async () => {
    await storeVisit();
    const { data } = (await loadVisitContent(db, 'v1'))!;
    expect(data.recording.map((r) => chunkKey(r.pageId, r.seq))).toEqual(['p-home/0', 'p-home/1', 'a-product/0', 'a-product/1', 'a-product/2']);
    expect(data.recording[0]).toEqual({ visitId: 'v1', pageId: 'p-home', seq: 0, count: 3, firstTs: T0, lastTs: T0 + 4000 });
  });

  it('keeps the recording’s bytes out of the data, keyed by chunkKey beside it', async () => {
    await storeVisit();
    const { data, chunks } = (await loadVisitContent(db, 'v1'))!;
    for (const part of data.recording) expect(Object.keys(part)).not.toContain('data');
    expect([...chunks.keys()]).toEqual(data.recording.map((r) => chunkKey(r.pageId, r.seq)));
    for (const [key, bytes] of chunks) expect(new TextDecoder().decode(bytes)).toBe(key.replace('/', '#'));
  });

  it('keeps the screenshots’ bytes out of the data, keyed by id beside it', async () => {
    await storeVisit();
    const { data, screenshots } = (await loadVisitContent(db, 'v1'))!;
    const { image, thumb, ...meta } = screenshot();
    expect(data.screenshots).toEqual([meta]);
    expect(Object.keys(data.screenshots[0]!)).not.toContain('image');
    expect(Object.keys(data.screenshots[0]!)).not.toContain('thumb');
    expect(JSON.stringify(data)).not.toContain('"image"');
    expect([...screenshots.keys()]).toEqual(['s1']);
    expect(screenshots.get('s1')?.image).toEqual(image);
    expect(screenshots.get('s1')?.thumb).toEqual(thumb);
  });

  it('puts a batch of a page it does not know after the known pages', async () => {
    await storeVisit();
    await putChunk(db, chunk({ pageId: '0-gone', seq: 0, data: batch('0-gone', 0), firstTs: T0 - 1000, lastTs: T0 - 1000 }));
    const { data } = (await loadVisitContent(db, 'v1'))!;
    expect(data.recording.map((r) => chunkKey(r.pageId, r.seq)).at(-1)).toBe('0-gone/0');
  });

  it('reads nothing of another visit', async () => {
    await storeVisit();
    await putVisit(db, visit({ id: 'v2', startedAt: T0 + 100_000 }));
    await putPage(page({ id: 'p-other', visitId: 'v2', startedAt: T0 + 100_000 }));
    await putChunk(db, chunk({ visitId: 'v2', pageId: 'p-other', seq: 0 }));
    await putScreenshot(db, screenshot({ id: 's2', visitId: 'v2', pageId: 'p-other' }));
    await putAnswer(db, answer({ id: 'v2/A01', visitId: 'v2', pageId: 'p-other' }));
    const content = (await loadVisitContent(db, 'v1'))!;
    expect(content.data.pages.map((p) => p.visitId)).toEqual(['v1', 'v1']);
    expect(content.data.recording.every((r) => r.visitId === 'v1')).toBe(true);
    expect([...content.screenshots.keys()]).toEqual(['s1']);
    expect(content.data.answers.map((a) => a.visitId)).toEqual(['v1']);
    const other = (await loadVisitContent(db, 'v2'))!;
    expect([...other.chunks.keys()]).toEqual(['p-other/0']);
    expect([...other.screenshots.keys()]).toEqual(['s2']);
  });

  it('reads a visit with nothing recorded', async () => {
    await putVisit(db, visit());
    const content = (await loadVisitContent(db, 'v1'))!;
    expect(content.data.pages).toEqual([]);
    expect(content.data.recording).toEqual([]);
    expect(content.data.checklist).toBeUndefined();
    expect(content.chunks.size).toBe(0);
    expect(content.screenshots.size).toBe(0);
  });

  const AGENCY = { ...ECOMMERCE_CHECKLIST, id: 'agence-nord' };
  it.each<[string, string | undefined, string[], string | undefined]>([
    ['the visit’s checklist', ECOMMERCE_CHECKLIST.id, [], ECOMMERCE_CHECKLIST.id],
    ['the visit’s checklist over the answers’ one', QUICK_CHECKLIST.id, [ECOMMERCE_CHECKLIST.id], QUICK_CHECKLIST.id],
    ['the answers’ checklist when the visit names none', undefined, [ECOMMERCE_CHECKLIST.id], ECOMMERCE_CHECKLIST.id],
    ['the answers’ checklist when the visit’s no longer exists', 'deleted', [ECOMMERCE_CHECKLIST.id], ECOMMERCE_CHECKLIST.id],
    ['the oldest answer’s checklist', undefined, [QUICK_CHECKLIST.id, ECOMMERCE_CHECKLIST.id], QUICK_CHECKLIST.id],
    ['an installed checklist', AGENCY.id, [], AGENCY.id],
    ['an installed checklist named by the answers', undefined, [AGENCY.id], AGENCY.id],
    ['none when nothing names one', undefined, [], undefined],
    ['none when the names are all unknown', 'deleted', ['gone-too'], undefined],
  ])('resolves %s', async (_, checklistId, answerChecklists, expected) => {
    await putVisit(db, visit({ checklistId }));
    await putInstalledChecklist(db, { id: AGENCY.id, checklist: AGENCY, installedAt: T0 });
    for (const [i, id] of answerChecklists.entries()) {
      await putAnswer(db, answer({ id: `v1/C${i}`, criterionId: `C${i}`, checklistId: id, at: T0 + 1000 * (i + 1), evidence: [] }));
    }
    const { data } = (await loadVisitContent(db, 'v1'))!;
    expect(data.checklist?.id).toBe(expected);
    if (expected === ECOMMERCE_CHECKLIST.id) expect(data.checklist).toEqual(ECOMMERCE_CHECKLIST);
  });
});

describe('loadVisitContent: the shop’s assets kept for the replay (issue 15)', () => {
  it('answers each address the visit used with its stored copy, or as not kept with its shown size', async () => {
    await putVisit(db, visit({ startedAt: T0 }));
    const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
    const hash = await sha256Hex(bytes);
    const use = { visitId: 'v1', pageId: 'p-home', at: T0 + 100 };
    await recordVisitAsset(db, { ...use, url: 'https://shop.example/img/derby.jpg', kind: 'image', hash, width: 320, height: 240 }, { hash, mime: 'image/webp', size: bytes.byteLength, width: 640, height: 480, data: bytes });
    await recordVisitAsset(db, { ...use, url: 'https://pay.example/logo.png', kind: 'image', skipped: 'payment', width: 80, height: 20 });
    const content = await loadVisitContent(db, 'v1');
    expect(content?.assets?.get('https://shop.example/img/derby.jpg')).toEqual({ kind: 'image', mime: 'image/webp', bytes });
    expect(content?.assets?.get('https://pay.example/logo.png')).toEqual({ missing: true, width: 80, height: 20 });
    // A visit that kept none has no map at all.
    await putVisit(db, visit({ id: 'v2', startedAt: T0 }));
    expect((await loadVisitContent(db, 'v2'))?.assets).toBeUndefined();
  });

  it('gives the uses and copies a bundle carries: the export packs them and the import gives the same replay answers', async () => {
    await putVisit(db, visit({ startedAt: T0 }));
    const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 9, 8, 7]);
    const hash = await sha256Hex(bytes);
    const use = { visitId: 'v1', pageId: 'p-home', at: T0 + 100 };
    const copy = { hash, mime: 'image/webp', size: bytes.byteLength, width: 64, height: 48, data: bytes };
    await recordVisitAsset(db, { ...use, url: 'https://shop.example/a.webp', kind: 'image', hash }, copy);
    await recordVisitAsset(db, { ...use, url: 'https://shop.example/b.webp', kind: 'image', hash }, copy);
    await recordVisitAsset(db, { ...use, url: 'https://shop.example/c.png', kind: 'image', skipped: 'budget', width: 10, height: 5 });
    const content = await loadVisitContent(db, 'v1');
    if (!content) throw new Error('no visit');
    expect(content.data.assets?.map((u) => u.url).sort()).toEqual(['https://shop.example/a.webp', 'https://shop.example/b.webp', 'https://shop.example/c.png']);
    expect(content.data.assetCopies).toEqual([{ hash, mime: 'image/webp', size: bytes.byteLength, width: 64, height: 48 }]);
    expect(content.assetFiles).toEqual(new Map([[hash, bytes]]));
    const unpacked = await unpackBundle(await packBundle(content, { now: T0 + 1000, generator: { name: 'Mystère', version: 'test' } }));
    if (!unpacked.ok) throw new Error(unpacked.error.code);
    expect(unpacked.content.assets).toEqual(content.assets);
  });

  it('gives a use whose copy is no longer stored as not kept, so that the bundle never names a copy it lacks', async () => {
    await putVisit(db, visit({ startedAt: T0 }));
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const hash = await sha256Hex(bytes);
    await recordVisitAsset(db, { visitId: 'v1', pageId: 'p-home', at: T0, url: 'https://shop.example/gone.png', kind: 'image', hash, width: 30, height: 20 }, { hash, mime: 'image/png', size: 4, data: bytes });
    await db.delete('assets', hash);
    const content = await loadVisitContent(db, 'v1');
    expect(content?.data.assets?.[0]).toMatchObject({ url: 'https://shop.example/gone.png', skipped: 'failed' });
    expect(content?.data.assets?.[0]?.hash).toBeUndefined();
    expect(content?.data.assetCopies).toEqual([]);
    expect(content?.assets?.get('https://shop.example/gone.png')).toEqual({ missing: true, width: 30, height: 20 });
    if (!content) return;
    const unpacked = await unpackBundle(await packBundle(content, { now: T0 + 1000, generator: { name: 'Mystère', version: 'test' } }));
    expect(unpacked.ok).toBe(true);
  });
});
