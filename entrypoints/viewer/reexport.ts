import type { ImportedVisit } from '../../utils/db/viewer-database';
import { exportFileName } from '../../utils/file-names';
import type { BundleError } from '../../utils/report/bundle/errors';
import type { UnpackResult } from '../../utils/report/bundle/unpack';
import type { VisitContent } from '../../utils/report/visit-data';

export interface ReexportDeps {
  unpack: (bytes: Uint8Array) => Promise<UnpackResult>;
  pack: (
    content: VisitContent,
    options: { now: number; generator: { name: string; version: string }; reportHtml?: string },
  ) => Promise<Uint8Array>;
  now: number;
  generator: { name: string; version: string };
}

export type ReexportResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; error: BundleError };

/**
 * The imported bundle again, carrying the agency's current review: the stored bytes are checked as
 * on import (they are the only copy of the visit), the review is set, and the whole is packed anew.
 */
export async function reexportBundle(
  stored: Pick<ImportedVisit, 'bytes' | 'review' | 'summary'>,
  deps: ReexportDeps,
): Promise<ReexportResult> {
  const unpacked = await deps.unpack(stored.bytes);
  if (!unpacked.ok) return { ok: false, error: unpacked.error };
  const content: VisitContent = { ...unpacked.content, data: { ...unpacked.content.data, review: stored.review } };
  const bytes = await deps.pack(content, {
    now: deps.now,
    generator: deps.generator,
    ...(unpacked.reportHtml !== undefined && { reportHtml: unpacked.reportHtml }),
  });
  return { ok: true, bytes, fileName: exportFileName(stored.summary.site, stored.summary.startedAt, 'zip', stored.review.status) };
}
