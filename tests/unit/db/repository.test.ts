import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMystereDb, type Db } from '../../../utils/db/database';
import {
  deleteVisit,
  findActiveVisit,
  listEvidence,
  putAbandonment,
  putNote,
  putScreenshot,
  putSignal,
  getPage,
  getVisit,
  listChunks,
  listPages,
  listUnfinishedVisits,
  listVisits,
  putAnswer,
  putAudit,
  putChunk,
  putVisit,
  updateVisit,
  upsertPage,
  deleteInstalledMission,
  getInstalledMission,
  listInstalledMissions,
  putInstalledMission,
} from '../../../utils/db/repository';
import { missionSchema, type Mission } from '../../../utils/mission/schema';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { validMissionFile } from '../mission/fixtures';
import type { Chunk } from '../../../utils/schema/chunk';
import type { Visit } from '../../../utils/schema/visit';
import { VisitGoneError } from '../../../utils/db/errors';
import { chunk, page, visit } from './fixtures';

let db: Db;
beforeEach(async () => {
  db = await openMystereDb(crypto.randomUUID());
});
afterEach(() => db.close());

describe('visits', () => {
  it('stores and reads a visit', async () => {
    await putVisit(db, visit({ userAgent: 'UA' }));
    expect(await getVisit(db, 'v1')).toEqual(visit({ userAgent: 'UA' }));
  });

  it.each([
    ['an empty id', { id: '' }],
    ['an unknown status', { status: 'running' }],
    ['a fractional tab id', { tabIds: [1.5] }],
    ['a pause without a start', { pauses: [{ to: 5 }] }],
  ])('rejects a visit with %s, and stores nothing', async (_, over) => {
    const bad = { ...visit(), ...over } as Visit;
    await expect(putVisit(db, bad)).rejects.toThrow();
    expect(await db.count('visits')).toBe(0);
  });

  it('lists visits newest first', async () => {
    for (const [id, startedAt] of [['b', 2000], ['c', 3000], ['a', 1000]] as const) await putVisit(db, visit({ id, startedAt }));
    expect((await listVisits(db)).map((v) => v.id)).toEqual(['c', 'b', 'a']);
  });

  it('finds the visit that is recording or paused', async () => {
    await putVisit(db, visit({ id: 'old', status: 'ended', endedAt: 2 }));
    await putVisit(db, visit({ id: 'cut', status: 'interrupted' }));
    expect(await findActiveVisit(db)).toBeUndefined();
    await putVisit(db, visit({ id: 'now', status: 'paused' }));
    expect((await findActiveVisit(db))?.id).toBe('now');
  });

  it('lists the visits left recording or paused', async () => {
    await putVisit(db, visit({ id: 'rec', status: 'recording' }));
    await putVisit(db, visit({ id: 'pau', status: 'paused' }));
    await putVisit(db, visit({ id: 'end', status: 'ended' }));
    await putVisit(db, visit({ id: 'int', status: 'interrupted' }));
    expect((await listUnfinishedVisits(db)).map((v) => v.id).sort()).toEqual(['pau', 'rec']);
  });

  it('updates a visit in place and returns it', async () => {
    await putVisit(db, visit());
    const next = await updateVisit(db, 'v1', (v) => ({ ...v, status: 'paused', pauses: [{ from: 5 }] }));
    expect(next).toEqual(visit({ status: 'paused', pauses: [{ from: 5 }] }));
    expect(await getVisit(db, 'v1')).toEqual(next);
  });

  it('returns undefined when updating a missing visit, and creates nothing', async () => {
    let called = false;
    expect(await updateVisit(db, 'nope', (v) => ((called = true), v))).toBeUndefined();
    expect(called).toBe(false);
    expect(await db.count('visits')).toBe(0);
  });

  it('rejects an update that makes the visit invalid, keeping the stored one', async () => {
    await putVisit(db, visit());
    await expect(updateVisit(db, 'v1', (v) => ({ ...v, tabIds: [0.5] }))).rejects.toThrow();
    expect(await getVisit(db, 'v1')).toEqual(visit());
  });
});

