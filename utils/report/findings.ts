import type { AuditRecord, Finding, Impact } from '../audit/schema';
import { rateVital } from '../audit/speed';
import type { Answer, Checklist, Criterion } from '../checklist/schema';
import type { ReportWords } from '../i18n/report-messages';
import { OVERLAY_COVERAGE } from '../journey/landing';
import type { AbandonReason, Signal, SignalType } from '../schema/evidence';
import { pageTypeOf, type Page, type Rating } from '../schema/page';
import type { PageType } from '../schema/page-type';
import { signalDetail } from './journey';
import type { EvidenceRef, FindingSource, ReportFinding, Severity } from './model-types';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/**
 * The problems a report shows, each with its proof, from every source of a visit: the checklist's
 * failed criteria, declared abandonments, the first seconds of page loads, friction signals, speed
 * and accessibility audits. Ranked: severity first, then the criterion's weight, then frequency.
 */

/** A finding with what the four questions sort it by (never shown). */
export interface SourcedFinding {
  finding: ReportFinding;
  /** The types of the pages it was seen on. */
  pageTypes: PageType[];
  criterion?: Criterion;
  signalType?: SignalType;
  reason?: AbandonReason;
  /** For a landing finding: the sentence that opens the first-seconds answer. */
  lead?: string;
}

const POINTS: Record<Severity, number> = { critical: 300, major: 200, minor: 100 };
const SOURCE_ORDER: FindingSource[] = ['abandonment', 'checklist', 'landing', 'signal', 'speed', 'accessibility'];
/** An overlay the shopper must deal with before seeing the shop: over 30 % of the screen for over 3 s. */
const OVERLAY_MIN_MS = 3000;
/** A declared abandonment weighs as much as a critical criterion: it is the visit's verdict. */
const ABANDON_WEIGHT = 3;
/** Where a failing script or request hurts most: on the way to paying. */
const PURCHASE_PAGES: readonly PageType[] = ['cart', 'checkout', 'payment'];
const SIGNAL_EVIDENCE = 3;
const IMPACT_SEVERITY: Record<NonNullable<Impact>, Severity> = {
  critical: 'critical',
  serious: 'major',
  moderate: 'minor',
  minor: 'minor',
};
const RATING_SEVERITY: Record<Rating, Severity | null> = { good: null, 'needs-improvement': 'minor', poor: 'major' };

/** Severity points, then weight × 10, then frequency (up to 9). */
export function rankOf(severity: Severity, weight: number, count: number): number {
  return POINTS[severity] + weight * 10 + Math.min(Math.max(count, 0), 9);
}

/** The last answer given to each criterion, the rule the score follows. */
export function latestAnswers(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((answer) => [answer.criterionId, answer]));
}

/** The latest audit of each page that holds `part` (any audit without `part`). */
export function latestAudits(audits: readonly AuditRecord[], part?: 'accessibility' | 'speed'): Map<string, AuditRecord> {
  const latest = new Map<string, AuditRecord>();
  for (const audit of audits) {
    const known = latest.get(audit.pageId);
    if ((!part || audit[part]) && (!known || audit.at >= known.at)) latest.set(audit.pageId, audit);
  }
  return latest;
}

/** Adds a replay moment once, when the page was recorded. */
export function pushReplay(refs: EvidenceRef[], at: number | null): EvidenceRef[] {
  if (at !== null && !refs.some((ref) => ref.kind === 'replay' && ref.at === at)) refs.push({ kind: 'replay', at });
  return refs;
}

/** An answer's proof: its screenshots that still exist, its replay moments, then the moment it was given. */
export function answerEvidence(answer: Answer, timeline: Timeline, screenshotIds: ReadonlySet<string>): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const e of answer.evidence) {
    if (e.kind === 'replay') pushReplay(refs, replayAt(timeline, e.pageId, e.offset));
    else if (screenshotIds.has(e.screenshotId) && !refs.some((r) => r.kind === 'screenshot' && r.screenshotId === e.screenshotId)) {
      refs.push({ kind: 'screenshot', screenshotId: e.screenshotId });
    }
  }
  return pushReplay(refs, replayAt(timeline, answer.pageId, answer.offset));
}

/** Whether an answer fails its criterion: "no", or a rating of 2 or less out of 5. */
export function fails(criterion: Criterion, answer: Answer): boolean {
  if (answer.state === 'no') return true;
  return criterion.answer.kind === 'scale' && answer.state === 'yes' && answer.value !== undefined && answer.value <= 2;
}

interface Draft extends Omit<ReportFinding, 'rank' | 'knockout' | 'pageId' | 'pageUrl' | 'detail'> {
  detail?: string | undefined;
  page: Page | undefined;
  pageId: string;
  weight?: number;
  count?: number;
  knockout?: boolean;
}

