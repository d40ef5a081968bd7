import { chunkSchema, type Chunk } from '../schema/chunk';
import { pageSchema, type Page } from '../schema/page';
import { visitSchema, type Visit } from '../schema/visit';
import {
  abandonmentSchema,
  noteSchema,
  screenshotSchema,
  signalSchema,
  type Abandonment,
  type Note,
  type Screenshot,
  type Signal,
} from '../schema/evidence';
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db, MystereDB } from './database';
import { VisitGoneError } from './errors';
import { answerSchema, type Answer } from '../checklist/schema';
import { auditRecordSchema, type AuditRecord } from '../audit/schema';
import { installedChecklistSchema, type InstalledChecklist } from '../checklist/installed';
import { installedMissionSchema, type InstalledMission } from '../mission/installed';
import { PrivacyPass } from '../privacy/pass';
import { scrubCardNumbers } from '../privacy/identifiers';
import { gzipText } from '../recording/codec';
import { account, type Accounted } from './budget';

/**
 * Typed reads and writes. Only the background writes; extension pages read.
 *
 * One rule keeps a deleted visit deleted: every record that belongs to a visit (page, recording
 * batch, evidence) is written by `putOfVisit` or `upsertPage`, in one transaction with the `visits`
 * store, and only while the visit is there; otherwise the write throws `VisitGoneError`. `deleteVisit`
 * covers the `visits` store too, so the browser runs the two one after the other: a capture or an
 * audit that ends after its visit was deleted stores nothing, and a write just before the delete is
 * deleted with the rest.
 */

/**
 * The privacy pass that every record coming from the shop's pages goes through before it is
 * written: events, pages, signals, audits. The background sets it (with what the evaluator typed,
 * kept in memory); until then, identifiers are masked and addresses kept bare all the same.
 */
/** The pass for a write of visit `visitId` (its mission's search-term rule); without one, the running visit's. */
let privacy: (visitId?: string) => Promise<PrivacyPass> = () => Promise.resolve(new PrivacyPass());

export function setPrivacy(pass: (visitId?: string) => Promise<PrivacyPass>): void {
  privacy = pass;
}

export async function putVisit(db: Db, visit: Visit): Promise<void> {
  await db.put('visits', visitSchema.parse(visit));
}

export async function getVisit(db: Db, id: string): Promise<Visit | undefined> {
  return db.get('visits', id);
}

/** Visits, newest first. */
export async function listVisits(db: Db): Promise<Visit[]> {
  return (await db.getAllFromIndex('visits', 'startedAt')).reverse();
}

/** The visit that is recording or paused, if any (there is at most one). */
export async function findActiveVisit(db: Db): Promise<Visit | undefined> {
  const tx = db.transaction('visits');
  const [recording, paused] = await Promise.all([
    tx.store.index('status').get('recording'),
    tx.store.index('status').get('paused'),
  ]);
  return recording ?? paused;
}

/** The visit started last, whatever its state. */
export async function latestVisit(db: Db): Promise<Visit | undefined> {
  const cursor = await db.transaction('visits').store.index('startedAt').openCursor(null, 'prev');
  return cursor?.value;
}

/** Visits left running when the browser last closed. */
export async function listUnfinishedVisits(db: Db): Promise<Visit[]> {
  const tx = db.transaction('visits');
  const [recording, paused] = await Promise.all([
    tx.store.index('status').getAll('recording'),
    tx.store.index('status').getAll('paused'),
  ]);
  return [...recording, ...paused];
}

