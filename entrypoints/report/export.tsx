import { renderToString } from 'preact-render-to-string';
import { browser } from 'wxt/browser';
import { ReportView } from '../../components/report/report-view';
import { reportUiEn, reportUiFr } from '../../utils/i18n/report-ui-messages';
import { toBase64 } from '../../utils/recording/codec';
import { packBundle } from '../../utils/report/bundle/pack';
import { sha256Base64 } from './digest';
import { exportDocument, inlineScriptText } from '../../utils/report/export-html';
import { EXPORT_BUDGET_BYTES, exportAssets } from '../../utils/report/export-assets';
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
  const render = (m: ReportModel) => renderToString(<ReportView model={m} t={t} imageUrl={(id, size) => urls.get(id)?.[size]} />);
  let bodyHtml = render(model);
  const response = await fetch(browser.runtime.getURL('/report-player.js'));
  const script = inlineScriptText(await response.text());
  const recording = content.data.recording.flatMap((part) => {
    const bytes = content.chunks.get(chunkKey(part.pageId, part.seq));
    return bytes ? [{ ...part, gz: toBase64(bytes) }] : [];
  });
  const css = pageCss(doc);
  // The shop's copies take the room the rest of the file leaves within its budget (a margin for the
  // markers, the page's frame and the note below).
  const rest = bodyHtml.length + css.length + script.length + recording.reduce((n, r) => n + r.gz.length + 200, 0) + JSON.stringify(model.markers).length;
  const assets = exportAssets(content.assets, EXPORT_BUDGET_BYTES - rest - 64 * 1024);
  if (assets.leftOut > 0) bodyHtml = render({ ...model, replay: { ...model.replay, assets: { ...model.replay.assets, leftOutOfFile: assets.leftOut } } });
  return exportDocument({
    lang: model.lang,
    title: `${model.cover.site} · ${t.reportTitle}`,
    bodyHtml,
    css,
    script,
    scriptHash: await sha256Base64(script),
    payload: { recording, markers: model.markers, assets: assets.list },
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
