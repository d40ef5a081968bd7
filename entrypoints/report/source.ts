import { db } from '../../utils/db/database';
import { openViewerDb, getImported } from '../../utils/db/viewer-database';
import { loadVisitContent } from '../../utils/report/load-visit';
import { unpackBundle } from '../../utils/report/bundle/unpack';
import type { VisitContent } from '../../utils/report/visit-data';

/**
 * Where the report page reads its visit: the evaluator's own database (`?visit=<id>`), or a bundle
 * the agency imported into the viewer (`?bundle=<id>`).
 */
export type ReportSource = { kind: 'visit'; id: string } | { kind: 'bundle'; id: string } | { kind: 'none' };

export function sourceFromUrl(search: string): ReportSource {
  const params = new URLSearchParams(search);
  const visit = params.get('visit');
  const bundle = params.get('bundle');
  if (visit) return { kind: 'visit', id: visit };
  if (bundle) return { kind: 'bundle', id: bundle };
  return { kind: 'none' };
}

export type Loaded = { ok: true; content: VisitContent; reportHtml?: string } | { ok: false; error: 'no-such-visit' | 'bad-bundle' };

/** Reads the visit; an imported bundle is checked again (it was stored as the agency received it). */
export async function loadSource(source: ReportSource): Promise<Loaded> {
  if (source.kind === 'visit') {
    const content = await loadVisitContent(await db(), source.id);
    return content ? { ok: true, content } : { ok: false, error: 'no-such-visit' };
  }
  if (source.kind === 'bundle') {
    const record = await getImported(await openViewerDb(), source.id);
    if (!record) return { ok: false, error: 'no-such-visit' };
    const unpacked = await unpackBundle(record.bytes);
    if (!unpacked.ok) return { ok: false, error: 'bad-bundle' };
    unpacked.content.data.review = record.review;
    return { ok: true, content: unpacked.content, reportHtml: unpacked.reportHtml };
  }
  return { ok: false, error: 'no-such-visit' };
}
