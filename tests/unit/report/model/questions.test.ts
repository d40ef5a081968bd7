import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../utils/report/build-report';
import type { QuestionAnswer, QuestionId } from '../../../../utils/report/model-types';
import { byCauseRank, type RankedCause } from '../../../../utils/report/question-causes';
import { questionRulesMarkdown, RANK_RULE } from '../../../../utils/report/question-rules';
import type { SpeedAudit } from '../../../../utils/audit/schema';
import type { Page } from '../../../../utils/schema/page';
import { bareVisitData, T0, visitData } from './fixture';
import { contradictions } from './question-checks';

const NOW = T0 + 300_000;
const report = (lang: 'fr' | 'en', data = visitData()) => buildReport(data, { lang, now: NOW });
const questions = (lang: 'fr' | 'en', data = visitData()) => report(lang, data).questions;
const question = (id: QuestionId, lang: 'fr' | 'en' = 'en', data = visitData()) => questions(lang, data).find((q) => q.id === id)!;
const kinds = (q: QuestionAnswer) => q.causes.map((c) => c.kind);

/** A speed audit that says `verdict` with one reason. */
function withSpeed(data: ReturnType<typeof visitData>, pageId: string, verdict: SpeedAudit['verdict'], reason: { fr: string; en: string; code: string }) {
  const audit = data.audits.find((a) => a.pageId === pageId)!;
  audit.speed = { ...audit.speed!, verdict, reasons: [reason] };
}
const UNCOMPRESSED = { code: 'uncompressed', fr: 'Le document de la page (/) est envoyé sans compression (262 ko)', en: 'The page’s document (/) is sent uncompressed (262 kB)' };

describe('the four questions', () => {
  it('come in order, each with a status, an answer, its scope and ranked causes', () => {
    const all = questions('en');
    expect(all.map((q) => q.id)).toEqual(['orders', 'first-seconds', 'product', 'return']);
    for (const q of all) {
      expect(q.answer.trim()).not.toBe('');
      expect(q.coverage.trim()).not.toBe('');
      if (q.lead) expect(q.lead).toEqual(q.causes[0]);
    }
  });

  it('differ between the languages', () => {
    const [fr, en] = [questions('fr'), questions('en')];
    fr.forEach((q, i) => {
      expect(q.answer).not.toBe(en[i]!.answer);
      expect(q.coverage).not.toBe(en[i]!.coverage);
    });
  });

  it('never contradict the report they belong to, in either language', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const data of [visitData(), bareVisitData()]) expect(contradictions(report(lang, data), data)).toEqual([]);
    }
  });
});

