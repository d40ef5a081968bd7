import type { ReportWords } from '../i18n/report-messages';
import { pageTypeOf } from '../schema/page';
import { pushReplay } from './findings';
import type { EvidenceRef, ReportOutcome } from './model-types';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/** How the visit ended, in one sentence: converted, abandoned at a stage (and why), or unknown. */

/** The comment quoted in the sentence; the whole of it stays in `comment`. */
const QUOTED_COMMENT = 200;

/** "Extra costs" inside a sentence reads "extra costs". */
export function lowerFirst(text: string, lang: string): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** The visit's outcome, from `visit.outcome` and the abandonment it points to. */
export function buildOutcome(data: VisitData, timeline: Timeline, w: ReportWords): ReportOutcome {
  const { r, ui } = w;
  const outcome = data.visit.outcome;
  if (!outcome) {
    return { kind: 'unknown', text: data.visit.status === 'interrupted' ? r.outcome.interrupted : r.outcome.unknown, evidence: [] };
  }
  const stageLabel = ui.evidence.stages[outcome.stage];
  if (outcome.kind === 'converted') {
    const confirmation = data.pages
      .filter((page) => pageTypeOf(page) === 'confirmation')
      .sort((a, b) => a.startedAt - b.startedAt)[0];
    const evidence = confirmation ? pushReplay([], replayAt(timeline, confirmation.id, 0)) : [];
    return { kind: 'converted', stage: outcome.stage, stageLabel, text: r.outcome.converted, evidence };
  }
  const abandonment = outcome.abandonmentId ? data.abandonments.find((a) => a.id === outcome.abandonmentId) : undefined;
  const reasonCode = outcome.reason ?? abandonment?.reason;
  const reason = reasonCode ? ui.evidence.abandonReasons[reasonCode] : undefined;
  const comment = abandonment?.comment.trim() ?? '';
  const at = r.atStage[outcome.stage];
  const quoted = comment.length > QUOTED_COMMENT ? `${comment.slice(0, QUOTED_COMMENT - 1)}…` : comment;
  const text = reason ? r.outcome.abandoned(at, lowerFirst(reason, w.lang)) + (quoted ? ` ${r.quote(quoted)}` : '') : r.outcome.ended(at);
  const evidence: EvidenceRef[] = [];
  if (abandonment) {
    if (abandonment.screenshotId && data.screenshots.some((s) => s.id === abandonment.screenshotId)) {
      evidence.push({ kind: 'screenshot', screenshotId: abandonment.screenshotId });
    }
    pushReplay(evidence, replayAt(timeline, abandonment.pageId, abandonment.offset));
  } else if (outcome.pageId) {
    pushReplay(evidence, replayAt(timeline, outcome.pageId, 0));
  }
  return {
    kind: 'abandoned',
    stage: outcome.stage,
    stageLabel,
    ...(reason ? { reason } : {}),
    ...(comment ? { comment } : {}),
    text,
    evidence,
  };
}