describe('a visit of a mission', () => {
  const mission: Mission = missionSchema.parse(validMissionFile());
  const followed = (over: Partial<Visit> = {}) =>
    visit({
      mission,
      missionHash: 'f'.repeat(64),
      stepStatuses: { home: { status: 'done', comment: '', at: 2000 }, basket: { status: 'blocked', comment: 'Rupture de stock', at: 3000 } },
      explanations: { 'evidence/delivery-note': 'Pas de page de livraison : le panier était vide.' },
      ...over,
    });

  it('keeps its copy of the mission, its step marks and explanations as given, through updates', async () => {
    await putVisit(db, followed());
    await updateVisit(db, 'v1', (v) => ({ ...v, status: 'paused', pauses: [{ from: 5 }] }));
    expect(await getVisit(db, 'v1')).toEqual(followed({ status: 'paused', pauses: [{ from: 5 }] }));
  });

  it.each([
    ['a failed step without a comment', { stepStatuses: { home: { status: 'failed', comment: '  ', at: 1 } } }],
    ['a step mark of another kind', { stepStatuses: { home: { status: 'skipped', comment: '', at: 1 } } }],
    ['an explanation of something that is no missing item', { explanations: { 'answer/D05': 'Vu.' } }],
    ['an empty explanation', { explanations: { 'step/home': ' ' } }],
    ['a hash that is not SHA-256 hex', { missionHash: 'abc' }],
    ['a mission that is not one', { mission: { ...mission, steps: 'all' } }],
  ])('is refused with %s', async (_, over) => {
    await expect(putVisit(db, { ...visit(), ...over } as Visit)).rejects.toThrow();
    expect(await db.count('visits')).toBe(0);
  });
});

describe('installed missions', () => {
  const mission = (id: string, title = 'Mission'): Mission => missionSchema.parse({ ...validMissionFile(), id, title: { fr: title, en: title } });

  it('lists them in the order installed, replaces one of the same id, deletes one', async () => {
    await putInstalledMission(db, { mission: mission('b'), installedAt: 2, hash: 'b'.repeat(64) });
    await putInstalledMission(db, { mission: mission('a'), installedAt: 1, hash: 'a'.repeat(64) });
    expect((await listInstalledMissions(db)).map((i) => i.mission.id)).toEqual(['a', 'b']);
    await putInstalledMission(db, { mission: mission('b', 'Again'), installedAt: 3, hash: 'c'.repeat(64) });
    expect(await getInstalledMission(db, 'b')).toEqual({ mission: mission('b', 'Again'), installedAt: 3, hash: 'c'.repeat(64) });
    await deleteInstalledMission(db, 'a');
    expect((await listInstalledMissions(db)).map((i) => i.mission.id)).toEqual(['b']);
  });

  it('refuses what is not an installed mission, storing nothing', async () => {
    await expect(putInstalledMission(db, { mission: { ...QUICK_VISIT_MISSION, sites: ['shop.example'] }, installedAt: 1, hash: 'a'.repeat(64) })).rejects.toThrow();
    await expect(putInstalledMission(db, { mission: QUICK_VISIT_MISSION, installedAt: 1, hash: 'not hex' })).rejects.toThrow();
    expect(await db.count('missions')).toBe(0);
  });
});

/** Pages, batches and evidence are only stored for a visit that exists. */
const storeVisits = async () => {
  for (const id of ['v1', 'v2']) await putVisit(db, visit({ id }));
};

describe('pages', () => {
  beforeEach(storeVisits);

  it('creates, merges and leaves pages through upsertPage', async () => {
    await upsertPage(db, 'p1', (current) => current ?? page());
    await upsertPage(db, 'p1', (current) => current && { ...current, title: 'Nouveau' });
    expect(await upsertPage(db, 'p1', () => undefined)).toBeUndefined();
    expect(await getPage(db, 'p1')).toEqual(page({ title: 'Nouveau' }));
  });

  it('rejects an invalid page', async () => {
    await expect(upsertPage(db, 'p1', () => page({ navType: 'teleport' as 'navigate' }))).rejects.toThrow();
    expect(await getPage(db, 'p1')).toBeUndefined();
  });

  it("lists a visit's pages by start time, and only that visit's", async () => {
    for (const [id, startedAt, visitId] of [
      ['p-late', 3000, 'v1'],
      ['p-first', 1000, 'v1'],
      ['other', 500, 'v2'],
      ['p-mid', 2000, 'v1'],
    ] as const) {
      await upsertPage(db, id, () => page({ id, startedAt, visitId }));
    }
    expect((await listPages(db, 'v1')).map((p) => p.id)).toEqual(['p-first', 'p-mid', 'p-late']);
  });
});

