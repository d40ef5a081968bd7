import { customerMs } from '../journey/customer-time';
import { scoreChecklist } from '../checklist/score';
import { reportWords } from '../i18n/report-messages';
import { activeDuration } from '../schema/visit';
import { buildAppendix } from './appendix';
import { accessibilityPages, speedPages } from './audit-sections';
import { browserName } from './browser-name';
import { checklistSections } from './checklist-section';
import { buildFindings, fails, latestAnswers } from './findings';
import { journeyPages, journeySignals, journeyStages } from './journey';
import { replayMarkers } from './markers';
import { replayAssets } from './replay-assets-summary';
import { reportMission } from './mission';
import type { ReportModel, ReportOptions } from './model-types';
import { reportNotes, reportScreenshots } from './notes-section';
import { buildOutcome } from './outcome';
import { answerQuestions } from './questions';
import { reportSummary } from './summary';
import { timelineOf } from './timeline';
import { topFindings } from './top-findings';
import type { VisitData } from './visit-data';
import { writingIssues } from './writing-help';

/**
 * The report of a visit, from its data alone: no browser API, no clock but `options.now`. Every
 * sentence is written in `options.lang`; every string from the site or a person is kept as plain
 * text (the renderer escapes it).
 */

/** Builds the report model of one visit. Pure: the same data, language and `now` give the same model. */
export function buildReport(data: VisitData, options: ReportOptions): ReportModel {
  const w = reportWords(options.lang);
  const { r } = w;
  const { visit, checklist } = data;
  const timeline = timelineOf(data.recording);
  const ordered = [...data.pages].sort((a, b) => a.startedAt - b.startedAt);
  const score = checklist ? scoreChecklist(checklist, [...latestAnswers(data).values()]) : null;
  const found = buildFindings(data, timeline, w);
  const findings = found.map((s) => s.finding);
  const outcome = buildOutcome(data, timeline, w);
  const browser = browserName(visit.userAgent, r.unknownBrowser);
  const accessibility = accessibilityPages(ordered, data, w);
  const byImpact: Record<string, number> = {};
  for (const v of accessibility.flatMap((p) => p.findings)) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
  const answers = latestAnswers(data);
  const noWithoutComment = (checklist?.sections.flatMap((s) => s.criteria) ?? []).flatMap((c) => {
    const answer = answers.get(c.id);
    const silent = answer?.state === 'no' && fails(c, answer) && !answer.comment.trim();
    return silent ? [{ criterionId: c.id, question: c.question[w.lang] }] : [];
  });
  const verdictText = visit.verdict?.text ?? '';
  const mission = reportMission(data, timeline, options.lang, options.now);
  const alias = visit.mission?.persona?.alias;
  const model: Omit<ReportModel, 'firstPage'> = {
    lang: options.lang,
    visitId: visit.id,
    generatedAt: options.now,
    cover: {
      site: visit.site,
      origin: visit.origin,
      mission: mission?.title ?? (checklist ? checklist.title[w.lang] : r.quickVisit),
      ...(alias ? { personaAlias: alias } : {}),
      ...(mission?.deadline ? { deadline: mission.deadline } : {}),
      startedAt: visit.startedAt,
      ...(visit.endedAt !== undefined ? { endedAt: visit.endedAt } : {}),
      durationMs: activeDuration(visit, options.now),
      customerMs: customerMs(visit.startedAt, visit.endedAt ?? options.now, visit, options.now),
      evaluator: visit.verdict?.alias ?? '',
      browser,
      status: visit.status,
    },
    summary: reportSummary(data, score, findings, outcome, w),
    questions: answerQuestions(found, data, outcome, timeline, w),
    mission,
    journey: {
      stages: journeyStages(data, timeline, w, options.now),
      pages: journeyPages(data, timeline, w, options.now),
      signals: journeySignals(data, timeline, w),
    },
    checklist:
      checklist && score ? { title: checklist.title[w.lang], sections: checklistSections(checklist, score, data, timeline, w) } : null,
    accessibility: { pages: accessibility, violations: accessibility.reduce((n, p) => n + p.findings.length, 0), byImpact },
    speed: { pages: speedPages(ordered, data, w) },
    notes: reportNotes(data, timeline),
    screenshots: reportScreenshots(data, timeline, w),
    verdict: {
      text: verdictText,
      final: visit.verdict?.final ?? false,
      ...(visit.verdict ? { at: visit.verdict.at } : {}),
      issues: writingIssues(verdictText, noWithoutComment),
    },
    markers: replayMarkers(data, timeline, w),
    replay: { available: timeline.start !== null, durationMs: timeline.durationMs, assets: replayAssets(data) },
    ...(data.review ? { review: data.review } : {}),
    appendix: buildAppendix(data, w, browser),
  };
  return { ...model, firstPage: { score: model.summary.score, outcome: model.summary.outcome, findings: topFindings(model) } };
}
