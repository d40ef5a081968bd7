import type { FunnelStage, AbandonReason } from '../schema/evidence';
import type { PageType } from '../schema/page-type';
import type { CauseKind, CauseTier, QuestionId } from './model-types';

/**
 * The rule table of the four answers, in one place: which pages and criteria each question reads,
 * which causes it weighs and how they rank. `docs/questions.md` shows the same table, written from
 * here (`questionRulesMarkdown`), and a test holds the two together.
 */

export interface QuestionRule {
  id: QuestionId;
  /** The page types whose evidence answers it. */
  pages: readonly PageType[];
  /** A declared abandonment at one of these stages, on one of its pages, answers it ("orders": any abandonment). */
  stages: readonly FunnelStage[];
  /** What the visit must have seen for the question to be answered, said when it did not. */
  needs: string;
}

/**
 * The questions, in the report's order. "First seconds" also reads the first page of the visit,
 * whatever its type; "return" also reads pages about delivery or returns (`isReturnsPage`).
 */
export const QUESTION_RULES: readonly QuestionRule[] = [
  {
    id: 'orders',
    pages: ['cart', 'checkout', 'payment'],
    stages: ['landing', 'browse', 'product', 'cart', 'checkout', 'payment', 'confirmation'],
    needs: 'a cart, checkout or payment page, or a declared abandonment',
  },
  {
    id: 'first-seconds',
    pages: ['home'],
    stages: ['landing'],
    needs: 'the first page of the visit (always seen), measured',
  },
  {
    id: 'product',
    pages: ['product', 'listing', 'search'],
    stages: ['browse', 'product'],
    needs: 'a product page, or a search or listing where the product was looked for',
  },
  {
    id: 'return',
    pages: ['confirmation', 'account', 'contact'],
    stages: ['confirmation'],
    needs: 'a confirmation, account, contact, delivery or returns page, or an after-sales criterion answered',
  },
];

export const ruleOf = (id: QuestionId): QuestionRule => QUESTION_RULES.find((q) => q.id === id) ?? QUESTION_RULES[0]!;

/** How strong each kind of cause is, before the criterion's own weight or knock-out raises it. */
export const CAUSE_TIERS: Record<CauseKind, CauseTier> = {
  'blocking-error': 1,
  'validation-loop': 1,
  'forced-account': 1,
  'surprise-cost': 1,
  'product-not-found': 1,
  overlay: 1,
  knockout: 1,
  'declared-leave': 1,
  'slow-landing': 2,
  'payment-trust': 2,
  'delivery-terms': 2,
  'long-checkout': 2,
  'product-info': 2,
  'returns-info': 2,
  contact: 2,
  confirmation: 2,
  'slow-page': 3,
  'layout-shift': 3,
  account: 3,
  unresponsive: 3,
  'form-error': 3,
  criterion: 3,
  accessibility: 4,
};

/** The kind a declared abandonment's reason stands for. */
export const REASON_KINDS: Record<AbandonReason, CauseKind> = {
  'extra-costs': 'surprise-cost',
  'total-not-visible': 'surprise-cost',
  'forced-account': 'forced-account',
  'payment-not-trusted': 'payment-trust',
  delivery: 'delivery-terms',
  'checkout-too-long': 'long-checkout',
  'return-policy': 'returns-info',
  bug: 'blocking-error',
  'too-slow': 'slow-page',
  'product-not-found': 'product-not-found',
  'missing-information': 'product-info',
  other: 'declared-leave',
};

/**
 * The built-in checklist's criteria (`utils/checklist/defaults/ecommerce.ts`): the kind of cause a
 * "no" stands for and the questions it answers. A criterion not listed here (another checklist)
 * answers the questions whose pages hold all of its own pages, as a `criterion` (a `knockout` when
 * it is one); criteria about every page are left to the findings list.
 */