describe('chunks', () => {
  beforeEach(storeVisits);

  it('stores a chunk twice under the same key as one record, the last one', async () => {
    await putChunk(db, chunk({ data: new Uint8Array([1]) }));
    await putChunk(db, chunk({ data: new Uint8Array([2, 2]) }));
    expect(await db.count('chunks')).toBe(1);
    expect(await listChunks(db, 'v1')).toEqual([chunk({ data: new Uint8Array([2, 2]) })]);
  });

  it('rejects an invalid chunk', async () => {
    await expect(putChunk(db, chunk({ seq: -1 }))).rejects.toThrow();
    await expect(putChunk(db, { ...chunk(), data: [1, 2] as unknown as Chunk['data'] })).rejects.toThrow();
    expect(await db.count('chunks')).toBe(0);
  });

  it("lists a visit's chunks by page then sequence number, numerically", async () => {
    const keys: Array<[string, number]> = [['p2', 0], ['p1', 10], ['p1', 2], ['p2', 1], ['p1', 0]];
    for (const [pageId, seq] of keys) await putChunk(db, chunk({ pageId, seq }));
    await putChunk(db, chunk({ visitId: 'v2', pageId: 'p0', seq: 0 }));
    expect((await listChunks(db, 'v1')).map((c) => [c.pageId, c.seq])).toEqual([
      ['p1', 0],
      ['p1', 2],
      ['p1', 10],
      ['p2', 0],
      ['p2', 1],
    ]);
  });
});

describe('deleteVisit', () => {
  it("removes the visit with its pages and chunks, and nothing of another visit's", async () => {
    for (const visitId of ['v1', 'v2']) {
      await putVisit(db, visit({ id: visitId }));
      for (const id of ['a', 'b']) {
        await upsertPage(db, `${visitId}-${id}`, () => page({ id: `${visitId}-${id}`, visitId }));
        await putChunk(db, chunk({ visitId, pageId: `${visitId}-${id}`, seq: 0 }));
        await putChunk(db, chunk({ visitId, pageId: `${visitId}-${id}`, seq: 1 }));
      }
    }
    await deleteVisit(db, 'v1');
    expect(await getVisit(db, 'v1')).toBeUndefined();
    expect(await listPages(db, 'v1')).toEqual([]);
    expect(await listChunks(db, 'v1')).toEqual([]);
    expect(await getVisit(db, 'v2')).toBeDefined();
    expect((await listPages(db, 'v2')).map((p) => p.id)).toEqual(['v2-a', 'v2-b']);
    expect(await listChunks(db, 'v2')).toHaveLength(4);
    expect([await db.count('pages'), await db.count('chunks')]).toEqual([2, 4]);
  });

  it('removes the visit’s evidence too, and nothing of another visit’s', async () => {
    for (const visitId of ['v1', 'v2']) {
      await putVisit(db, visit({ id: visitId }));
      const base = { visitId, pageId: `${visitId}-a`, at: 5, offset: 0 };
      await putNote(db, { ...base, id: `${visitId}-note`, text: 'Note' });
      await putSignal(db, { ...base, id: `${visitId}-signal`, type: 'dead-click', facts: { label: 'Guide' } });
      await putAbandonment(db, { ...base, id: `${visitId}-ab`, stage: 'cart', reason: 'extra-costs', comment: '' });
      await putScreenshot(db, {
        ...base,
        id: `${visitId}-shot`,
        kind: 'visible',
        trigger: 'button',
        width: 10,
        height: 10,
        image: new Uint8Array([1]),
        thumb: new Uint8Array([2]),
        annotations: [],
      });
    }
    await deleteVisit(db, 'v1');
    for (const store of ['notes', 'signals', 'abandonments', 'screenshots'] as const) {
      expect(await listEvidence(db, store, 'v1'), store).toEqual([]);
      expect((await listEvidence(db, store, 'v2')).map((e) => e.visitId), store).toEqual(['v2']);
    }
  });

  it('refuses evidence that does not match its schema', async () => {
    await expect(putSignal(db, { id: 's', visitId: 'v1', pageId: 'p', at: 1, offset: -1, type: 'dead-click', facts: {} })).rejects.toThrow();
    await expect(putNote(db, { id: 'n', visitId: 'v1', pageId: 'p', at: 1, offset: 0, text: '' })).rejects.toThrow();
  });

  it('does nothing for a missing visit', async () => {
    await putVisit(db, visit());
    await deleteVisit(db, 'nope');
    expect(await db.count('visits')).toBe(1);
  });
});