describe('the rank: what stops a shopper first', () => {
  const cause = (more: Partial<RankedCause>): RankedCause => ({
    kind: 'criterion', tier: 3, text: '', evidence: [], origin: 'judged', knockout: false, weight: 1, count: 1, seenAt: 0, ...more,
  });

  it('compares tier, origin, knock-out, weight, count, then the order of the visit', () => {
    const ranked = [
      cause({ text: 'late', seenAt: 9 }),
      cause({ text: 'a11y', kind: 'accessibility', tier: 4, origin: 'measured', weight: 3, count: 40 }),
      cause({ text: 'frequent', count: 5 }),
      cause({ text: 'heavy', weight: 3 }),
      cause({ text: 'knockout', knockout: true }),
      cause({ text: 'measured', origin: 'measured' }),
      cause({ text: 'declared', origin: 'declared' }),
      cause({ text: 'stops', tier: 1 }),
    ].sort(byCauseRank);
    expect(ranked.map((c) => c.text)).toEqual(['stops', 'declared', 'measured', 'knockout', 'heavy', 'frequent', 'late', 'a11y']);
    expect(RANK_RULE).toHaveLength(6);
  });

  it('puts a failed request at the cart before missing form labels, however many', () => {
    const data = visitData();
    data.abandonments = [];
    data.visit.outcome = { kind: 'abandoned', stage: 'checkout', declared: false, signalIds: [] };
    data.answers = [];
    const checkout = data.audits.find((a) => a.pageId === 'p5')!;
    checkout.accessibility!.violations = [{ ...checkout.accessibility!.violations[0]!, ruleId: 'label', help: 'Form elements must have labels', impact: 'critical', nodeCount: 12 }];
    const q = question('orders', 'en', data);
    expect(q.lead?.kind).toBe('blocking-error');
    expect(q.lead?.pageType).toBe('cart');
    expect(q.answer).toMatch(/^The visit stopped at checkout, without an order\. Most likely cause: failed request on “Votre panier” \(cart\): POST https:\/\/shop\.example\/api\/shipping: answered 500\./);
    expect(kinds(q).at(-1)).toBe('accessibility');
  });

  it('weighs a failed data request (GET) below a failed action, and a failed picture below both', () => {
    const data = visitData();
    data.abandonments = [];
    data.answers = [];
    data.visit.outcome = { kind: 'abandoned', stage: 'product', declared: false, signalIds: [] };
    const at = data.signals[0]!;
    data.signals = [
      { ...at, id: 'r1', type: 'failed-request', facts: { url: 'https://shop.example/api/recommendations', method: 'GET', status: 500, resource: 'fetch' } },
      { ...at, id: 'r2', type: 'failed-request', facts: { url: 'https://shop.example/img/p.jpg', method: 'GET', status: 404, resource: 'other' } },
    ];
    const tiers = question('product', 'en', data).causes.filter((c) => c.kind === 'blocking-error').map((c) => c.tier);
    expect(tiers).toEqual([2, 3]);
    data.signals.push({ ...at, id: 'r3', type: 'failed-request', facts: { url: 'https://shop.example/cart/add', method: 'POST', status: 500, resource: 'fetch' } });
    const q = question('product', 'en', data);
    expect([q.lead?.kind, q.lead?.tier]).toEqual(['blocking-error', 1]);
    // A failed add to cart on the product page stops the order too.
    expect(question('orders', 'en', data).causes.some((c) => c.pageType === 'product' && c.tier === 1)).toBe(true);
  });

  it('keeps a criterion’s code as it is when the answer quotes it after a colon', () => {
    const data = bareVisitData();
    data.checklist = visitData().checklist;
    data.answers = [{ ...visitData().answers[0]!, criterionId: 'A04', state: 'no', comment: '' }];
    expect(question('first-seconds', 'en', data).answer).toMatch(/^Most likely cause: A04 “/);
  });

  it('never leads with an accessibility problem: the answer says nothing stops a shopper, then names the barrier', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 5);
    data.audits = visitData().audits.filter((a) => a.pageId === 'p5');
    for (const a of data.audits) a.speed = undefined;
    const q = question('orders', 'en', data);
    expect(q.status).toBe('clear');
    expect(q.lead).toBeUndefined();
    expect(kinds(q)).toEqual(['accessibility']);
    expect(q.answer).toContain('Nothing seen from the cart to the payment stops a shopper.');
    expect(q.answer).toContain('1 accessibility problem can stop shoppers who use a keyboard or a screen reader');
  });
});

describe('orders', () => {
  it('lead with the declared abandonment, then what was measured, then what was judged', () => {
    const q = question('orders');
    expect(q.status).toBe('answered');
    expect(q.lead?.kind).toBe('surprise-cost');
    expect(q.answer).toMatch(/^The shopper would have left at the cart: extra costs \(“Les frais de port n’apparaissent qu’à la commande”\)\./);
    expect(q.lead?.evidence).toEqual(expect.arrayContaining([{ kind: 'screenshot', screenshotId: 's2' }]));
    // Tier 1: declared, then the failed request and the forced account (measured), then the knock-out and E03 (judged).
    expect(kinds(q).slice(0, 5)).toEqual(['surprise-cost', 'blocking-error', 'forced-account', 'knockout', 'surprise-cost']);
    expect(q.causes.find((c) => c.kind === 'knockout')?.criterionId).toBe('E04');
    expect(q.causes.map((c) => c.criterionId)).not.toContain('D02');
  });

  it('say the order went through, and what could still stop other shoppers', () => {
    const data = visitData();
    data.visit.outcome = { kind: 'converted', stage: 'confirmation', signalIds: [] };
    data.abandonments = [];
    expect(question('orders', 'en', data).answer).toMatch(/^The order went through\. What could stop other shoppers: failed request on/);
    expect(question('orders', 'fr', data).answer).toMatch(/^La commande a abouti\. Ce qui pourrait arrêter d’autres clients\u00a0: /);
  });

  it('say honestly, in both languages, that the visit never reached the cart', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 3);
    data.visit.outcome = { kind: 'abandoned', stage: 'product', declared: false, signalIds: [] };
    const [en, fr] = [question('orders', 'en', data), question('orders', 'fr', data)];
    expect(en.status).toBe('not-reached');
    expect(en.answer).toBe('The visit stopped on the product page, before the cart: it cannot tell why an order would not be completed.');
    expect(en.coverage).toBe('No cart, checkout or payment page was viewed in this visit.');
    expect(fr.answer).toBe('La visite s’est arrêtée sur la fiche produit, avant le panier\u00a0: elle ne dit pas pourquoi une commande n’aboutirait pas.');
    expect(fr.coverage).toBe('Aucune page de panier, de commande ou de paiement n’a été vue dans cette visite.');
  });
});

