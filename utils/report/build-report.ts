import type { Checklist, Reference } from '../checklist/schema';
import { scoreChecklist, type ChecklistScore } from '../checklist/score';
import { reportWords, type ReportWords } from '../i18n/report-messages';
import { pageTypeOf, type Page } from '../schema/page';
import { activeDuration } from '../schema/visit';
import { buildAppendix } from './appendix';
import { browserName } from './browser-name';
import { answerEvidence, buildFindings, fails, latestAnswers, latestAudits } from './findings';
import { journeyPages, journeySignals, journeyStages } from './journey';
import { answerLabel, replayMarkers } from './markers';
import type { ReportAccessibilityPage, ReportChecklistSection, ReportModel, ReportOptions, ReportSpeedPage } from './model-types';
import { buildOutcome } from './outcome';
import { answerQuestions } from './questions';
import { replayAt, timelineOf, type Timeline } from './timeline';
import type { VisitData } from './visit-data';
import { writingIssues } from './writing-help';

/**
 * The report of a visit, from its data alone: no browser API, no clock but `options.now`. Every
 * sentence is written in `options.lang`; every string from the site or a person is kept as plain
 * text (the renderer escapes it).
 */

const TOP_FINDINGS = 10;

const REFERENCE_NAMES: Record<Reference['kind'], string> = {
  'bastien-scapin': 'Bastien & Scapin',
  nielsen: 'Nielsen',
  opquast: 'Opquast',
  wcag: 'WCAG',
  rgaa: 'RGAA',
  law: '',
  baymard: 'Baymard',
  other: '',
};

/** "Opquast 35 (V5 36)", "WCAG 1.1.1", "Baymard: Extra costs too high: 48 %". */
function referenceText(ref: Reference): string {
  if (ref.kind === 'baymard' || ref.kind === 'other') return [REFERENCE_NAMES[ref.kind], ref.label ?? ref.code].filter((s) => s).join(': ');
  return [REFERENCE_NAMES[ref.kind], ref.code].filter((s) => s).join(' ');
}

function checklistSections(
  checklist: Checklist,
  score: ChecklistScore,
  data: VisitData,
  timeline: Timeline,
  w: ReportWords,
): ReportChecklistSection[] {
  const answers = latestAnswers(data.answers);
  const shots = new Set(data.screenshots.map((s) => s.id));
  const reviews = new Map(data.review?.comments.map((c) => [c.criterionId, c.text]) ?? []);
  return checklist.sections.map((section, index) => ({
    id: section.id,
    title: section.title[w.lang],
    score: score.sections[index]?.score ?? null,
    criteria: section.criteria.map((c) => {
      const answer = answers.get(c.id);
      const review = reviews.get(c.id);
      return {
        id: c.id,
        question: c.question[w.lang],
        state: answer?.state ?? 'unanswered',
        stateLabel: answerLabel(c, answer, w),
        comment: answer?.comment ?? '',
        weight: c.weight,
        knockout: c.knockout,
        references: c.references.map(referenceText),
        evidence: answer ? answerEvidence(answer, timeline, shots) : [],
        ...(answer ? { pageId: answer.pageId } : {}),
        ...(review !== undefined ? { reviewComment: review } : {}),
      };
    }),
  }));
}

function accessibilityPages(ordered: Page[], data: VisitData, w: ReportWords): ReportAccessibilityPage[] {
  const withResults = latestAudits(data.audits, 'accessibility');
  const latest = latestAudits(data.audits);
  return ordered.map((page) => {
    const audit = withResults.get(page.id) ?? latest.get(page.id);
    const violations = audit?.accessibility?.violations ?? [];
    return {
      pageId: page.id,
      url: page.url,
      title: page.title,
      statusLabel: audit ? w.ui.audit.statuses[audit.status] : w.r.notAudited,
      audited: audit?.accessibility !== undefined,
      findings: violations.map((v) => ({
        ruleId: v.ruleId,
        impact: v.impact,
        impactLabel: v.impact ? w.ui.audit.impacts[v.impact] : w.ui.audit.unknownImpact,
        help: v.help,
        helpUrl: v.helpUrl,
        wcag: [...v.wcag],
        rgaa: [...v.rgaa],
        nodeCount: v.nodeCount,
        nodes: v.nodes.map((n) => ({ ...n })),
      })),
    };
  });
}