/** A ranked finding, seen on its page's type unless told otherwise. */
function make(d: Draft, more: Partial<SourcedFinding> = {}): SourcedFinding {
  const { page, weight = 0, count = 1, knockout = false, detail, ...rest } = d;
  const finding: ReportFinding = {
    ...rest,
    ...(detail ? { detail } : {}),
    rank: rankOf(d.severity, weight, count),
    knockout,
    ...(page ? { pageUrl: page.url } : {}),
  };
  return { finding, pageTypes: page ? [pageTypeOf(page)] : [], ...more };
}

type Source = (data: VisitData, timeline: Timeline, w: ReportWords, pages: Map<string, Page>) => SourcedFinding[];

const checklistFindings = (checklist: Checklist): Source => (data, timeline, w, pages) => {
  const answers = latestAnswers(data.answers);
  const shots = new Set(data.screenshots.map((s) => s.id));
  return checklist.sections.flatMap((section) =>
    section.criteria.flatMap((criterion) => {
      const answer = answers.get(criterion.id);
      if (!answer || !fails(criterion, answer)) return [];
      const knockout = criterion.knockout && answer.state === 'no';
      const severity: Severity = knockout || criterion.weight >= 3 ? 'critical' : criterion.weight === 2 ? 'major' : 'minor';
      const rating = answer.state === 'yes' && answer.value !== undefined ? w.r.scaleValue(answer.value) : '';
      const detail = [rating, answer.comment.trim()].filter((s) => s).join(' — ');
      const evidence = answerEvidence(answer, timeline, shots);
      const d = { id: `criterion:${criterion.id}`, source: 'checklist' as const, title: criterion.question[w.lang], detail, severity };
      const page = pages.get(answer.pageId);
      return [make({ ...d, weight: criterion.weight, knockout, page, pageId: answer.pageId, evidence }, { criterion })];
    }),
  );
};

const abandonmentFindings: Source = (data, timeline, w, pages) => {
  const shots = new Set(data.screenshots.map((s) => s.id));
  return data.abandonments.map((a) => {
    const shot: EvidenceRef[] = a.screenshotId && shots.has(a.screenshotId) ? [{ kind: 'screenshot', screenshotId: a.screenshotId }] : [];
    const evidence = pushReplay(shot, replayAt(timeline, a.pageId, a.offset));
    const title = w.ui.evidence.abandonReasons[a.reason];
    const d = { id: `abandonment:${a.id}`, source: 'abandonment' as const, title, detail: a.comment.trim(), severity: 'critical' as const };
    return make({ ...d, weight: ABANDON_WEIGHT, page: pages.get(a.pageId), pageId: a.pageId, evidence }, { reason: a.reason });
  });
};

/** One finding per page and signal type: three rage clicks on one page are one problem, seen three times. */
const signalFindings: Source = (data, timeline, w, pages) => {
  const groups = new Map<string, Signal[]>();
  for (const signal of [...data.signals].sort((a, b) => a.at - b.at)) {
    const key = `${signal.pageId}\u0000${signal.type}`;
    groups.set(key, [...(groups.get(key) ?? []), signal]);
  }
  return [...groups.values()].flatMap(([first, ...others]) => {
    if (!first) return [];
    const page = pages.get(first.pageId);
    const type = page ? pageTypeOf(page) : 'other';
    const clicks = first.type === 'rage-click' || first.type === 'dead-click';
    const broken = (first.type === 'js-error' || first.type === 'failed-request') && PURCHASE_PAGES.includes(type);
    const count = others.length + 1;
    const evidence: EvidenceRef[] = [];
    for (const s of [first, ...others].slice(0, SIGNAL_EVIDENCE)) pushReplay(evidence, replayAt(timeline, s.pageId, s.offset));
    const title = w.r.findings.signalTitle(w.ui.evidence.signalTypes[first.type], w.ui.pageTypes[type]);
    const detail = w.r.findings.signalDetail(count, signalDetail(first, w));
    const severity: Severity = clicks || broken ? 'major' : 'minor';
    const d = { id: `signal:${first.pageId}:${first.type}`, source: 'signal' as const, title, detail, severity };
    return [make({ ...d, count, page, pageId: first.pageId, evidence }, { signalType: first.type })];
  });
};

