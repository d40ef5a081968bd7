import { reportWords } from '../../../../utils/i18n/report-messages';
import type { QuestionAnswer, ReportModel } from '../../../../utils/report/model-types';
import { criterionQuestions, scopePages } from '../../../../utils/report/question-causes';
import type { VisitData } from '../../../../utils/report/visit-data';

/**
 * What an answer of the four questions must never do, checked against the rest of its report:
 * leave out a speed verdict of its pages, say other than the outcome or the funnel, or cite a page
 * or criterion outside its question. Shared by the unit tests and the corpus of recorded visits.
 */

const SPEED_KINDS = new Set(['slow-landing', 'slow-page']);

/** Whether a cause belongs to its question, by the rule table. */
export function outOfScope(q: QuestionAnswer, data: VisitData): string[] {
  const scope = new Set(scopePages(q.id, data.pages).map((p) => p.id));
  const problems: string[] = [];
  for (const c of q.causes) {
    const criterion = c.criterionId ? data.checklist?.sections.flatMap((s) => s.criteria).find((x) => x.id === c.criterionId) : undefined;
    const byCriterion = criterion ? criterionQuestions(criterion).questions.includes(q.id) : false;
    const byAbandonment = (c.findingId?.startsWith('abandonment:') ?? false) && (q.id === 'orders' || (q.id === 'return' && c.kind === 'returns-info'));
    const addToCart = q.id === 'orders' && c.kind === 'blocking-error' && c.pageType === 'product';
    const forced = q.id === 'orders' && c.kind === 'forced-account' && c.pageType === 'account';
    if (c.criterionId ? !byCriterion : !(byAbandonment || addToCart || forced || (c.pageId !== undefined && scope.has(c.pageId)))) {
      problems.push(`${q.id}: cites ${c.criterionId ?? c.pageUrl ?? c.kind} outside its scope (${c.text})`);
    }
  }
  return problems;
}

/** Every way the answers contradict the report they are part of; empty when none does. */
export function contradictions(model: ReportModel, data: VisitData): string[] {
  const w = reportWords(model.lang);
  const problems: string[] = [];
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  for (const q of model.questions) {
    problems.push(...outOfScope(q, data));
    // Every speed verdict the speed section shows for this question's pages is in the answer.
    const scope = new Set(scopePages(q.id, data.pages).map((p) => p.id));
    for (const s of model.speed.pages) {
      if (!scope.has(s.pageId) || !s.verdict || s.verdict === 'good') continue;
      const said = q.causes.some((c) => c.pageId === s.pageId && SPEED_KINDS.has(c.kind) && c.text.includes(s.verdictLabel));
      if (!said) problems.push(`${q.id}: the speed section rates ${s.url} “${s.verdictLabel}”, the answer does not say so`);
    }
    if (q.status === 'clear' && q.causes.some((c) => c.tier < 4)) problems.push(`${q.id}: says nothing stops a shopper, yet lists a cause of tier < 4`);
    if (q.lead && q.lead !== q.causes[0]) problems.push(`${q.id}: its lead is not its first cause`);
  }
  // The outcome and the funnel.
  const outcome = model.summary.outcome;
  const orders = byId.get('orders');
  const reached = new Set(model.journey.stages.map((s) => s.stage));
  if (orders) {
    if (outcome.kind === 'converted') {
      if (orders.status === 'not-reached' || !orders.answer.includes(w.r.diagnosis.converted)) problems.push('orders: the order went through, the answer does not say so');
    } else if (outcome.kind === 'abandoned' && outcome.stage) {
      if (!orders.answer.includes(w.r.atStage[outcome.stage])) problems.push(`orders: the outcome says “${outcome.text}”, the answer does not say where the visit stopped`);
    }
    if (['cart', 'checkout', 'payment', 'confirmation'].some((s) => reached.has(s as never)) && orders.status === 'not-reached') {
      problems.push('orders: the funnel reached the cart, the answer says it did not');
    }
  }
  const product = byId.get('product');
  if (product && reached.has('product') && product.status === 'not-reached') problems.push('product: the funnel reached a product page, the answer says it did not');
  return problems;
}
