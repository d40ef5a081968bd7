import { listAssetsOfVisit, listVisitAssets } from '../db/assets';
import type { AssetAnswer } from './asset-resolver';
import type { Db } from '../db/database';
import { getVisit, listChunks, listEvidence, listInstalledChecklists, listPages } from '../db/repository';
import { allChecklists } from '../checklist/installed';
import type { Checklist } from '../checklist/schema';
import type { VisitAsset } from '../assets/schema';
import { assetAnswersOf, chunkKey, visitDataSchema, type AssetCopyMeta, type VisitContent } from './visit-data';

/** The checklist a visit was answered with: the one it names, else the one its answers name. */
function checklistOf(checklists: Checklist[], wanted: (string | undefined)[]): Checklist | undefined {
  for (const id of wanted) {
    const found = id ? checklists.find((c) => c.id === id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * Reads one visit from the evaluator's database, with its screenshots and recording, in the shape a
 * report and a bundle are made from. Parsed on the way out, so a report is never built from a
 * record an older version stored in another shape. Undefined when the visit does not exist.
 */
export async function loadVisitContent(db: Db, visitId: string): Promise<VisitContent | undefined> {
  const visit = await getVisit(db, visitId);
  if (!visit) return undefined;
  const [pages, chunks, shots, notes, signals, abandonments, answers, audits, installed] = await Promise.all([
    listPages(db, visitId),
    listChunks(db, visitId),
    listEvidence(db, 'screenshots', visitId),
    listEvidence(db, 'notes', visitId),
    listEvidence(db, 'signals', visitId),
    listEvidence(db, 'abandonments', visitId),
    listEvidence(db, 'answers', visitId),
    listEvidence(db, 'audits', visitId),
    listInstalledChecklists(db),
  ]);
  const checklists = allChecklists(installed).map((c) => c.checklist);
  const checklist = checklistOf(checklists, [visit.checklistId, answers[0]?.checklistId]);
  // Pages in the order they were shown; each page's batches in sequence.
  const pageOrder = new Map(pages.map((p, i) => [p.id, i]));
  const ordered = [...chunks].sort(
    (a, b) => (pageOrder.get(a.pageId) ?? Infinity) - (pageOrder.get(b.pageId) ?? Infinity) || a.seq - b.seq,
  );
  const kept = await visitAssetsOf(db, visitId);
  const data = visitDataSchema.parse({
    visit,
    pages,
    screenshots: shots.map(({ image: _image, thumb: _thumb, ...meta }) => meta),
    notes,
    signals,
    abandonments,
    answers,
    audits,
    checklist,
    recording: ordered.map(({ data: _data, ...part }) => part),
    ...(kept.uses.length > 0 ? { assets: kept.uses, assetCopies: kept.copies } : {}),
  });
  const assets = assetAnswersOf(kept.uses, kept.copies, kept.files);
  return {
    data,
    screenshots: new Map(shots.map((s) => [s.id, { image: s.image, thumb: s.thumb }])),
    chunks: new Map(ordered.map((c) => [chunkKey(c.pageId, c.seq), c.data])),
    ...(assets.size > 0 ? { assets, assetFiles: kept.files } : {}),
  };
}

/**
 * The visit's asset uses and the copies they name, as a bundle carries them. A use whose copy is no
 * longer stored is given as not kept (`failed`), so that a bundle never names a copy it lacks.
 */
async function visitAssetsOf(db: Db, visitId: string): Promise<{ uses: VisitAsset[]; copies: AssetCopyMeta[]; files: Map<string, Uint8Array> }> {
  const [stored, copies] = await Promise.all([listVisitAssets(db, visitId), listAssetsOfVisit(db, visitId)]);
  const files = new Map(copies.map((copy) => [copy.hash, copy.data]));
  const uses = stored.map((use): VisitAsset => {
    if (use.hash === undefined || files.has(use.hash)) return use;
    const { hash: _hash, ...rest } = use;
    return { ...rest, skipped: 'failed' };
  });
  return { uses, copies: copies.map(({ data: _data, ...meta }) => meta), files };
}

/**
 * What the replay knows of each address the visit's pages used (issue 15): its stored copy, or
 * that it was not kept (with the size it was shown at, for a placeholder). Keyed by the address as
 * the recording names it.
 */
export async function visitAssetAnswers(db: Db, visitId: string): Promise<Map<string, AssetAnswer>> {
  const { uses, copies, files } = await visitAssetsOf(db, visitId);
  return assetAnswersOf(uses, copies, files);
}
