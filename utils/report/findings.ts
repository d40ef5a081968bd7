import type { ReportWords } from '../i18n/report-messages';
import { abandonmentFindings } from './abandonment-findings';
import { accessibilityFindings, speedFindings } from './audit-findings';
import { checklistFindings } from './checklist-findings';
import { landingFindings } from './landing-findings';
import type { FindingSource } from './model-types';
import { signalFindings } from './signal-findings';
import type { SourcedFinding } from './sourced-finding';
import type { Timeline } from './timeline';
import type { VisitData } from './visit-data';

export { fails } from './checklist-findings';
export { answerEvidence, pushReplay } from './finding-evidence';
export { latestAnswers, latestAudits } from './latest-records';
export { rankOf, type SourcedFinding } from './sourced-finding';

/**
 * The problems a report shows, each with its proof, from every source of a visit: the checklist's
 * failed criteria, declared abandonments, the first seconds of page loads, friction signals, speed
 * and accessibility audits. Ranked: severity first, then the criterion's weight, then frequency.
 */

const SOURCE_ORDER: FindingSource[] = ['abandonment', 'checklist', 'landing', 'signal', 'speed', 'accessibility'];

/** Every finding of the visit, ranked (highest first), with ids unique even in a hand-made bundle. */
export function buildFindings(data: VisitData, timeline: Timeline, w: ReportWords): SourcedFinding[] {
  const pages = new Map(data.pages.map((page) => [page.id, page]));
  const sources = [abandonmentFindings, ...(data.checklist ? [checklistFindings(data.checklist)] : [])];
  sources.push(landingFindings, signalFindings, speedFindings, accessibilityFindings);
  const all = sources.flatMap((source) => source(data, timeline, w, pages));
  const seen = new Map<string, number>();
  for (const { finding } of all) {
    const n = (seen.get(finding.id) ?? 0) + 1;
    seen.set(finding.id, n);
    if (n > 1) finding.id = `${finding.id}#${n}`;
  }
  return all.sort(byRank);
}

/** Higher rank first; on a tie, knock-outs, then by source, then by id (stable across builds). */
export function byRank(a: SourcedFinding, b: SourcedFinding): number {
  const [x, y] = [a.finding, b.finding];
  return (
    y.rank - x.rank ||
    Number(y.knockout) - Number(x.knockout) ||
    SOURCE_ORDER.indexOf(x.source) - SOURCE_ORDER.indexOf(y.source) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}
