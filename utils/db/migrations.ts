import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { MystereDB } from './database';

type UpgradeTx = IDBPTransaction<MystereDB, StoreNames<MystereDB>[], 'versionchange'>;

/**
 * Migration N takes the database from version N-1 to N. They run in order inside the upgrade
 * transaction; a migration that throws aborts it, and the database stays at its old version.
 */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<MystereDB>, tx: UpgradeTx) => void> = [
  // 0 → 1: visits, their pages and the recording's compressed chunks.
  (db) => {
    db.createObjectStore('visits', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
    db.createObjectStore('pages', { keyPath: 'id' }).createIndex('visitId', 'visitId');
    const chunks = db.createObjectStore('chunks', { keyPath: ['visitId', 'pageId', 'seq'] });
    chunks.createIndex('visitId', 'visitId');
  },
  // 1 → 2: find the running visit without reading them all (every recorder's hello asks).
  (_db, tx) => {
    tx.objectStore('visits').createIndex('status', 'status');
  },
  // 2 → 3: the evidence of a visit, each kind in its own store found by visit.
  (db) => {
    for (const name of ['screenshots', 'notes', 'signals', 'abandonments'] as const) {
      db.createObjectStore(name, { keyPath: 'id' }).createIndex('visitId', 'visitId');
    }
  },
  // 3 → 4: checklists imported by the evaluator, and the answers of each visit.
  (db) => {
    db.createObjectStore('checklists', { keyPath: 'id' });
    db.createObjectStore('answers', { keyPath: 'id' }).createIndex('visitId', 'visitId');
  },
  // 4 → 5: accessibility and speed audits of each page.
  (db) => {
    db.createObjectStore('audits', { keyPath: 'id' }).createIndex('visitId', 'visitId');
  },
  // 5 → 6: missions imported by the evaluator, by the mission's own id.
  (db) => {
    db.createObjectStore('missions', { keyPath: 'mission.id' });
  },
  // 6 → 7: the shop's assets kept for the replay (utils/assets/schema.ts): each stored copy once, by
  // its hash; and where each visit used an address. `hash` finds whether another visit still uses a
  // copy (a deleted visit's copies go with it otherwise); `visitHash` whether this visit already has it.
  (db) => {
    db.createObjectStore('assets', { keyPath: 'hash' });
    const uses = db.createObjectStore('visitAssets', { keyPath: ['visitId', 'url'] });
    uses.createIndex('visitId', 'visitId');
    uses.createIndex('hash', 'hash');
    uses.createIndex('visitHash', ['visitId', 'hash']);
  },
];

export const DB_VERSION = MIGRATIONS.length;
