import type { ReportFinding, ReportModel, TopFinding } from './model-types';

/** How many findings the first page shows. */
export const FIRST_PAGE_FINDINGS = 3;

/** What `topFindings` reads of a model (so `buildReport` can call it before the model is whole). */
export type TopFindingsInput = Pick<ReportModel, 'summary' | 'journey' | 'screenshots'>;

const titleKey = (f: ReportFinding) => f.title.trim().toLocaleLowerCase();

/**
 * The `n` findings that matter most to a shop owner, for the report's first page (and for anything
 * that prints the report in short, such as `npm start`). A failed knock-out comes first, since any
 * one of them fails the whole visit; then the model's ranking (severity, weight, frequency). A
 * finding with the same title as one already chosen (one accessibility rule on several pages, one
 * signal met twice) is passed over: three different problems tell the owner more than one problem
 * three times. Each comes with the screenshot to show beside it: its own first one, else one of its
 * page.
 */
export function topFindings(model: TopFindingsInput, n = FIRST_PAGE_FINDINGS): TopFinding[] {
  const shots = new Set(model.screenshots.map((s) => s.id));
  const pageThumbs = new Map(model.journey.pages.flatMap((p) => (p.thumbnailId && shots.has(p.thumbnailId) ? [[p.id, p.thumbnailId] as const] : [])));
  const ranked = [...model.summary.knockouts, ...model.summary.topFindings];
  const chosen: TopFinding[] = [];
  const ids = new Set<string>();
  const titles = new Set<string>();
  for (const finding of ranked) {
    if (chosen.length >= n) break;
    if (ids.has(finding.id) || titles.has(titleKey(finding))) continue;
    ids.add(finding.id);
    titles.add(titleKey(finding));
    const own = finding.evidence.find((e) => e.kind === 'screenshot' && shots.has(e.screenshotId));
    const thumbnailId = own?.kind === 'screenshot' ? own.screenshotId : finding.pageId ? pageThumbs.get(finding.pageId) : undefined;
    chosen.push(thumbnailId ? { ...finding, thumbnailId } : { ...finding });
  }
  return chosen;
}