describe('a declared abandonment', () => {
  it('answers orders wherever it was declared, another question only on one of its pages', () => {
    const data = visitData();
    // Declared while reading the account page (the "cart" stage, as the funnel goes): orders only.
    data.abandonments = [{ ...data.abandonments[0]!, pageId: 'p6', stage: 'cart', reason: 'other' }];
    const on = (id: QuestionId) => question(id, 'en', data).causes.some((c) => c.findingId === 'abandonment:ab1');
    expect([on('orders'), on('first-seconds'), on('product'), on('return')]).toEqual([true, false, false, false]);
    // On the product page: orders and product.
    data.abandonments = [{ ...data.abandonments[0]!, pageId: 'p3', stage: 'product', reason: 'missing-information' }];
    expect([on('orders'), on('first-seconds'), on('product'), on('return')]).toEqual([true, false, true, false]);
    // A returns policy that puts the shopper off answers the return question too.
    data.abandonments = [{ ...data.abandonments[0]!, reason: 'return-policy' }];
    data.visit.outcome = { kind: 'abandoned', stage: 'product', declared: true, reason: 'return-policy', abandonmentId: 'ab1', pageId: 'p3', signalIds: [] };
    expect(on('return')).toBe(true);
    expect(contradictions(report('en', data), data)).toEqual([]);
  });
});

describe('first seconds', () => {
  it('lead with what covered the first page, with its replay moment', () => {
    const q = question('first-seconds');
    expect(q.lead?.kind).toBe('overlay');
    expect(q.answer).toMatch(/^Most likely cause: on arrival, a window \(cookie banner\) covered 45% of the screen for 6\.2 s\./);
    expect(q.lead?.evidence[0]?.kind).toBe('replay');
    expect(question('first-seconds', 'fr').answer).toContain('bandeau cookies');
  });

  it('read the speed block’s own verdict: “needs improvement” is never “nothing explains it”', () => {
    const data = visitData();
    data.pages[0]!.landing = { cls: 0, shifts: 0, observedFor: 10_000, fcp: 900, lcp: 1500 };
    for (const p of data.pages) withSpeed(data, p.id, 'needs-improvement', UNCOMPRESSED);
    const q = question('first-seconds', 'en', data);
    expect(q.status).toBe('answered');
    expect(q.lead?.kind).toBe('slow-landing');
    expect(q.answer).toContain('Most likely cause: speed of “Maison Lumière — Luminaires” (home): “Speed needs improvement”; the page’s document (/) is sent uncompressed (262 kB).');
    expect(contradictions(report('en', data), data)).toEqual([]);
    expect(contradictions(report('fr', data), data)).toEqual([]);
  });

  it('say, in both languages, that unmeasured first seconds tell nothing, rather than “nothing found”', () => {
    const [en, fr] = [question('first-seconds', 'en', bareVisitData()), question('first-seconds', 'fr', bareVisitData())];
    expect(en.status).toBe('not-reached');
    expect(en.answer).toBe('The first seconds of the first pages were not measured: the visit cannot tell why visitors would leave at once.');
    expect(en.coverage).toBe('First pages: home. Their first seconds were not measured.');
    expect(fr.answer).toBe('Les premières secondes des premières pages n’ont pas été mesurées\u00a0: la visite ne dit pas pourquoi des visiteurs partiraient aussitôt.');
  });

  it('read a script error on the home page, not one at checkout', () => {
    const data = visitData();
    data.signals.push({ ...data.signals[3]!, id: 'g9', pageId: 'p1' });
    const q = question('first-seconds', 'en', data);
    expect(q.causes.filter((c) => c.kind === 'blocking-error').map((c) => c.pageId)).toEqual(['p1']);
  });
});

