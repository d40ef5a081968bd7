import { afterEach, describe, expect, it } from 'vitest';
import { openMystereDb, type Db } from '../../../utils/db/database';
import { DB_VERSION, MIGRATIONS } from '../../../utils/db/migrations';
import {
  findActiveVisit,
  getInstalledMission,
  getPage,
  getVisit,
  listChunks,
  listEvidence,
  listInstalledChecklists,
  listInstalledMissions,
  listUnfinishedVisits,
  putInstalledMission,
  putNote,
} from '../../../utils/db/repository';
import { QUICK_CHECKLIST } from '../../../utils/checklist/defaults';
import { missionSchema } from '../../../utils/mission/schema';
import { validMissionFile } from '../mission/fixtures';
import { chunk, page, visit } from './fixtures';
import { listVisitAssets, recordVisitAsset } from '../../../utils/db/assets';
import { sha256Hex } from '../../../utils/assets/hash';

const opened: Db[] = [];
async function open(name: string, version?: number): Promise<Db> {
  const db = await openMystereDb(name, version);
  opened.push(db);
  return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('openMystereDb', () => {
  it('is at the latest version, one per migration', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('creates every store and index in a fresh database', async () => {
    const db = await open(crypto.randomUUID());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'abandonments',
      'answers',
      'assets',
      'audits',
      'checklists',
      'chunks',
      'missions',
      'notes',
      'pages',
      'screenshots',
      'signals',
      'visitAssets',
      'visits',
    ]);
    expect(db.transaction('assets').store.keyPath).toBe('hash');
    const uses = db.transaction('visitAssets').store;
    expect([uses.keyPath, [...uses.indexNames].sort()]).toEqual([['visitId', 'url'], ['hash', 'visitHash', 'visitId']]);
    expect([...db.transaction('checklists').store.indexNames]).toEqual([]);
    expect([db.transaction('missions').store.keyPath, [...db.transaction('missions').store.indexNames]]).toEqual(['mission.id', []]);
    for (const name of ['abandonments', 'answers', 'audits', 'notes', 'screenshots', 'signals'] as const) {
      const store = db.transaction(name).store;
      expect([store.keyPath, [...store.indexNames]], name).toEqual(['id', ['visitId']]);
    }
    const tx = db.transaction(['visits', 'pages', 'chunks']);
    expect([...tx.objectStore('visits').indexNames].sort()).toEqual(['startedAt', 'status']);
    expect([...tx.objectStore('pages').indexNames]).toEqual(['visitId']);
    expect([...tx.objectStore('chunks').indexNames]).toEqual(['visitId']);
    expect(tx.objectStore('visits').keyPath).toBe('id');
    expect(tx.objectStore('chunks').keyPath).toEqual(['visitId', 'pageId', 'seq']);
    await tx.done;
  });

  it('builds a version 1 database without the status index', async () => {
    const db = await open(crypto.randomUUID(), 1);
    expect(db.version).toBe(1);
    expect([...db.transaction('visits').store.indexNames]).toEqual(['startedAt']);
  });

  it('upgrades a version 1 database, keeping its data, and the status index works', async () => {
    const name = crypto.randomUUID();
    const old = await open(name, 1);
    // Written raw: the repository expects the latest schema.
    await old.put('visits', visit({ id: 'running', status: 'paused', pauses: [{ from: 1500 }] }));
    await old.put('visits', visit({ id: 'done', status: 'ended', endedAt: 2000 }));
    await old.put('pages', page({ id: 'p1', visitId: 'running' }));
    await old.put('chunks', chunk({ visitId: 'running', pageId: 'p1', seq: 0, data: new Uint8Array([7, 8]) }));
    old.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getVisit(db, 'done')).toEqual(visit({ id: 'done', status: 'ended', endedAt: 2000 }));
    expect(await getPage(db, 'p1')).toEqual(page({ id: 'p1', visitId: 'running' }));
    expect(await listChunks(db, 'running')).toEqual([chunk({ visitId: 'running', pageId: 'p1', seq: 0, data: new Uint8Array([7, 8]) })]);
    expect((await findActiveVisit(db))?.id).toBe('running');
    expect((await listUnfinishedVisits(db)).map((v) => v.id)).toEqual(['running']);
  });

  it('upgrades a version 2 database to add the evidence stores, keeping its data', async () => {
    const name = crypto.randomUUID();
    const old = await open(name, 2);
    expect([...old.objectStoreNames].sort()).toEqual(['chunks', 'pages', 'visits']);
    await old.put('visits', visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    old.close();

    const db = await open(name);
    expect(await getVisit(db, 'kept')).toEqual(visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    expect(await db.count('signals')).toBe(0);
    await putNote(db, { id: 'n1', visitId: 'kept', pageId: 'p1', at: 1, offset: 0, text: 'Vu.' });
    expect((await listEvidence(db, 'notes', 'kept')).map((n) => n.text)).toEqual(['Vu.']);
  });

  it('upgrades a version 5 database to add the missions store, keeping its data', async () => {
    const name = crypto.randomUUID();
    const old = await open(name, 5);
    expect([...old.objectStoreNames]).not.toContain('missions');
    await old.put('visits', visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    await old.put('checklists', { id: 'agence', checklist: QUICK_CHECKLIST, installedAt: 1 });
    old.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getVisit(db, 'kept')).toEqual(visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    expect((await listInstalledChecklists(db)).map((c) => c.id)).toEqual(['agence']);
    expect(await listInstalledMissions(db)).toEqual([]);
    const mission = missionSchema.parse(validMissionFile());
    await putInstalledMission(db, { mission, installedAt: 5, hash: 'a'.repeat(64) });
    expect(await getInstalledMission(db, 'agence-test-juillet')).toEqual({ mission, installedAt: 5, hash: 'a'.repeat(64) });
  });

  it('upgrades a version 6 database to add the asset stores, keeping its data', async () => {
    const name = crypto.randomUUID();
    const old = await open(name, 6);
    expect([...old.objectStoreNames]).not.toContain('assets');
    await old.put('visits', visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    old.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getVisit(db, 'kept')).toEqual(visit({ id: 'kept', status: 'ended', endedAt: 2000 }));
    expect(await db.count('assets')).toBe(0);
    const data = new Uint8Array([1, 2, 3]);
    const hash = await sha256Hex(data);
    await recordVisitAsset(db, { visitId: 'kept', url: 'https://shop.example/a.png', kind: 'image', pageId: 'p1', at: 1 }, { hash, mime: 'image/png', size: 3, data });
    expect((await listVisitAssets(db, 'kept')).map((u) => u.hash)).toEqual([hash]);
  });

  it('reopens an up-to-date database without running migrations again', async () => {
    const name = crypto.randomUUID();
    (await open(name)).close();
    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('visits').store.indexNames].sort()).toEqual(['startedAt', 'status']);
  });

  it('keeps databases of different names apart', async () => {
    const a = await open(crypto.randomUUID());
    const b = await open(crypto.randomUUID());
    await a.put('visits', visit());
    expect(await b.get('visits', 'v1')).toBeUndefined();
  });
});