/** Reads, changes and writes a visit in one transaction, so two changes never overwrite each other. */
export async function updateVisit(db: Db, id: string, change: (v: Visit) => Visit): Promise<Visit | undefined> {
  const tx = db.transaction('visits', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) return undefined;
  const next = visitSchema.parse(change(current));
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * Deletes a visit with its pages, recording, evidence and the record of its assets; the stored
 * copies of assets that no other visit uses go too (no garbage is left to collect later).
 */
export async function deleteVisit(db: Db, id: string): Promise<void> {
  const tx = db.transaction(['visits', 'pages', 'chunks', 'assets', 'visitAssets', ...EVIDENCE_STORES], 'readwrite');
  const uses = tx.objectStore('visitAssets');
  const usedHashes = new Set((await uses.index('visitId').getAll(id)).flatMap((u) => (u.hash ? [u.hash] : [])));
  await uses.delete(IDBKeyRange.bound([id], [id, []]));
  for (const hash of usedHashes) {
    // Requests run in order: this count sees the visit's own uses deleted already.
    if ((await uses.index('hash').count(hash)) === 0) await tx.objectStore('assets').delete(hash);
  }
  const pageKeys = await tx.objectStore('pages').index('visitId').getAllKeys(id);
  const chunkKeys = await tx.objectStore('chunks').index('visitId').getAllKeys(id);
  const evidenceKeys = await Promise.all(
    EVIDENCE_STORES.map(async (store) => ({ store, keys: await tx.objectStore(store).index('visitId').getAllKeys(id) })),
  );
  await Promise.all([
    tx.objectStore('visits').delete(id),
    ...pageKeys.map((k) => tx.objectStore('pages').delete(k)),
    ...chunkKeys.map((k) => tx.objectStore('chunks').delete(k)),
    ...evidenceKeys.flatMap(({ store, keys }) => keys.map((k) => tx.objectStore(store).delete(k))),
  ]);
  await tx.done;
}

/**
 * Creates or merges a page in one transaction. `merge` receives the stored page (if any) and returns
 * the page to store, or undefined to leave it as it is. `visitId`, the page's visit, chooses its
 * privacy pass; callers that have the page give it, else the stored page is read first for it.
 */
export async function upsertPage(db: Db, id: string, merge: (current: Page | undefined) => Page | undefined, visitId?: string) {
  // The page's visit decides what its pass keeps: read before the transaction, which cannot wait on anything else.
  const pass = await privacy(visitId ?? (await db.get('pages', id))?.visitId);
  const tx = db.transaction(['visits', 'pages'], 'readwrite');
  const pages = tx.objectStore('pages');
  const merged = merge(await pages.get(id));
  const next = merged && pass.page(merged);
  if (next) {
    const page = pageSchema.parse(next);
    await visitMustExist(tx, page.visitId);
    await Promise.all([pages.put(page), tx.done]);
    return next;
  }
  await tx.done;
  return next;
}

export async function getPage(db: Db, id: string): Promise<Page | undefined> {
  return db.get('pages', id);
}

/** A visit's pages in the order they were opened. */
export async function listPages(db: Db, visitId: string): Promise<Page[]> {
  const pages = await db.getAllFromIndex('pages', 'visitId', visitId);
  return pages.sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Stores a page's recorded events as its chunk `seq`, through the privacy pass, compressed.
 * Storing the same (visit, page, seq) again replaces it, so resends are harmless.
 */
export async function putEvents(db: Db, chunk: Omit<Chunk, 'data'>, events: unknown[], budget?: number): Promise<Written> {
  const masked = (await privacy(chunk.visitId)).events(events);
  return putChunk(db, { ...chunk, data: await gzipText(scrubCardNumbers(JSON.stringify(masked))) }, budget);
}

/**
 * Stores a chunk whose events are already masked (`putEvents` is how recorded events are stored),
 * unless the visit's storage `budget` (bytes) is reached: then nothing is written (`stored: false`).
 */
export async function putChunk(db: Db, chunk: Chunk, budget?: number): Promise<Written> {
  return putOfVisit(db, 'chunks', chunkSchema.parse(chunk), budget);
}

/** A visit's chunks, by page then sequence number. */
export async function listChunks(db: Db, visitId: string): Promise<Chunk[]> {
  return db.getAllFromIndex('chunks', 'visitId', visitId).then((chunks) =>
    chunks.sort((a, b) => (a.pageId === b.pageId ? a.seq - b.seq : a.pageId < b.pageId ? -1 : 1)),
  );
}

// ——— Records of a visit ———

type VisitStore = 'chunks' | EvidenceStore;

/** Throws `VisitGoneError`, writing nothing, unless the visit `visitId` is stored (read in `tx`). */
async function visitMustExist<T extends StoreNames<MystereDB>>(
  tx: IDBPTransaction<MystereDB, ('visits' | T)[], 'readwrite'>,
  visitId: string,
): Promise<void> {
  if ((await tx.objectStore('visits').getKey(visitId)) !== undefined) return;
  await tx.done;
  throw new VisitGoneError(visitId);
}

/** What a write of a visit's record did: stored or refused for the budget, and the threshold it crossed. */
export type Written = Pick<Accounted, 'crossed'> & { stored: boolean };

/** Bytes a record takes against its visit's storage budget (the big ones only). */
function bytesOf(store: VisitStore, value: unknown): number {
  if (store === 'chunks') return (value as Chunk).data.byteLength;
  if (store === 'screenshots') return (value as Screenshot).image.byteLength;
  if (store === 'audits') return JSON.stringify(value).length;
  return 0;
}

/**
 * Stores a record of a visit, only while the visit exists (the rule at the top of this file). The
 * big records are counted on the visit in the same transaction (a resend replaces its own bytes);
 * a recording batch is refused once the visit's `budget` is reached (`budget.ts`).
 */
async function putOfVisit<S extends VisitStore>(db: Db, store: S, value: MystereDB[S]['value'], budget?: number): Promise<Written> {
  const tx = db.transaction(['visits', store], 'readwrite');
  const bytes = bytesOf(store, value);
  if (bytes === 0) {
    await visitMustExist(tx, value.visitId);
    await Promise.all([tx.objectStore(store).put(value), tx.done]);
    return { stored: true };
  }
  const visits = tx.objectStore('visits');
  const visit = await visits.get(value.visitId);
  if (!visit) {
    await tx.done;
    throw new VisitGoneError(value.visitId);
  }
  const records = tx.objectStore(store);
  const keyPath = records.keyPath;
  const field = (k: string) => (value as unknown as Record<string, IDBValidKey>)[k]!;
  const key = (Array.isArray(keyPath) ? keyPath.map(field) : field(keyPath as string)) as MystereDB[S]['key'];
  const old: unknown = await records.get(key);
  const total = (visit.storage?.bytes ?? 0) - (old ? bytesOf(store, old) : 0) + bytes;
  const { use, store: write, crossed } = account(visit.storage, total, budget, store === 'chunks', Date.now());
  await Promise.all([visits.put({ ...visit, storage: use }), ...(write ? [records.put(value)] : []), tx.done]);
  return { stored: write, ...(crossed ? { crossed } : {}) };
}

// ——— Evidence ———

const EVIDENCE_STORES = ['screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits'] as const;
type EvidenceStore = (typeof EVIDENCE_STORES)[number];

export async function putScreenshot(db: Db, shot: Screenshot, budget?: number): Promise<Written> {
  return putOfVisit(db, 'screenshots', screenshotSchema.parse(shot), budget);
}
export async function putNote(db: Db, note: Note): Promise<void> {
  await putOfVisit(db, 'notes', noteSchema.parse(note));
}
export async function putSignal(db: Db, signal: Signal): Promise<void> {
  await putOfVisit(db, 'signals', signalSchema.parse((await privacy(signal.visitId)).signal(signal)));
}
export async function putAbandonment(db: Db, abandonment: Abandonment): Promise<void> {
  await putOfVisit(db, 'abandonments', abandonmentSchema.parse(abandonment));
}

/** A visit's screenshots, notes, signals or abandonment points, oldest first. */
export async function listEvidence<S extends EvidenceStore>(db: Db, store: S, visitId: string): Promise<MystereDB[S]['value'][]> {
  // One index of the same name in each store; idb's types cannot see that through the generic.
  const name: EvidenceStore = store;
  const items = (await db.getAllFromIndex(name, 'visitId', visitId)) as MystereDB[S]['value'][];
  return items.sort((a, b) => a.at - b.at);
}

export async function getEvidence<S extends EvidenceStore>(db: Db, store: S, id: string): Promise<MystereDB[S]['value'] | undefined> {
  const name: EvidenceStore = store;
  return db.get(name, id);
}

export async function deleteEvidence(db: Db, store: EvidenceStore, id: string): Promise<void> {
  await db.delete(store, id);
}

/** First chunk of a page: its first event is where the page's replay begins. */
export async function firstChunk(db: Db, visitId: string, pageId: string): Promise<Chunk | undefined> {
  return db.get('chunks', [visitId, pageId, 0]);
}

// ——— Checklists and answers ———

export async function putAnswer(db: Db, answer: Answer): Promise<void> {
  await putOfVisit(db, 'answers', answerSchema.parse(answer));
}

/** Checklists the evaluator imported (the built-in ones live in the code). */
export async function listInstalledChecklists(db: Db): Promise<InstalledChecklist[]> {
  return (await db.getAll('checklists')).sort((a, b) => a.installedAt - b.installedAt);
}

export async function putInstalledChecklist(db: Db, installed: InstalledChecklist): Promise<void> {
  await db.put('checklists', installedChecklistSchema.parse(installed));
}

export async function deleteInstalledChecklist(db: Db, id: string): Promise<void> {
  await db.delete('checklists', id);
}

// ——— Missions ———

/** Missions the evaluator imported, in the order installed (the built-in ones live in the code). */
export async function listInstalledMissions(db: Db): Promise<InstalledMission[]> {
  return (await db.getAll('missions')).sort((a, b) => a.installedAt - b.installedAt);
}

export async function getInstalledMission(db: Db, id: string): Promise<InstalledMission | undefined> {
  return db.get('missions', id);
}

/** Installs a mission, or replaces the installed one of the same id (visits keep their own copy). */
export async function putInstalledMission(db: Db, installed: InstalledMission): Promise<void> {
  await db.put('missions', installedMissionSchema.parse(installed));
}

export async function deleteInstalledMission(db: Db, id: string): Promise<void> {
  await db.delete('missions', id);
}

export async function putAudit(db: Db, audit: AuditRecord, budget?: number): Promise<Written> {
  return putOfVisit(db, 'audits', auditRecordSchema.parse((await privacy(audit.visitId)).audit(audit)), budget);
}

/**
 * One page takes another's place (the recorder's page for the page its navigation made), in one
 * transaction: `merge` makes the page to keep from both as stored, the other is deleted, and
 * whatever evidence was tied to the other is tied to it. Returns the page kept, if both exist.
 */
export async function replacePage(db: Db, replacedId: string, byId: string, merge: (replaced: Page, by: Page) => Page): Promise<Page | undefined> {
  const pass = await privacy((await db.get('pages', byId))?.visitId);
  const tx = db.transaction(['pages', ...EVIDENCE_STORES], 'readwrite');
  const pages = tx.objectStore('pages');
  const [replaced, by] = await Promise.all([pages.get(replacedId), pages.get(byId)]);
  if (!replaced || !by) {
    await tx.done;
    return undefined;
  }
  const kept = pageSchema.parse(pass.page(merge(replaced, by)));
  const moves = EVIDENCE_STORES.map(async (name) => {
    const store = tx.objectStore(name);
    for (const item of await store.index('visitId').getAll(replaced.visitId)) {
      const repointed = repoint(item, replaced.id, kept.id);
      if (repointed) await store.put(repointed);
    }
  });
  await Promise.all([pages.put(kept), pages.delete(replaced.id), ...moves]);
  await tx.done;
  return kept;
}

/** The record with every reference to page `from` made to `to`, or undefined when it has none. */
function repoint<T extends { pageId?: string; evidence?: unknown }>(item: T, from: string, to: string): T | undefined {
  let changed = false;
  const next: T = { ...item };
  if (item.pageId === from) {
    next.pageId = to;
    changed = true;
  }
  if (Array.isArray(item.evidence)) {
    next.evidence = item.evidence.map((e: { kind?: string; pageId?: string }) => {
      if (e.kind !== 'replay' || e.pageId !== from) return e;
      changed = true;
      return { ...e, pageId: to };
    });
  }
  return changed ? next : undefined;
}
