import { renderToString } from 'preact-render-to-string';
import { browser } from 'wxt/browser';
import { ReportView } from '../../components/report/report-view';
import { reportUiEn, reportUiFr } from '../../utils/i18n/report-ui-messages';
import { toBase64 } from '../../utils/recording/codec';
import { packBundle } from '../../utils/report/bundle/pack';
import { sha256Base64 } from './digest';
import { exportDocument, inlineScriptText } from '../../utils/report/export-html';
import { exportAssets } from '../../utils/report/export-assets';
import type { ReportModel } from '../../utils/report/model-types';
import { submittedReview } from '../../utils/report/review';
import { chunkKey, type VisitContent } from '../../utils/report/visit-data';

/** The CSS the report page runs with (ours, same origin, so readable), to inline in the export. */
function pageCss(doc: Document): string {
  return Array.from(doc.styleSheets)
    .map((sheet) => {
      try {
        return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
      } catch {
        return '';
      }
    })
    .join('\n');
}

const dataUrl = (bytes: Uint8Array) => `data:image/jpeg;base64,${toBase64(bytes)}`;

/**
 * The self-contained HTML report: the same components as the page, rendered to a string with the
 * screenshots as data: URLs, the player script inlined and allowed by its hash, the recording inline.
 */
export async function exportHtml(content: VisitContent, model: ReportModel, doc: Document): Promise<string> {
  const t = model.lang === 'fr' ? reportUiFr : reportUiEn;
  const urls = new Map<string, { thumb: string; full: string }>();
  for (const [id, shot] of content.screenshots) urls.set(id, { thumb: dataUrl(shot.thumb), full: dataUrl(shot.image) });
  const bodyHtml = renderToString(<ReportView model={model} t={t} imageUrl={(id, size) => urls.get(id)?.[size]} />);
  const response = await fetch(browser.runtime.getURL('/report-player.js'));
  const script = inlineScriptText(await response.text());
  const recording = content.data.recording.flatMap((part) => {
    const bytes = content.chunks.get(chunkKey(part.pageId, part.seq));
    return bytes ? [{ ...part, gz: toBase64(bytes) }] : [];
  });
  return exportDocument({
    lang: model.lang,
    title: `${model.cover.site} · ${t.reportTitle}`,
    bodyHtml,
    css: pageCss(doc),
    script,
    scriptHash: await sha256Base64(script),
    payload: { recording, markers: model.markers, assets: exportAssets(content.assets) },
  });
}

/**
 * The bundle an evaluator submits: the visit as stored, its screenshots and recording, and the HTML
 * report. Its review starts (again) at "submitted".
 */
export async function exportBundle(content: VisitContent, reportHtml: string, now: number): Promise<Uint8Array> {
  const previous = content.data.review;
  const review = previous
    ? { ...previous, status: 'submitted' as const, updatedAt: now, history: [...previous.history, { status: 'submitted' as const, at: now }].slice(-200) }
    : submittedReview(now);
  return packBundle(
    { ...content, data: { ...content.data, review } },
    { now, generator: { name: 'Mystère', version: browser.runtime.getManifest().version }, reportHtml },
  );
}
