import type { z } from 'zod';
import { chunkKey, visitDataSchema, type VisitData } from '../visit-data';
import { BUNDLE_DETAILS, type BundleError } from './errors';
import { isBundleId } from './manifest';

/** The first zod issue as a bundle error: its path joined with dots, its message for developers. */
export function issueError(code: BundleError['code'], error: z.ZodError): BundleError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.');
  return { code, ...(path ? { path } : {}), detail: issue?.message ?? 'invalid' };
}

type Checked = { ok: true; data: VisitData } | { ok: false; error: BundleError };

/**
 * Checks what a bundle's `visit.json` holds: the schema, then what the schema cannot say: every
 * record belongs to the visit, ids can be part of a path, no recording batch or screenshot twice.
 * `packBundle` runs it too, so that it never writes a bundle `unpackBundle` would refuse.
 */
export function checkVisitData(value: unknown): Checked {
  const parsed = visitDataSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: issueError('bad-visit-data', parsed.error) };
  const data = parsed.data;
  const fail = (path: string, detail: string): Checked => ({ ok: false, error: { code: 'bad-visit-data', path, detail } });

  const lists = ['pages', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits', 'recording'] as const;
  for (const list of lists) {
    const i = data[list].findIndex((record) => record.visitId !== data.visit.id);
    if (i >= 0) return fail(`${list}.${i}.visitId`, BUNDLE_DETAILS.otherVisit);
  }

  const shots = new Set<string>();
  for (const [i, shot] of data.screenshots.entries()) {
    if (!isBundleId(shot.id)) return fail(`screenshots.${i}.id`, BUNDLE_DETAILS.badId);
    if (shots.has(shot.id)) return fail(`screenshots.${i}.id`, BUNDLE_DETAILS.duplicate);
    shots.add(shot.id);
  }
  const batches = new Set<string>();
  for (const [i, part] of data.recording.entries()) {
    if (!isBundleId(part.pageId)) return fail(`recording.${i}.pageId`, BUNDLE_DETAILS.badId);
    const key = chunkKey(part.pageId, part.seq);
    if (batches.has(key)) return fail(`recording.${i}.seq`, BUNDLE_DETAILS.duplicate);
    batches.add(key);
  }
  return checkAssets(data) ?? { ok: true, data };
}

/**
 * The asset uses belong to the visit, name each address once, and name only copies `assetCopies`
 * describes; each copy is described once and used (a bundle carries no bytes the replay cannot reach).
 */
function checkAssets(data: VisitData): Checked | undefined {
  const fail = (path: string, detail: string): Checked => ({ ok: false, error: { code: 'bad-visit-data', path, detail } });
  const uses = data.assets ?? [];
  const copies = data.assetCopies ?? [];
  const described = new Set<string>();
  for (const [i, copy] of copies.entries()) {
    if (described.has(copy.hash)) return fail(`assetCopies.${i}.hash`, BUNDLE_DETAILS.duplicate);
    described.add(copy.hash);
  }
  const urls = new Set<string>();
  const used = new Set<string>();
  for (const [i, use] of uses.entries()) {
    if (use.visitId !== data.visit.id) return fail(`assets.${i}.visitId`, BUNDLE_DETAILS.otherVisit);
    if (urls.has(use.url)) return fail(`assets.${i}.url`, BUNDLE_DETAILS.duplicate);
    urls.add(use.url);
    if (use.hash === undefined) continue;
    if (!described.has(use.hash)) return fail(`assets.${i}.hash`, 'names a copy assetCopies does not describe');
    used.add(use.hash);
  }
  const unused = copies.findIndex((copy) => !used.has(copy.hash));
  if (unused >= 0) return fail(`assetCopies.${unused}.hash`, 'a copy no asset use names');
  return undefined;
}