function speedPages(ordered: Page[], data: VisitData, w: ReportWords): ReportSpeedPage[] {
  const audits = latestAudits(data.audits, 'speed');
  return ordered.map((page) => {
    const speed = audits.get(page.id)?.speed;
    const ttfb = speed?.timing?.ttfb ?? page.timing?.ttfb;
    return {
      pageId: page.id,
      url: page.url,
      title: page.title,
      verdict: speed?.verdict ?? null,
      verdictLabel: speed ? w.ui.audit.verdicts[speed.verdict] : w.r.notMeasured,
      vitals: { ...(speed?.vitals ?? page.vitals) },
      reasons: speed?.reasons.map((reason) => reason[w.lang]) ?? [],
      ...(ttfb !== undefined ? { ttfbMs: ttfb } : {}),
      ...(speed ? { transferBytes: speed.resources.total.bytes } : {}),
    };
  });
}

/** Builds the report model of one visit. Pure: the same data, language and `now` give the same model. */
export function buildReport(data: VisitData, options: ReportOptions): ReportModel {
  const w = reportWords(options.lang);
  const { r, ui } = w;
  const { visit, checklist } = data;
  const timeline = timelineOf(data.recording);
  const ordered = [...data.pages].sort((a, b) => a.startedAt - b.startedAt);
  const pages = new Map(data.pages.map((page) => [page.id, page]));
  const score = checklist ? scoreChecklist(checklist, data.answers) : null;
  const found = buildFindings(data, timeline, w);
  const findings = found.map((s) => s.finding);
  const outcome = buildOutcome(data, timeline, w);
  const browser = browserName(visit.userAgent, r.unknownBrowser);
  const accessibility = accessibilityPages(ordered, data, w);
  const byImpact: Record<string, number> = {};
  for (const v of accessibility.flatMap((p) => p.findings)) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
  const answers = latestAnswers(data.answers);
  const noWithoutComment = (checklist?.sections.flatMap((s) => s.criteria) ?? []).flatMap((c) => {
    const answer = answers.get(c.id);
    const silent = answer?.state === 'no' && fails(c, answer) && !answer.comment.trim();
    return silent ? [{ criterionId: c.id, question: c.question[w.lang] }] : [];
  });
  const verdictText = visit.verdict?.text ?? '';
  const pageName = (pageId: string) => {
    const page = pages.get(pageId);
    return page ? ui.pageTypes[pageTypeOf(page)] : ui.evidence.untitledPage;
  };
  return {
    lang: options.lang,
    visitId: visit.id,
    generatedAt: options.now,
    cover: {
      site: visit.site,
      origin: visit.origin,
      mission: checklist ? checklist.title[w.lang] : r.quickVisit,
      startedAt: visit.startedAt,
      ...(visit.endedAt !== undefined ? { endedAt: visit.endedAt } : {}),
      durationMs: activeDuration(visit, options.now),
      evaluator: visit.verdict?.alias ?? '',
      browser,
      status: visit.status,
    },
    summary: {
      score: score?.overall ?? null,
      sections: (checklist?.sections ?? []).map((section, i) => {
        const s = score?.sections[i];
        const title = section.title[w.lang];
        return { id: section.id, title, score: s?.score ?? null, answered: s?.answered ?? 0, total: s?.total ?? section.criteria.length };
      }),
      outcome,
      topFindings: findings.slice(0, TOP_FINDINGS),
      knockouts: (score?.knockouts ?? []).flatMap((id) => findings.filter((f) => f.id === `criterion:${id}`)),
      counts: {
        pages: data.pages.length,
        screenshots: data.screenshots.length,
        notes: data.notes.length,
        signals: data.signals.length,
        answered: score?.answered ?? answers.size,
        criteria: score?.total ?? 0,
      },
    },
    questions: answerQuestions(found, data, outcome, w),
    journey: {
      stages: journeyStages(data, timeline, w),
      pages: journeyPages(data, timeline, w, options.now),
      signals: journeySignals(data, timeline, w),
    },
    checklist:
      checklist && score ? { title: checklist.title[w.lang], sections: checklistSections(checklist, score, data, timeline, w) } : null,
    accessibility: { pages: accessibility, violations: accessibility.reduce((n, p) => n + p.findings.length, 0), byImpact },
    speed: { pages: speedPages(ordered, data, w) },
    notes: [...data.notes]
      .sort((a, b) => a.at - b.at)
      .map((n) => ({ id: n.id, pageId: n.pageId, at: n.at, replayAt: replayAt(timeline, n.pageId, n.offset), text: n.text })),
    screenshots: [...data.screenshots]
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
      })),
    verdict: {
      text: verdictText,
      final: visit.verdict?.final ?? false,
      ...(visit.verdict ? { at: visit.verdict.at } : {}),
      issues: writingIssues(verdictText, noWithoutComment),
    },
    markers: replayMarkers(data, timeline, w),
    replay: { available: timeline.start !== null, durationMs: timeline.durationMs },
    ...(data.review ? { review: data.review } : {}),
    appendix: buildAppendix(data, w, browser),
  };
}