describe('product', () => {
  it('read the product page’s criteria, signals and speed, and nothing from the cart', () => {
    const q = question('product');
    // The poor speed verdict (tier 2) before D02 (weight 2, tier 2, judged) and the rage clicks (tier 3).
    expect(kinds(q).slice(0, 3)).toEqual(['slow-page', 'product-info', 'unresponsive']);
    expect(q.causes.map((c) => c.criterionId)).not.toContain('E04');
    expect(q.answer).toContain('Most likely cause: speed of “Suspension Opaline” (product page): “Slow page”; the page’s largest element appeared after 5.2 s (LCP).');
  });

  it('say, in both languages, when no product page was opened', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 2);
    const [en, fr] = [question('product', 'en', data), question('product', 'fr', data)];
    expect(en.status).toBe('not-reached');
    expect(en.answer).toBe('The visit opened no product page: it cannot tell why a product would not sell.');
    expect(en.coverage).toBe('Seen in this visit: product listing. No product page was viewed in this visit.');
    expect(fr.answer).toBe('La visite n’a ouvert aucune fiche produit\u00a0: elle ne dit pas pourquoi un produit ne se vendrait pas.');
  });
});

describe('return', () => {
  it('never cites the checkout for a new customer’s return, and says which pages were not seen', () => {
    // The Next.js visit: home → store → product → cart → checkout → confirmation, contrast at checkout.
    const data = bareVisitData();
    const confirmation: Page = { ...data.pages[4]!, id: 'p7', url: 'https://shop.example/checkout/success', title: 'Merci', autoType: 'confirmation', startedAt: T0 + 190_000 };
    data.pages = [...data.pages.slice(0, 5), confirmation];
    data.audits = visitData().audits.filter((a) => a.pageId === 'p5');
    const [en, fr] = [question('return', 'en', data), question('return', 'fr', data)];
    expect(en.causes).toEqual([]);
    expect(en.status).toBe('clear');
    expect(en.coverage).toBe('Seen in this visit: confirmation. No contact, delivery and returns or account page was viewed in this visit.');
    expect(fr.coverage).toBe('Vu dans cette visite\u00a0: confirmation. Aucune page contact, livraison et retours ni compte n’a été vue dans cette visite.');
  });

  it('read after-sales criteria asked on any page, the account page’s signals and a returns page', () => {
    const data = visitData();
    data.answers.push({ ...data.answers[0]!, id: 'v1/I03', criterionId: 'I03', state: 'no', comment: 'Aucune étiquette.' });
    data.signals.push({ ...data.signals[0]!, id: 'g8', pageId: 'p6', type: 'dead-click', facts: { label: 'Mot de passe oublié' } });
    const returns: Page = { ...data.pages[1]!, id: 'p8', url: 'https://shop.example/pages/livraison-et-retours', title: 'Livraison et retours', autoType: 'other', startedAt: T0 + 170_000 };
    data.pages.push(returns);
    const q = question('return', 'en', data);
    expect(q.lead?.kind).toBe('returns-info');
    expect(q.lead?.criterionId).toBe('I03');
    expect(kinds(q)).toContain('unresponsive');
    expect(q.coverage).toBe('Seen in this visit: account, delivery and returns. No contact page was viewed in this visit.');
    expect(q.causes.map((c) => c.findingId)).not.toContain('abandonment:ab1');
  });

  it('say, in both languages, when the visit saw nothing of what comes after the purchase', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 4);
    const [en, fr] = [question('return', 'en', data), question('return', 'fr', data)];
    expect(en.status).toBe('not-reached');
    expect(en.answer).toBe('The visit saw no confirmation, contact, returns or account page: it cannot tell why a customer would not come back.');
    expect(fr.answer).toBe('La visite n’a vu ni confirmation, ni contact, ni retours, ni compte\u00a0: elle ne dit pas pourquoi un client ne reviendrait pas.');
  });
});

describe('docs/questions.md', () => {
  it('holds the rule table the code reads, as the code writes it', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../../docs/questions.md'), 'utf8');
    const between = doc.split('<!-- rules:start -->')[1]?.split('<!-- rules:end -->')[0]?.trim();
    expect(between).toBe(questionRulesMarkdown().trim());
  });
});
