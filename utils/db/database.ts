import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Chunk } from '../schema/chunk';
import type { Abandonment, Note, Screenshot, Signal } from '../schema/evidence';
import type { Answer } from '../checklist/schema';
import type { AuditRecord } from '../audit/schema';
import type { InstalledChecklist } from '../checklist/installed';
import type { InstalledMission } from '../mission/installed';
import type { Page } from '../schema/page';
import type { Visit } from '../schema/visit';
import type { Asset, VisitAsset } from '../assets/schema';
import { DB_VERSION, MIGRATIONS } from './migrations';

export const DB_NAME = 'mystere';

export interface MystereDB extends DBSchema {
  visits: { key: string; value: Visit; indexes: { startedAt: number; status: string } };
  pages: { key: string; value: Page; indexes: { visitId: string } };
  chunks: { key: [string, string, number]; value: Chunk; indexes: { visitId: string } };
  screenshots: { key: string; value: Screenshot; indexes: { visitId: string } };
  notes: { key: string; value: Note; indexes: { visitId: string } };
  signals: { key: string; value: Signal; indexes: { visitId: string } };
  abandonments: { key: string; value: Abandonment; indexes: { visitId: string } };
  checklists: { key: string; value: InstalledChecklist };
  answers: { key: string; value: Answer; indexes: { visitId: string } };
  audits: { key: string; value: AuditRecord; indexes: { visitId: string } };
  missions: { key: string; value: InstalledMission };
  assets: { key: string; value: Asset };
  visitAssets: { key: [string, string]; value: VisitAsset; indexes: { visitId: string; hash: string; visitHash: [string, string] } };
}

export type Db = IDBPDatabase<MystereDB>;

/**
 * Opens the database, running the migrations it lacks. `version` is for tests that build an old
 * database to upgrade.
 */
export function openMystereDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB<MystereDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking() {
      // Another context wants to upgrade: step aside rather than block it.
    },
  });
}

let shared: Promise<Db> | undefined;
/** One connection per context, opened on first use. */
export function db(): Promise<Db> {
  shared ??= openMystereDb().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
