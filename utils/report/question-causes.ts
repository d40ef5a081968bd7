import { rateVital } from '../audit/speed';
import type { Criterion } from '../checklist/schema';
import type { ReportWords } from '../i18n/report-messages';
import type { Signal } from '../schema/evidence';
import { pageTypeOf, type Page, type Rating } from '../schema/page';
import type { PageType } from '../schema/page-type';
import { signalDetail } from './journey';
import { latestAnswers, latestAudits } from './latest-records';
import type { CauseKind, CauseTier, EvidenceRef, QuestionCause, QuestionId } from './model-types';
import { lowerFirst } from './outcome';
import {
  CAUSE_TIERS,
  CRITERION_RULES,
  MEASURED,
  QUESTION_RULES,
  REASON_KINDS,
  RETURNS_PAGE,
  ORIGIN_ORDER,
  type CauseOrigin,
  type MeasuredId,
} from './question-rules';
import { inVisitOrder, type SourcedFinding } from './sourced-finding';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/**
 * The causes each of the four questions weighs, read from a visit by the rules of
 * `question-rules.ts` and ranked by what stops a shopper. Pure.
 */

/** A cause with what ranks it (never shown). */
export interface RankedCause extends QuestionCause {
  origin: CauseOrigin;
  knockout: boolean;
  weight: number;
  count: number;
  /** When it was first seen (epoch ms), for the visit's order. */
  seenAt: number;
}

const BUYING: readonly PageType[] = ['cart', 'checkout', 'payment'];
const SCRIPT_ERROR_PAGES: readonly PageType[] = ['cart', 'checkout', 'payment', 'contact', 'account'];
/** The page itself, or a frame of it: their failure leaves the shopper before an error page. */
const DOCUMENTS = new Set(['document', 'frame']);
/** Requests a page's scripts send for data. */
const DATA_REQUESTS = new Set(['fetch', 'xhr', 'beacon']);
const ADD_TO_CART = /cart|basket|panier|warenkorb|carrito|carrello|winkelwagen|add/i;

/** Higher first: tier, origin, knock-out, weight, count, then the visit's order. */
export function byCauseRank(a: RankedCause, b: RankedCause): number {
  return (
    a.tier - b.tier ||
    ORIGIN_ORDER.indexOf(a.origin) - ORIGIN_ORDER.indexOf(b.origin) ||
    Number(b.knockout) - Number(a.knockout) ||
    b.weight - a.weight ||
    b.count - a.count ||
    a.seenAt - b.seenAt
  );
}

const tierOf = (id: MeasuredId, rating?: Rating): CauseTier => {
  const tier = MEASURED[id].tier as CauseTier | readonly [CauseTier, CauseTier];
  if (typeof tier === 'number') return tier;
  return rating === 'poor' ? tier[0] : tier[1];
};

const reads = (id: MeasuredId, q: QuestionId) => (MEASURED[id].questions as readonly QuestionId[]).includes(q);

/** Whether a page is about delivery or returns (its address or title says so). */
export function isReturnsPage(page: Page): boolean {
  if (pageTypeOf(page) !== 'other') return false;
  let path = page.url;
  try {
    path = new URL(page.url).pathname;
  } catch {
    // A stored address is absolute; read it as it is otherwise.
  }
  return RETURNS_PAGE.test(decodeURIComponent(path)) || RETURNS_PAGE.test(page.title);
}

/** The pages whose evidence answers a question. */
export function scopePages(q: QuestionId, pages: readonly Page[]): Page[] {
  const rule = QUESTION_RULES.find((r) => r.id === q);
  const ordered = inVisitOrder(pages);
  return ordered.filter(
    (page, i) =>
      (rule?.pages.includes(pageTypeOf(page)) ?? false) || (q === 'first-seconds' && i === 0) || (q === 'return' && isReturnsPage(page)),
  );
}

/** The questions a criterion's failure answers: the built-in checklist's table, else by its pages. */
export function criterionQuestions(criterion: Criterion): { kind: CauseKind; questions: QuestionId[] } {
  const known = CRITERION_RULES[criterion.id];
  if (known) return { kind: known.kind, questions: [...known.questions] };
  const own = criterion.pages.filter((p): p is PageType => p !== 'any');
  const kind: CauseKind = criterion.knockout ? 'knockout' : 'criterion';
  if (own.length === 0) return { kind, questions: [] };
  return { kind, questions: QUESTION_RULES.filter((r) => own.every((p) => r.pages.includes(p))).map((r) => r.id) };
}

interface Context {
  data: VisitData;
  w: ReportWords;
  timeline: Timeline;
  pages: Map<string, Page>;
  scope: Map<QuestionId, Set<string>>;
  found: Map<string, SourcedFinding>;
}

