import type { Checklist, CriterionPage } from '../checklist/schema';
import type { ReportWords } from '../i18n/report-messages';
import type { SignalType } from '../schema/evidence';
import { pageTypeOf } from '../schema/page';
import type { PageType } from '../schema/page-type';
import type { SourcedFinding } from './findings';
import type { QuestionAnswer, QuestionId, ReportOutcome, Severity } from './model-types';
import { lowerFirst } from './outcome';
import { wordCount } from './writing-help';
import type { VisitData } from './visit-data';

/**
 * The four questions a shop owner asks, each answered in one or two plain sentences and with the
 * findings that explain it. A finding may answer several questions (a cart's knock-out is both an
 * order problem and a reason not to come back).
 */

const MAX_FINDINGS = 8;
/** A title quoted in the answer must keep the sentence short; a criterion's question rarely does. */
const QUOTED_TITLE_WORDS = 10;

const PURCHASE: readonly PageType[] = ['cart', 'checkout', 'payment'];
const LANDING: readonly PageType[] = ['home', 'listing'];
const AFTER: readonly PageType[] = ['account', 'contact', 'confirmation'];
const LANDING_SIGNALS: readonly SignalType[] = ['js-error', 'layout-shift', 'long-wait'];

/** The page types a finding is about: its criterion's own pages, or where it was seen. */
function typesOf(s: SourcedFinding): PageType[] {
  const pages = s.criterion?.pages;
  if (!pages) return s.pageTypes;
  const own = pages.filter((p): p is PageType => p !== 'any');
  return pages.includes('any') ? [...own, ...s.pageTypes] : own;
}

const about = (s: SourcedFinding, types: readonly PageType[]) => typesOf(s).some((t) => types.includes(t));

/**
 * Criteria asked after the purchase: in the sections after the first one about checkout or payment,
 * those whose criteria ask only about confirmation, account, contact or any page. In the built-in
 * checklist: confirmation and e-mails, delivery and returns, account, customer service.
 */
function postPurchaseCriteria(checklist: Checklist | undefined): Set<string> {
  const sections = checklist?.sections ?? [];
  const buying: CriterionPage[] = ['checkout', 'payment'];
  const after: CriterionPage[] = [...AFTER, 'any'];
  const first = sections.findIndex((s) => s.criteria.some((c) => c.pages.some((p) => buying.includes(p))));
  // Without a purchase section, nothing tells "after" apart.
  if (first < 0) return new Set();
  return new Set(
    sections
      .slice(first + 1)
      .filter((s) => s.criteria.every((c) => c.pages.every((p) => after.includes(p))))
      .flatMap((s) => s.criteria.map((c) => c.id)),
  );
}

function answer(w: ReportWords, lead: string | undefined, found: SourcedFinding[]): string {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  for (const s of found) counts[s.finding.severity] += 1;
  const top = found[0];
  // Not when the lead already says it: a landing's own sentence, or the abandonment's reason.
  const said = top?.lead !== undefined || top?.finding.source === 'abandonment';
  const title = top && !said && wordCount(top.finding.title) <= QUOTED_TITLE_WORDS ? top.finding.title : undefined;
  const tally = w.r.tally(found.length, counts, title);
  return lead ? `${lead} ${tally}` : tally;
}

/** The four questions answered, in the report's order. */
export function answerQuestions(found: SourcedFinding[], data: VisitData, outcome: ReportOutcome, w: ReportWords): QuestionAnswer[] {
  const { r } = w;
  const types = new Set(data.pages.map(pageTypeOf));
  const firstPage = [...data.pages].sort((a, b) => a.startedAt - b.startedAt)[0];
  const postPurchase = postPurchaseCriteria(data.checklist);

  const orders = found.filter((s) => s.finding.source === 'abandonment' || about(s, PURCHASE));
  const firstSeconds = found.filter((s) => {
    const onLanding = s.finding.pageId === firstPage?.id || about(s, LANDING);
    const { source } = s.finding;
    const kind = source === 'landing' || source === 'speed' || (s.signalType !== undefined && LANDING_SIGNALS.includes(s.signalType));
    return (onLanding && kind) || (s.criterion?.pages.includes('home') ?? false);
  });
  const product = found.filter((s) => about(s, ['product']));
  const ret = found.filter((s) => about(s, AFTER) || (s.criterion && postPurchase.has(s.criterion.id)) || s.reason === 'return-policy');

  const ordersLead = (): string => {
    if (outcome.kind === 'converted') return r.orders.converted;
    if (outcome.kind === 'unknown' || !outcome.stage) return r.orders.unknown;
    const at = r.atStage[outcome.stage];
    return outcome.reason ? r.orders.leftAt(at, lowerFirst(outcome.reason, w.lang)) : r.orders.endedAt(at);
  };
  const measured = data.pages.some((p) => p.landing) || data.audits.some((a) => a.speed);
  const reachedCart = PURCHASE.some((t) => types.has(t)) || outcome.kind === 'converted';
  const nothing: Record<QuestionId, string> = {
    orders: r.nothing(reachedCart ? r.orders.noneFound : r.orders.notReached),
    'first-seconds': r.nothing(measured ? r.firstSeconds.noneFound : r.firstSeconds.notMeasured),
    product: r.nothing(types.has('product') ? r.product.noneFound : r.product.notVisited),
    return: r.nothing(r.return.noneFound),
  };
  const entries: [QuestionId, SourcedFinding[], () => string][] = [
    ['orders', orders, ordersLead],
    ['first-seconds', firstSeconds, () => firstSeconds.find((s) => s.lead)?.lead ?? r.firstSeconds.found],
    ['product', product, () => r.product.found],
    ['return', ret, () => r.return.found],
  ];
  return entries.map(([id, list, lead]) => ({
    id,
    question: r.questions[id],
    answer: list.length > 0 ? answer(w, lead(), list) : nothing[id],
    findings: list.slice(0, MAX_FINDINGS).map((s) => s.finding),
  }));
}