export const CRITERION_RULES: Readonly<Record<string, { kind: CauseKind; questions: readonly QuestionId[] }>> = {
  A01: { kind: 'criterion', questions: ['first-seconds'] },
  A02: { kind: 'criterion', questions: ['first-seconds'] },
  A03: { kind: 'overlay', questions: ['first-seconds'] },
  A04: { kind: 'overlay', questions: ['first-seconds'] },
  A05: { kind: 'criterion', questions: ['first-seconds'] },
  C01: { kind: 'criterion', questions: ['product'] },
  C02: { kind: 'product-not-found', questions: ['product'] },
  C03: { kind: 'product-not-found', questions: ['product'] },
  C04: { kind: 'criterion', questions: ['product'] },
  C05: { kind: 'product-not-found', questions: ['product'] },
  C06: { kind: 'criterion', questions: ['product'] },
  C07: { kind: 'product-info', questions: ['product'] },
  C08: { kind: 'product-not-found', questions: ['product'] },
  D01: { kind: 'product-info', questions: ['product'] },
  D02: { kind: 'product-info', questions: ['product'] },
  D03: { kind: 'product-info', questions: ['product'] },
  D04: { kind: 'product-info', questions: ['product'] },
  D05: { kind: 'surprise-cost', questions: ['product', 'orders'] },
  D06: { kind: 'returns-info', questions: ['product', 'return'] },
  D07: { kind: 'product-info', questions: ['product'] },
  D08: { kind: 'product-info', questions: ['product'] },
  D09: { kind: 'criterion', questions: ['product'] },
  D10: { kind: 'criterion', questions: ['product', 'orders'] },
  E01: { kind: 'criterion', questions: ['orders'] },
  E02: { kind: 'criterion', questions: ['orders'] },
  E03: { kind: 'surprise-cost', questions: ['orders'] },
  E04: { kind: 'knockout', questions: ['orders'] },
  F01: { kind: 'forced-account', questions: ['orders'] },
  F02: { kind: 'long-checkout', questions: ['orders'] },
  F03: { kind: 'long-checkout', questions: ['orders'] },
  F04: { kind: 'long-checkout', questions: ['orders'] },
  F05: { kind: 'long-checkout', questions: ['orders'] },
  F06: { kind: 'validation-loop', questions: ['orders'] },
  F08: { kind: 'delivery-terms', questions: ['orders'] },
  F09: { kind: 'criterion', questions: ['orders'] },
  F10: { kind: 'long-checkout', questions: ['orders'] },
  G01: { kind: 'payment-trust', questions: ['orders'] },
  G02: { kind: 'payment-trust', questions: ['orders'] },
  G03: { kind: 'payment-trust', questions: ['orders'] },
  G04: { kind: 'payment-trust', questions: ['orders'] },
  G05: { kind: 'surprise-cost', questions: ['orders'] },
  G06: { kind: 'knockout', questions: ['orders'] },
  G07: { kind: 'validation-loop', questions: ['orders'] },
  G08: { kind: 'payment-trust', questions: ['orders'] },
  H01: { kind: 'confirmation', questions: ['return'] },
  H02: { kind: 'confirmation', questions: ['return'] },
  H03: { kind: 'confirmation', questions: ['return'] },
  H04: { kind: 'delivery-terms', questions: ['return'] },
  H05: { kind: 'criterion', questions: ['orders'] },
  I01: { kind: 'delivery-terms', questions: ['return'] },
  I02: { kind: 'delivery-terms', questions: ['return'] },
  I03: { kind: 'returns-info', questions: ['return'] },
  I04: { kind: 'returns-info', questions: ['return'] },
  J01: { kind: 'account', questions: ['return'] },
  J02: { kind: 'account', questions: ['return'] },
  K01: { kind: 'contact', questions: ['return'] },
  K02: { kind: 'contact', questions: ['return'] },
  K04: { kind: 'contact', questions: ['return'] },
  K05: { kind: 'contact', questions: ['return'] },
  K06: { kind: 'contact', questions: ['return'] },
  L01: { kind: 'payment-trust', questions: ['orders'] },
  L04: { kind: 'returns-info', questions: ['return', 'orders'] },
  M05: { kind: 'accessibility', questions: ['orders'] },
  M07: { kind: 'slow-landing', questions: ['first-seconds'] },
  M09: { kind: 'layout-shift', questions: ['first-seconds'] },
};

const ALL: readonly QuestionId[] = ['orders', 'first-seconds', 'product', 'return'];

export interface MeasuredRule {
  /** What was measured or declared, as `docs/questions.md` says it. */
  source: string;
  kind: CauseKind;
  /** The tier it takes; for a rating, when poor then when it needs improvement. */
  tier: CauseTier | readonly [poor: CauseTier, needsImprovement: CauseTier];
  questions: readonly QuestionId[];
}

/**
 * The measured and declared causes: what the evaluator said, what the recorder and the audits saw,
 * the tier each takes and the questions that read it (each on its own pages, `QUESTION_RULES`).
 */