describe('a record of a visit that is gone', () => {
  const base = { visitId: 'v1', pageId: 'p1', at: 5, offset: 0 };
  const writes: Record<string, () => Promise<unknown>> = {
    page: () => upsertPage(db, 'p1', () => page()),
    chunk: () => putChunk(db, chunk()),
    screenshot: () =>
      putScreenshot(db, {
        ...base,
        id: 'shot',
        kind: 'visible',
        trigger: 'button',
        width: 10,
        height: 10,
        image: new Uint8Array([1]),
        thumb: new Uint8Array([2]),
        annotations: [],
      }),
    note: () => putNote(db, { ...base, id: 'note', text: 'Note' }),
    signal: () => putSignal(db, { ...base, id: 'signal', type: 'dead-click', facts: { label: 'Guide' } }),
    abandonment: () => putAbandonment(db, { ...base, id: 'ab', stage: 'cart', reason: 'extra-costs', comment: '' }),
    answer: () => putAnswer(db, { ...base, id: 'v1/c/q', checklistId: 'c', criterionId: 'q', state: 'yes', comment: '', evidence: [] }),
    audit: () => putAudit(db, { id: 'audit', visitId: 'v1', pageId: 'p1', trigger: 'rerun', at: 5, status: 'timed-out', durationMs: 1 }),
  };
  const storesOfV1 = ['pages', 'chunks', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits'] as const;
  const leftOfV1 = async () => {
    const counts = await Promise.all(storesOfV1.map((store) => db.countFromIndex(store, 'visitId', 'v1')));
    return counts.reduce((a, b) => a + b, 0);
  };

  it.each(Object.keys(writes))('is refused (%s): nothing is stored without its visit', async (kind) => {
    await expect(writes[kind]!()).rejects.toBeInstanceOf(VisitGoneError);
    expect(await leftOfV1()).toBe(0);
  });

  it.each(Object.keys(writes))('leaves nothing (%s) whether the write or the delete comes first', async (kind) => {
    // A capture or an audit finishing while the evaluator deletes the visit: whichever the browser
    // runs first, nothing of the visit is left.
    await putVisit(db, visit());
    const [written] = await Promise.allSettled([writes[kind]!(), deleteVisit(db, 'v1')]);
    await putVisit(db, visit());
    const [late] = await Promise.allSettled([deleteVisit(db, 'v1').then(() => writes[kind]!())]);
    // Stored then deleted, or refused (a write through the privacy pass starts its transaction later).
    expect(written.status === 'fulfilled' || written.reason instanceof VisitGoneError).toBe(true);
    expect(late.status === 'rejected' && late.reason).toBeInstanceOf(VisitGoneError);
    expect(await getVisit(db, 'v1')).toBeUndefined();
    expect(await leftOfV1()).toBe(0);
  });
});

describe('storage budget', () => {
  it('counts the bytes of chunks, screenshots and audits on the visit; a resend replaces its own', async () => {
    await putVisit(db, visit());
    await putChunk(db, chunk({ data: new Uint8Array(100) }));
    await putChunk(db, chunk({ data: new Uint8Array(100) }));
    await putChunk(db, chunk({ seq: 1, data: new Uint8Array(50) }));
    expect((await getVisit(db, 'v1'))?.storage).toEqual({ bytes: 150 });
  });

  it('refuses a chunk over the budget, marks the visit full and keeps the pages and notes coming', async () => {
    await putVisit(db, visit());
    expect(await putChunk(db, chunk({ data: new Uint8Array(850) }), 1000)).toEqual({ stored: true, crossed: 'warn' });
    expect(await putChunk(db, chunk({ seq: 1, data: new Uint8Array(200) }), 1000)).toEqual({ stored: false, crossed: 'full' });
    expect(await listChunks(db, 'v1')).toHaveLength(1);
    const stored = await getVisit(db, 'v1');
    expect(stored?.storage).toMatchObject({ bytes: 850, budget: 1000 });
    expect(stored?.storage?.fullAt).toBeTypeOf('number');
    await putNote(db, { id: 'n1', visitId: 'v1', pageId: 'p', at: 1, offset: 0, text: 'still kept' });
    expect(await listEvidence(db, 'notes', 'v1')).toHaveLength(1);
  });
});
