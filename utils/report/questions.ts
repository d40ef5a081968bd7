import type { ReportWords } from '../i18n/report-messages';
import { pageTypeOf } from '../schema/page';
import type { PageType } from '../schema/page-type';
import type { QuestionAnswer, QuestionId, QuestionStatus, ReportFinding, ReportOutcome } from './model-types';
import { lowerFirst } from './outcome';
import { isReturnsPage, questionCauses, scopePages, type RankedCause } from './question-causes';
import { LEADING_TIERS, QUESTION_RULES } from './question-rules';
import type { SourcedFinding } from './sourced-finding';
import type { Timeline } from './timeline';
import type { VisitData } from './visit-data';

/**
 * The four questions a shop owner asks, each answered by a diagnosis of the visit: the cause that
 * most likely explains it first (the rules and rank in `docs/questions.md`), what the visit covered
 * for it, and the speed verdicts of its pages, so that no answer contradicts the rest of the report.
 */

/** Causes kept per answer, the lead included. */
const MAX_CAUSES = 8;

const BUYING: readonly PageType[] = ['cart', 'checkout', 'payment', 'confirmation'];
const RETURN_PAGES = ['contact', 'returns', 'account'] as const;

/** A sentence continued after a colon: its first word in lower case, unless it is a code such as "A04" or "POST". */
const lowerLead = (text: string, lang: string) => (/^\p{Lu}[\p{Lu}\d]/u.test(text) ? text : lowerFirst(text, lang));

/** Whether the first pages' first seconds were measured: a landing watched, or a speed audit. */
function firstSecondsMeasured(data: VisitData): boolean {
  const first = new Set(scopePages('first-seconds', data.pages).map((p) => p.id));
  return data.pages.some((p) => first.has(p.id) && p.landing) || data.audits.some((a) => a.speed && first.has(a.pageId));
}

/** Whether the visit reached what a question needs, without any cause. */
function reached(q: QuestionId, data: VisitData, outcome: ReportOutcome, causes: readonly RankedCause[]): boolean {
  const types = new Set(data.pages.map(pageTypeOf));
  switch (q) {
    case 'orders':
      return BUYING.some((t) => types.has(t)) || outcome.kind === 'converted';
    case 'first-seconds':
      // Unmeasured first seconds say nothing either way.
      return firstSecondsMeasured(data);
    case 'product':
      return types.has('product') || causes.some((c) => c.pageType === 'search' || c.pageType === 'listing');
    case 'return':
      return scopePages('return', data.pages).length > 0 || causes.length > 0;
  }
}

/** What the visit covered for the question, in a sentence or two. */
function coverageOf(q: QuestionId, data: VisitData, w: ReportWords): string {
  const { r, ui } = w;
  const d = r.diagnosis;
  const seen = scopePages(q, data.pages);
  const names = [...new Set(seen.map((p) => lowerFirst(ui.pageTypes[pageTypeOf(p)], w.lang)))];
  switch (q) {
    case 'orders':
      return names.length ? d.seen(names.join(', ')) : d.ordersNotSeen;
    case 'first-seconds': {
      return d.firstPages(names.join(', ')) + (seen.length && !firstSecondsMeasured(data) ? ` ${d.notMeasured}` : '');
    }
    case 'product':
      return names.length ? d.seen(names.join(', ')) + (seen.some((p) => pageTypeOf(p) === 'product') ? '' : ` ${d.productNotSeen}`) : d.productNotSeen;
    case 'return': {
      const has = {
        contact: seen.some((p) => pageTypeOf(p) === 'contact'),
        returns: seen.some(isReturnsPage),
        account: seen.some((p) => pageTypeOf(p) === 'account'),
      };
      const missing = RETURN_PAGES.filter((k) => !has[k]).map((k) => d.returnPages[k]);
      const seenNames = [...names.filter((n) => n !== lowerFirst(ui.pageTypes.other, w.lang)), ...(has.returns ? [d.returnPages.returns] : [])];
      const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')}${d.orWord}${missing.at(-1)}` : (missing[0] ?? '');
      return [seenNames.length ? d.seen(seenNames.join(', ')) : '', list ? d.returnNotSeen(list) : ''].filter((s) => s).join(' ');
    }
  }
}

/** How the orders answer opens: the visit's outcome, as the outcome block says it. */
function ordersOpening(outcome: ReportOutcome, lead: RankedCause | undefined, w: ReportWords): string {
  const { r } = w;
  const d = r.diagnosis;
  if (outcome.kind === 'converted') return d.converted;
  if (outcome.kind === 'unknown' || !outcome.stage) return d.noOutcome;
  // The abandonment's own sentence says where and why.
  if (lead?.origin === 'declared') return '';
  return d.endedAt(r.atStage[outcome.stage]);
}

/** The four questions answered, in the report's order. */
export function answerQuestions(
  found: SourcedFinding[],
  data: VisitData,
  outcome: ReportOutcome,
  timeline: Timeline,
  w: ReportWords,
): QuestionAnswer[] {
  const { r } = w;
  const d = r.diagnosis;
  const byQuestion = questionCauses(found, data, timeline, w);
  const findings = new Map(found.map((s) => [s.finding.id, s.finding]));
  return QUESTION_RULES.map(({ id }) => {
    const all = byQuestion.get(id) ?? [];
    const [first] = all;
    const lead = first && LEADING_TIERS.includes(first.tier) ? first : undefined;
    const status: QuestionStatus = lead ? 'answered' : reached(id, data, outcome, all) ? 'clear' : 'not-reached';
    const parts: string[] = [];
    if (id === 'orders' && status !== 'not-reached') parts.push(ordersOpening(outcome, lead, w));
    if (lead) parts.push(lead.origin === 'declared' ? lead.text : id === 'orders' && outcome.kind === 'converted' ? d.couldStop(lowerLead(lead.text, w.lang)) : d.likely(lowerLead(lead.text, w.lang)));
    else if (status === 'clear') parts.push(d.clear[id]);
    else parts.push(id === 'orders' && outcome.kind === 'abandoned' && outcome.stage ? d.ordersNotReachedAt(r.atStage[outcome.stage]) : d.notReached[id]);
    // The speed verdicts of its pages, when the lead does not already give them.
    const verdicts = all.filter((c) => (c.kind === 'slow-landing' || c.kind === 'slow-page') && c !== lead && c.pageId);
    if (verdicts.length) parts.push(d.alsoSpeed(verdicts.length));
    const barriers = all.filter((c) => c.tier === 4);
    if (!lead && barriers.length) parts.push(d.barriers(barriers.length));
    const causes = all.slice(0, MAX_CAUSES);
    // Every speed verdict in scope stays, even past the cut: the answer never hides one.
    for (const v of verdicts) if (!causes.includes(v)) causes.push(v);
    const own = causes.map(({ origin: _o, knockout: _k, weight: _w, count: _c, seenAt: _s, ...cause }) => cause);
    return {
      id,
      question: r.questions[id],
      status,
      answer: parts.filter((s) => s).join(' '),
      ...(lead ? { lead: own[0] } : {}),
      causes: own,
      coverage: coverageOf(id, data, w),
      findings: [...new Set(causes.flatMap((c) => (c.findingId ? [c.findingId] : [])))].flatMap((f): ReportFinding[] => {
        const finding = findings.get(f);
        return finding ? [finding] : [];
      }),
    };
  });
}