export const MEASURED = {
  abandonment: { source: 'declared abandonment (“I would leave here”), as the kind of its reason', kind: 'declared-leave', tier: 1, questions: ALL },
  actionFailed: { source: 'a request that acts failed (any method but GET: a form sent, an add to cart), or the page’s document itself; a failed add-to-cart request also counts for orders', kind: 'blocking-error', tier: 1, questions: ALL },
  dataFailed: { source: 'a data request the page asked for failed (GET fetch or XHR: stock, recommendations, shipping rates)', kind: 'blocking-error', tier: 2, questions: ALL },
  resourceFailed: { source: 'a picture, style or script failed to load', kind: 'blocking-error', tier: 3, questions: ALL },
  scriptErrorBuying: { source: 'a script error on a cart, checkout, payment, contact or account page', kind: 'blocking-error', tier: 2, questions: ['orders', 'return'] },
  scriptError: { source: 'a script error on another page', kind: 'blocking-error', tier: 3, questions: ['first-seconds', 'product'] },
  validationLoop: { source: 'one page’s forms showed errors twice or more', kind: 'validation-loop', tier: 1, questions: ALL },
  formError: { source: 'a form error shown once', kind: 'form-error', tier: 3, questions: ALL },
  forcedAccount: { source: 'a login or account page opened straight from the cart or checkout, with no payment page after it', kind: 'forced-account', tier: 1, questions: ['orders'] },
  overlay: { source: 'an overlay over 30 % of the screen for over 3 s on arrival', kind: 'overlay', tier: 1, questions: ['first-seconds'] },
  landingSpeed: { source: 'the speed verdict of a first page (the speed block’s), or its first paint when it was not audited', kind: 'slow-landing', tier: [1, 2], questions: ['first-seconds'] },
  pageSpeed: { source: 'the speed verdict of another page in scope', kind: 'slow-page', tier: [2, 3], questions: ['orders', 'product', 'return'] },
  landingShifts: { source: 'layout shifts on arrival (CLS)', kind: 'layout-shift', tier: [2, 3], questions: ['first-seconds'] },
  unresponsive: { source: 'rage or dead clicks', kind: 'unresponsive', tier: 3, questions: ALL },
  longWait: { source: 'a long wait after an action', kind: 'slow-page', tier: 3, questions: ALL },
  accessibility: { source: 'an accessibility rule failed (axe-core)', kind: 'accessibility', tier: 4, questions: ALL },
} as const satisfies Record<string, MeasuredRule>;
export type MeasuredId = keyof typeof MEASURED;

/** How strong the proof is: the evaluator's own reason, then what was measured, then what was judged. */
export type CauseOrigin = 'declared' | 'measured' | 'judged';
export const ORIGIN_ORDER: readonly CauseOrigin[] = ['declared', 'measured', 'judged'];

/** The rank rule, in the order its keys are compared (docs/questions.md quotes it). */
export const RANK_RULE: readonly string[] = [
  'tier (1 stops the shopper, 2 deters, 3 slows or annoys, 4 a barrier for some shoppers)',
  'origin: declared by the evaluator, then measured, then judged in the checklist',
  'knock-out criteria first',
  'the criterion’s weight, higher first',
  'how many times it was seen, more first',
  'the order of the visit, earlier first',
];

/** A tier-4 cause never leads: the answer says nothing stops a shopper, then names it. */
export const LEADING_TIERS: readonly CauseTier[] = [1, 2, 3];

/** Words in a page's address or title that make it a delivery or returns page. */
export const RETURNS_PAGE = /retour|return|refund|rembours|livraison|shipping|delivery|env[ií]os?\b|devoluci|versand|r[üu]ckgabe|r[üu]cksendung|spedizion|\bresi\b/i;

const code = (s: string) => `\`${s}\``;

/** The tables of `docs/questions.md`, written from the rules above. */
export function questionRulesMarkdown(): string {
  const questions = [
    '| question | pages | abandonment stages | needs |',
    '|---|---|---|---|',
    ...QUESTION_RULES.map((q) => `| ${code(q.id)} | ${q.pages.map(code).join(', ')} | ${q.stages.map(code).join(', ')} | ${q.needs} |`),
  ];
  const tiers = [
    '| cause | tier |',
    '|---|---|',
    ...(Object.entries(CAUSE_TIERS) as [CauseKind, CauseTier][]).map(([kind, tier]) => `| ${code(kind)} | ${tier} |`),
  ];
  const measured = [
    '| measured or declared | cause | tier | questions |',
    '|---|---|---|---|',
    ...Object.values(MEASURED as Record<string, MeasuredRule>).map(
      (m) => `| ${m.source} | ${code(m.kind)} | ${typeof m.tier === 'number' ? m.tier : `${m.tier[0]} poor, ${m.tier[1]} needs improvement`} | ${m.questions.map(code).join(', ')} |`,
    ),
  ];
  const reasons = [
    '| abandonment reason | cause |',
    '|---|---|',
    ...(Object.entries(REASON_KINDS) as [AbandonReason, CauseKind][]).map(([reason, kind]) => `| ${code(reason)} | ${code(kind)} |`),
  ];
  const criteria = [
    '| criterion | cause | questions |',
    '|---|---|---|',
    ...Object.entries(CRITERION_RULES).map(([id, c]) => `| ${id} | ${code(c.kind)} | ${c.questions.map(code).join(', ')} |`),
  ];
  const rank = RANK_RULE.map((key, i) => `${i + 1}. ${key}`);
  return [
    '### Questions and their scope',
    '',
    ...questions,
    '',
    '### Causes and their tiers',
    '',
    ...tiers,
    '',
    '### Measured and declared causes',
    '',
    ...measured,
    '',
    '### Abandonment reasons',
    '',
    ...reasons,
    '',
    '### Criteria of the built-in checklist',
    '',
    ...criteria,
    '',
    '### Rank',
    '',
    ...rank,
  ].join('\n');
}