/** One finding per axe rule, over every page where it failed (each page's latest audit). */
const accessibilityFindings: Source = (data, timeline, w) => {
  const audits = latestAudits(data.audits, 'accessibility');
  const groups = new Map<string, { first: Finding; pages: Page[]; nodes: number; severity: Severity }>();
  for (const page of inVisitOrder(data.pages)) {
    for (const v of audits.get(page.id)?.accessibility?.violations ?? []) {
      const severity = v.impact ? IMPACT_SEVERITY[v.impact] : 'minor';
      const group = groups.get(v.ruleId) ?? { first: v, pages: [], nodes: 0, severity };
      group.pages.push(page);
      group.nodes += v.nodeCount;
      if (POINTS[severity] > POINTS[group.severity]) group.severity = severity;
      groups.set(v.ruleId, group);
    }
  }
  return [...groups.values()].flatMap(({ first, pages, nodes, severity }) => {
    const [page] = pages;
    if (!page) return [];
    const d = { id: `a11y:${first.ruleId}`, source: 'accessibility' as const, title: first.help || first.ruleId, severity };
    const detail = w.r.findings.a11yDetail(nodes, pages.length);
    const evidence = pushReplay([], replayAt(timeline, page.id, 0));
    return [make({ ...d, detail, count: nodes, page, pageId: page.id, evidence }, { pageTypes: [...new Set(pages.map(pageTypeOf))] })];
  });
};

const speedFindings: Source = (data, timeline, w) => {
  const audits = latestAudits(data.audits, 'speed');
  return inVisitOrder(data.pages).flatMap((page) => {
    const speed = audits.get(page.id)?.speed;
    if (speed?.verdict !== 'poor') return [];
    const reasons = speed.reasons.map((reason) => reason[w.lang].trim()).filter((s) => s);
    const title = w.r.findings.speedTitle(w.ui.audit.verdicts.poor, page.title.trim() || w.ui.pageTypes[pageTypeOf(page)]);
    const detail = reasons.length ? `${reasons.join('. ')}.` : '';
    const evidence = pushReplay([], replayAt(timeline, page.id, 0));
    return [make({ id: `speed:${page.id}`, source: 'speed', title, detail, severity: 'major', page, pageId: page.id, evidence })];
  });
};

const ratingOf = (name: 'LCP' | 'FCP' | 'CLS', value: number | undefined): Rating =>
  value === undefined ? 'good' : rateVital(name, value);

/** The first seconds of a page load: a covering overlay, a slow first paint, a moving layout. */
const landingFindings: Source = (data, timeline, w) => {
  const { r, ui } = w;
  return inVisitOrder(data.pages).flatMap((page) => {
    const landing = page.landing;
    if (!landing) return [];
    const base = { source: 'landing' as const, page, pageId: page.id };
    const fromStart = () => pushReplay([], replayAt(timeline, page.id, 0));
    const out: SourcedFinding[] = [];
    const o = landing.overlay;
    if (o && o.coverage > OVERLAY_COVERAGE && o.coveredFor > OVERLAY_MIN_MS) {
      const kind = ui.evidence.overlayKinds[o.kind];
      const [percent, duration] = [ui.evidence.percent(o.coverage), ui.evidence.seconds(o.coveredFor)];
      const detail = r.findings.overlayDetail(page.title.trim() || ui.pageTypes[pageTypeOf(page)], o.selector);
      // Landing times count from the navigation start, close enough to the recording's start.
      const evidence = pushReplay([], replayAt(timeline, page.id, o.shownAt));
      const d = { ...base, id: `landing:${page.id}:overlay`, title: r.findings.overlayTitle(kind, percent, duration), detail };
      out.push(make({ ...d, severity: 'major', evidence }, { lead: r.firstSeconds.overlay(kind.toLowerCase(), percent, duration) }));
    }
    const paint = landing.lcp ?? landing.fcp;
    const paints = [ratingOf('LCP', landing.lcp), ratingOf('FCP', landing.fcp)];
    const slow = RATING_SEVERITY[paints.includes('poor') ? 'poor' : paints.includes('needs-improvement') ? 'needs-improvement' : 'good'];
    if (slow && paint !== undefined) {
      const facts = [
        landing.fcp !== undefined ? ui.evidence.fact(ui.evidence.fcp, ui.evidence.seconds(landing.fcp)) : '',
        landing.lcp !== undefined ? ui.evidence.fact(ui.evidence.lcp, ui.evidence.seconds(landing.lcp)) : '',
      ];
      const title = r.findings.slowTitle(ui.evidence.seconds(paint));
      const d = { ...base, id: `landing:${page.id}:slow`, title, detail: facts.filter((s) => s).join(' · ') };
      out.push(make({ ...d, severity: slow, evidence: fromStart() }, { lead: r.firstSeconds.slow(ui.evidence.seconds(paint)) }));
    }
    const shifts = RATING_SEVERITY[ratingOf('CLS', landing.cls)];
    if (shifts) {
      const detail = ui.evidence.fact(ui.evidence.shifts, ui.evidence.shiftsValue(landing.shifts, ui.evidence.decimal(landing.cls)));
      const d = { ...base, id: `landing:${page.id}:shifts`, title: r.findings.shiftsTitle, detail };
      out.push(make({ ...d, severity: shifts, count: landing.shifts, evidence: fromStart() }));
    }
    return out;
  });
};

const inVisitOrder = (pages: readonly Page[]) => [...pages].sort((a, b) => a.startedAt - b.startedAt);

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
