import type { ReportWords } from '../i18n/report-messages';
import { pageTypeOf } from '../schema/page';
import type { ReportNote, ReportScreenshot } from './model-types';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/** The visit's notes in time order, each placed on the replay. */
export function reportNotes(data: VisitData, timeline: Timeline): ReportNote[] {
  return [...data.notes]
    .sort((a, b) => a.at - b.at)
    .map((n) => ({ id: n.id, pageId: n.pageId, at: n.at, replayAt: replayAt(timeline, n.pageId, n.offset), text: n.text }));
}

/** The visit's screenshots in time order, each placed on the replay and captioned "kind · page type · time". */
export function reportScreenshots(data: VisitData, timeline: Timeline, w: ReportWords): ReportScreenshot[] {
  const { r, ui } = w;
  const pages = new Map(data.pages.map((page) => [page.id, page]));
  const pageName = (pageId: string) => {
    const page = pages.get(pageId);
    return page ? ui.pageTypes[pageTypeOf(page)] : ui.evidence.untitledPage;
  };
  return [...data.screenshots]
    .sort((a, b) => a.at - b.at)
    .map((s) => ({
      id: s.id,
      pageId: s.pageId,
      at: s.at,
      replayAt: replayAt(timeline, s.pageId, s.offset),
      kind: s.kind,
      trigger: s.trigger,
      width: s.width,
      height: s.height,
      caption: r.caption(ui.evidence.screenshotKinds[s.kind], pageName(s.pageId), ui.audit.time(s.at)),
      annotations: s.annotations.map((a) => ({ ...a })),
    }));
}