/** "the product page “Derby”", for sentences. */
function pageName(ctx: Context, page: Page | undefined): string {
  if (!page) return ctx.w.r.diagnosis.unknownPage;
  const type = ctx.w.ui.pageTypes[pageTypeOf(page)];
  const title = page.title.trim();
  return title ? ctx.w.r.diagnosis.pageName(lowerFirst(type, ctx.w.lang), title) : ctx.w.r.diagnosis.pageName(type, '');
}

function where(page: Page | undefined): Pick<QuestionCause, 'pageId' | 'pageUrl' | 'pageType'> {
  return page ? { pageId: page.id, pageUrl: page.url, pageType: pageTypeOf(page) } : {};
}

const evidenceOf = (ctx: Context, findingId: string, fallback: EvidenceRef[] = []): EvidenceRef[] =>
  ctx.found.get(findingId)?.finding.evidence ?? fallback;

const findingRef = (ctx: Context, id: string) => (ctx.found.has(id) ? { findingId: id } : {});

/** Every cause of the visit, with the questions that read it. */
function allCauses(ctx: Context): { cause: RankedCause; questions: QuestionId[] }[] {
  const { data, w, pages } = ctx;
  const { r } = w;
  const out: { cause: RankedCause; questions: QuestionId[] }[] = [];
  const inScope = (q: QuestionId, pageId: string | undefined) => pageId !== undefined && (ctx.scope.get(q)?.has(pageId) ?? false);
  const add = (cause: RankedCause, questions: QuestionId[]) => {
    if (questions.length > 0) out.push({ cause, questions });
  };
  const base = { knockout: false, weight: 0, count: 1 };
  const ordered = inVisitOrder(data.pages);

  // Declared abandonments: the evaluator's own reason.
  for (const a of data.abandonments) {
    const page = pages.get(a.pageId);
    const kind = REASON_KINDS[a.reason];
    const reason = lowerFirst(w.ui.evidence.abandonReasons[a.reason], w.lang);
    const comment = a.comment.trim();
    const text = r.diagnosis.left(r.atStage[a.stage], reason, comment ? r.quote(short(comment)) : '');
    const id = `abandonment:${a.id}`;
    // Orders read every abandonment; another question one declared at its stage, on one of its pages.
    const questions = QUESTION_RULES.filter(
      (q) => q.id === 'orders' || (q.id === 'return' && a.reason === 'return-policy') || (q.stages.includes(a.stage) && inScope(q.id, a.pageId)),
    ).map((q) => q.id);
    add(
      { ...base, kind, tier: tierOf('abandonment'), origin: 'declared', text, ...where(page), ...findingRef(ctx, id), evidence: evidenceOf(ctx, id), weight: 3, seenAt: a.at },
      questions.filter((q) => reads('abandonment', q)),
    );
  }

  // Signals, one cause per page and kind.
  const groups = new Map<string, Signal[]>();
  for (const s of [...data.signals].sort((a, b) => a.at - b.at)) {
    const page = pages.get(s.pageId);
    if (!page) continue;
    const measure = measureOf(s, pageTypeOf(page));
    if (!measure) continue;
    const key = `${s.pageId}\u0000${measure}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, signals] of groups) {
    const [first] = signals;
    if (!first) continue;
    let measure = key.split('\u0000')[1] as MeasuredId;
    if (measure === 'formError' && signals.length >= 2) measure = 'validationLoop';
    const page = pages.get(first.pageId);
    const type = page ? pageTypeOf(page) : 'other';
    const id = `signal:${first.pageId}:${first.type}`;
    const replay = signals.slice(0, 3).flatMap((s) => {
      const at = replayAt(ctx.timeline, s.pageId, s.offset);
      return at === null ? [] : [{ kind: 'replay' as const, at }];
    });
    const detail = signalDetail(first, w);
    const text =
      measure === 'validationLoop'
        ? r.diagnosis.loop(signals.length, pageName(ctx, page), typeof first.facts.text === 'string' && first.facts.text ? r.quote(short(first.facts.text)) : detail)
        : r.diagnosis.signal(w.ui.evidence.signalTypes[first.type], pageName(ctx, page), detail, signals.length);
    const kind = MEASURED[measure].kind;
    const questions = QUESTION_RULES.map((q) => q.id).filter((q) => reads(measure, q) && inScope(q, first.pageId));
    // An add-to-cart request that fails on a product page stops the order too.
    const request = first.type === 'failed-request' ? String(first.facts.url ?? '') : '';
    if (measure === 'actionFailed' && type === 'product' && ADD_TO_CART.test(request) && !questions.includes('orders')) questions.push('orders');
    add({ ...base, kind, tier: tierOf(measure), origin: 'measured', text, ...where(page), ...findingRef(ctx, id), evidence: replay, count: signals.length, seenAt: first.at }, questions);
  }

  // A login page opened straight from the cart or checkout, with no payment after it.
  ordered.forEach((page, i) => {
    const previous = ordered[i - 1];
    if (pageTypeOf(page) !== 'account' || !previous || !BUYING.slice(0, 2).includes(pageTypeOf(previous))) return;
    if (ordered.slice(i + 1).some((p) => ['payment', 'confirmation'].includes(pageTypeOf(p)))) return;
    const text = r.diagnosis.forcedAccount(pageName(ctx, previous), pageName(ctx, page));
    const evidence = replayRef(ctx, page.id, 0);
    add({ ...base, kind: 'forced-account', tier: tierOf('forcedAccount'), origin: 'measured', text, ...where(page), evidence, seenAt: page.startedAt }, ['orders']);
  });

  // The first seconds: overlays and shifts measured on arrival.
  for (const page of ordered) {
    const landing = page.landing;
    if (!landing || !inScope('first-seconds', page.id)) continue;
    const overlayId = `landing:${page.id}:overlay`;
    const overlay = ctx.found.get(overlayId);
    if (overlay?.lead) {
      add({ ...base, kind: 'overlay', tier: tierOf('overlay'), origin: 'measured', text: overlay.lead, ...where(page), findingId: overlayId, evidence: overlay.finding.evidence, seenAt: page.startedAt + (landing.overlay?.shownAt ?? 0) }, ['first-seconds']);
    }
    const cls = rateVital('CLS', landing.cls);
    if (cls !== 'good') {
      const id = `landing:${page.id}:shifts`;
      const text = r.diagnosis.shifts(pageName(ctx, page), w.ui.evidence.decimal(landing.cls), w.ui.audit.ratings[cls]);
      add({ ...base, kind: 'layout-shift', tier: tierOf('landingShifts', cls), origin: 'measured', text, ...where(page), ...findingRef(ctx, id), evidence: evidenceOf(ctx, id, replayRef(ctx, page.id, 0)), count: landing.shifts, seenAt: page.startedAt }, ['first-seconds']);
    }
  }

  // Speed: the speed block's verdict of each page in scope, or the first paint of an unaudited landing.
  const audits = latestAudits(data.audits, 'speed');
  for (const page of ordered) {
    const speed = audits.get(page.id)?.speed;
    const landing = page.landing;
    const paint = landing ? worst([landing.lcp !== undefined ? rateVital('LCP', landing.lcp) : 'good', landing.fcp !== undefined ? rateVital('FCP', landing.fcp) : 'good']) : 'good';
    for (const q of QUESTION_RULES.map((x) => x.id)) {
      if (!inScope(q, page.id)) continue;
      const measure: MeasuredId = q === 'first-seconds' ? 'landingSpeed' : 'pageSpeed';
      if (!reads(measure, q)) continue;
      const verdict: Rating = speed ? speed.verdict : q === 'first-seconds' ? paint : 'good';
      if (verdict === 'good') continue;
      const reasons = (speed?.reasons ?? []).map((x) => lowerFirst(x[w.lang].trim(), w.lang)).filter((x) => x).join(r.diagnosis.reasonSeparator);
      const label = speed ? w.ui.audit.verdicts[verdict] : w.ui.audit.ratings[verdict];
      const paintMs = landing?.lcp ?? landing?.fcp;
      const text = speed
        ? r.diagnosis.speed(pageName(ctx, page), label, reasons)
        : r.diagnosis.paint(pageName(ctx, page), w.ui.evidence.seconds(paintMs ?? 0), label);
      const id = speed ? `speed:${page.id}` : `landing:${page.id}:slow`;
      add(
        { ...base, kind: MEASURED[measure].kind, tier: tierOf(measure, verdict), origin: 'measured', text, ...where(page), ...findingRef(ctx, id), evidence: evidenceOf(ctx, id, replayRef(ctx, page.id, 0)), seenAt: page.startedAt },
        [q],
      );
    }
  }

  // The checklist's failed criteria, as the evaluator judged them.
  const answers = latestAnswers(data);
  for (const s of ctx.found.values()) {
    const criterion = s.criterion;
    if (s.finding.source !== 'checklist' || !criterion) continue;
    const { kind, questions } = criterionQuestions(criterion);
    const answer = answers.get(criterion.id);
    const page = answer ? pages.get(answer.pageId) : undefined;
    const knockout = s.finding.knockout;
    const byWeight: CauseTier = knockout ? 1 : criterion.weight >= 3 ? 2 : 3;
    const tier = Math.min(CAUSE_TIERS[kind], byWeight) as CauseTier;
    const state = answer ? (answer.state === 'yes' && answer.value !== undefined ? r.scaleValue(answer.value) : r.states[answer.state]) : r.states.no;
    const comment = answer?.comment.trim() ?? '';
    const text = r.diagnosis.criterion(criterion.id, criterion.question[w.lang], state, pageName(ctx, page), comment ? r.quote(short(comment)) : '');
    add(
      { kind, tier, origin: 'judged', text, ...where(page), criterionId: criterion.id, findingId: s.finding.id, evidence: s.finding.evidence, knockout, weight: criterion.weight, count: 1, seenAt: answer?.at ?? 0 },
      questions,
    );
  }

  // Accessibility: a barrier for some shoppers, on the pages of each question.
  const a11y = latestAudits(data.audits, 'accessibility');
  for (const s of ctx.found.values()) {
    if (s.finding.source !== 'accessibility') continue;
    const rule = s.finding.id.replace(/^a11y:/, '').replace(/#\d+$/, '');
    for (const q of QUESTION_RULES.map((x) => x.id)) {
      const on = ordered.filter((p) => inScope(q, p.id) && (a11y.get(p.id)?.accessibility?.violations.some((v) => v.ruleId === rule) ?? false));
      const [page] = on;
      if (!page) continue;
      const nodes = on.reduce((n, p) => n + (a11y.get(p.id)?.accessibility?.violations.find((v) => v.ruleId === rule)?.nodeCount ?? 0), 0);
      const text = r.diagnosis.accessibility(s.finding.title, nodes, on.map((p) => pageName(ctx, p)).join(', '));
      const evidence = replayRef(ctx, page.id, 0);
      add({ ...base, kind: 'accessibility', tier: tierOf('accessibility'), origin: 'measured', text, ...where(page), findingId: s.finding.id, evidence, weight: s.finding.severity === 'critical' ? 3 : s.finding.severity === 'major' ? 2 : 1, count: nodes, seenAt: page.startedAt }, [q]);
    }
  }
  return out;
}

function replayRef(ctx: Context, pageId: string, offset: number): EvidenceRef[] {
  const at = replayAt(ctx.timeline, pageId, offset);
  return at === null ? [] : [{ kind: 'replay', at }];
}

const worst = (ratings: Rating[]): Rating => (ratings.includes('poor') ? 'poor' : ratings.includes('needs-improvement') ? 'needs-improvement' : 'good');

/** A comment quoted in a sentence: its first 160 characters, without its final full stop. */
const short = (text: string) => {
  const bare = text.replace(/[.\s]+$/, '');
  return bare.length > 160 ? `${bare.slice(0, 159)}…` : bare;
};

/** Which measured rule a signal falls under on a page of this type. */
function measureOf(s: Signal, type: PageType): MeasuredId | undefined {
  switch (s.type) {
    case 'failed-request': {
      const resource = String(s.facts.resource ?? '');
      const method = String(s.facts.method ?? 'GET').toUpperCase();
      if (method !== 'GET' || DOCUMENTS.has(resource)) return 'actionFailed';
      return DATA_REQUESTS.has(resource) ? 'dataFailed' : 'resourceFailed';
    }
    case 'js-error':
      return SCRIPT_ERROR_PAGES.includes(type) ? 'scriptErrorBuying' : 'scriptError';
    case 'form-error':
      return 'formError';
    case 'rage-click':
    case 'dead-click':
      return 'unresponsive';
    case 'long-wait':
      return 'longWait';
    case 'layout-shift':
      // Shifts on arrival are read from the landing's CLS; later ones are the page's, not the question's.
      return undefined;
  }
}

/** Each question's causes, ranked (the first leads when its tier is 1–3). */
export function questionCauses(found: readonly SourcedFinding[], data: VisitData, timeline: Timeline, w: ReportWords): Map<QuestionId, RankedCause[]> {
  const pages = new Map(data.pages.map((p) => [p.id, p]));
  const scope = new Map(QUESTION_RULES.map((q) => [q.id, new Set(scopePages(q.id, data.pages).map((p) => p.id))]));
  const ctx: Context = { data, w, timeline, pages, scope, found: new Map(found.map((s) => [s.finding.id, s])) };
  const byQuestion = new Map<QuestionId, RankedCause[]>(QUESTION_RULES.map((q) => [q.id, []]));
  for (const { cause, questions } of allCauses(ctx)) for (const q of questions) byQuestion.get(q)?.push(cause);
  for (const list of byQuestion.values()) list.sort(byCauseRank);
  return byQuestion;
}
