// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCheckFacts, type CheckFacts } from '../../../utils/checklist/check-facts';
import { SUGGESTION_RULES, type Criterion, type SuggestionRule } from '../../../utils/checklist/schema';
import { suggest, suggestionsFor, type SuggestionContext } from '../../../utils/checklist/suggestions';
import type { Signal } from '../../../utils/schema/evidence';
import type { Page } from '../../../utils/schema/page';
import type { PageType } from '../../../utils/schema/page-type';
import { startShop, type Shop } from '../../../scripts/automation/shop';
import { NO_CHECKS as NONE } from '../../shared/check-facts';


function page(type: PageType, over: Partial<Page> = {}): Page {
  return {
    id: `p-${type}`,
    visitId: 'v1',
    tabId: 1,
    url: `https://shop.example/${type}`,
    title: type,
    startedAt: 10_000,
    navType: 'navigate',
    vitals: {},
    autoType: type,
    autoTypeReasons: [],
    ...over,
  };
}

function signal(type: Signal['type'], pageId: string, facts: Signal['facts']): Signal {
  return { id: `s-${Math.random()}`, visitId: 'v1', pageId, type, at: 1, offset: 0, facts };
}

const overlay = (coverage: number, dismissedAt?: number): Page['landing'] => ({
  cls: 0,
  shifts: 0,
  observedFor: 10_000,
  overlay: { kind: 'cookie-banner', selector: '#cb', coverage, shownAt: 300, coveredFor: 4200, ...(dismissedAt === undefined ? {} : { dismissedAt }) },
});

interface Case {
  rule: SuggestionRule;
  name: string;
  type: PageType;
  /** Facts for the page; null = none recorded. */
  facts: Partial<CheckFacts> | null;
  page?: Partial<Page>;
  extra?: Partial<SuggestionContext>;
  answer: 'yes' | 'no' | undefined;
  /** Words the French and English reasons must contain. */
  fr?: string;
  en?: string;
}

function run(c: Case) {
  const p = page(c.type, c.page);
  return suggest(c.rule, {
    page: p,
    ...(c.facts ? { facts: { ...NONE, ...c.facts } } : {}),
    pages: [p],
    factsByPage: new Map(),
    signals: [],
    ...c.extra,
  });
}

const cart = page('cart', { id: 'p-cart-before', startedAt: 5_000 });
const product = page('product', { id: 'p-product-before', startedAt: 2_000 });

const CASES: Case[] = [
  // https
  { rule: 'https', name: 'payment over https', type: 'payment', facts: null, answer: 'yes', fr: 'HTTPS' },
  {
    rule: 'https',
    name: 'payment over http',
    type: 'payment',
    facts: null,
    page: { url: 'http://127.0.0.1:8080/paiement' },
    answer: 'no',
    fr: 'La page de paiement est servie en HTTP, sans chiffrement.',
    en: 'The payment page is served over HTTP, without encryption.',
  },
  { rule: 'https', name: 'a password asked over http', type: 'account', facts: { passwordFields: 1 }, page: { url: 'http://s.example/login' }, answer: 'no', fr: 'mot de passe' },
  { rule: 'https', name: 'a product page over http', type: 'product', facts: {}, page: { url: 'http://s.example/p' }, answer: undefined },
  // search-field
  { rule: 'search-field', name: 'visible field', type: 'home', facts: { searchField: true }, answer: 'yes' },
  { rule: 'search-field', name: 'none on the home page', type: 'home', facts: {}, answer: 'no' },
  { rule: 'search-field', name: 'none in a checkout', type: 'checkout', facts: {}, answer: undefined },
  { rule: 'search-field', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // price-with-currency
  { rule: 'price-with-currency', name: 'prices with €', type: 'listing', facts: { pricesWithCurrency: 6 }, answer: 'yes', fr: '6 prix affichés', en: '6 prices' },
  { rule: 'price-with-currency', name: 'bare prices', type: 'product', facts: { pricesWithoutCurrency: 2, ldCurrency: 'EUR' }, answer: 'no', en: 'without a currency' },
  { rule: 'price-with-currency', name: 'structured data only', type: 'product', facts: { ldCurrency: 'EUR' }, answer: 'yes', en: 'EUR' },
  { rule: 'price-with-currency', name: 'a cart page', type: 'cart', facts: { pricesWithCurrency: 3 }, answer: undefined },
  // product-availability-data
  { rule: 'product-availability-data', name: 'InStock', type: 'product', facts: { ldProduct: true, ldAvailability: 'InStock' }, answer: 'yes', fr: 'InStock' },
  { rule: 'product-availability-data', name: 'Product without availability', type: 'product', facts: { ldProduct: true }, answer: 'no', en: 'do not give' },
  { rule: 'product-availability-data', name: 'no Product at all', type: 'product', facts: {}, answer: 'no', en: 'No Product structured data' },
  { rule: 'product-availability-data', name: 'a listing', type: 'listing', facts: { ldProduct: true, ldAvailability: 'InStock' }, answer: undefined },
  // product-shipping-data
  { rule: 'product-shipping-data', name: 'shippingRate', type: 'product', facts: { ldShippingRate: true, ldShippingDetails: true }, answer: 'yes', en: 'shippingRate' },
  { rule: 'product-shipping-data', name: 'visible amount', type: 'product', facts: { deliveryCost: 'amount', deliveryAmount: '4,90 €' }, answer: 'yes', fr: '4,90 €' },
  { rule: 'product-shipping-data', name: 'free delivery', type: 'product', facts: { deliveryCost: 'free' }, answer: 'yes', en: 'free delivery' },
  { rule: 'product-shipping-data', name: 'shippingDetails without rate', type: 'product', facts: { ldShippingDetails: true, deliveryCost: 'later' }, answer: 'no', en: 'no shippingRate' },
  { rule: 'product-shipping-data', name: 'nothing', type: 'product', facts: {}, answer: 'no', en: 'No delivery cost' },
  { rule: 'product-shipping-data', name: 'no facts', type: 'product', facts: null, answer: undefined },
  // images-have-alt
  {
    rule: 'images-have-alt',
    name: 'two missing',
    type: 'home',
    facts: { imageCount: 6, imagesWithoutAlt: 2 },
    answer: 'no',
    fr: '2 images sans texte alternatif sur cette page',
    en: '2 images without alt text on this page',
  },
  { rule: 'images-have-alt', name: 'one missing', type: 'home', facts: { imageCount: 6, imagesWithoutAlt: 1 }, answer: 'no', fr: '1 image sans texte', en: '1 image without' },
  { rule: 'images-have-alt', name: 'all have alt', type: 'product', facts: { imageCount: 3 }, answer: 'yes', fr: 'Les 3 images' },
  { rule: 'images-have-alt', name: 'no images', type: 'product', facts: {}, answer: undefined },
  // page-language
  { rule: 'page-language', name: 'fr', type: 'home', facts: { lang: 'fr' }, answer: 'yes', fr: 'fr' },
  { rule: 'page-language', name: 'missing', type: 'home', facts: {}, answer: 'no', en: 'no lang attribute' },
  { rule: 'page-language', name: 'invalid', type: 'home', facts: { lang: 'français' }, answer: 'no', en: 'Invalid' },
  { rule: 'page-language', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // zoom-allowed
  { rule: 'zoom-allowed', name: 'not blocked', type: 'home', facts: {}, answer: 'yes' },
  { rule: 'zoom-allowed', name: 'blocked', type: 'home', facts: { zoomBlock: 'user-scalable=no' }, answer: 'no', fr: 'user-scalable=no' },
  { rule: 'zoom-allowed', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // cookie-refuse-choice
  {
    rule: 'cookie-refuse-choice',
    name: 'shown banner with refuse',
    type: 'home',
    facts: { cookieBanner: 'shown', cookieRefuseLabel: 'Tout refuser' },
    answer: 'yes',
    fr: '« Tout refuser »',
    en: '“Tout refuser”',
  },
  {
    rule: 'cookie-refuse-choice',
    name: 'banner dismissed before the facts were read, seen by the landing',
    type: 'home',
    facts: { cookieBanner: 'hidden', cookieRefuseLabel: 'Continuer sans accepter' },
    page: { landing: overlay(0.9, 5000) },
    answer: 'yes',
  },
  { rule: 'cookie-refuse-choice', name: 'shown without refuse', type: 'home', facts: { cookieBanner: 'shown' }, answer: 'no', en: 'no refuse button' },
  { rule: 'cookie-refuse-choice', name: 'hidden banner, no overlay seen', type: 'listing', facts: { cookieBanner: 'hidden', cookieRefuseLabel: 'Refuser' }, answer: undefined },
  { rule: 'cookie-refuse-choice', name: 'overlay seen but banner gone from the DOM', type: 'home', facts: {}, page: { landing: overlay(0.9) }, answer: undefined },
  // guest-checkout
  { rule: 'guest-checkout', name: 'guest option', type: 'checkout', facts: { guestOption: true, passwordFields: 1, passwordRequired: true }, answer: 'yes' },
  { rule: 'guest-checkout', name: 'forced account', type: 'checkout', facts: { passwordFields: 1, passwordRequired: true }, answer: 'no', en: 'no guest option' },
  {
    rule: 'guest-checkout',
    name: 'a login page reached from the cart',
    type: 'account',
    facts: { passwordFields: 1, passwordRequired: true },
    extra: { pages: [cart] },
    answer: 'no',
  },
  { rule: 'guest-checkout', name: 'a login page outside a checkout', type: 'account', facts: { passwordFields: 1, passwordRequired: true }, answer: undefined },
  { rule: 'guest-checkout', name: 'checkout without password', type: 'checkout', facts: {}, answer: undefined },
  // no-blocking-overlay
  {
    rule: 'no-blocking-overlay',
    name: 'cookie banner over 70 %',
    type: 'home',
    facts: null,
    page: { landing: overlay(0.7, 4500) },
    answer: 'no',
    fr: 'Un bandeau cookies a couvert 70 % de l’écran pendant 4,2 s.',
    en: 'A cookie banner covered 70% of the screen for 4.2 s.',
  },
  { rule: 'no-blocking-overlay', name: 'never closed', type: 'home', facts: null, page: { landing: overlay(1) }, answer: 'no', en: 'never closed' },
  { rule: 'no-blocking-overlay', name: 'a small overlay', type: 'home', facts: null, page: { landing: overlay(0.2, 500) }, answer: 'yes' },
  { rule: 'no-blocking-overlay', name: 'no overlay', type: 'home', facts: null, page: { landing: { cls: 0, shifts: 0, observedFor: 10_000 } }, answer: 'yes' },
  { rule: 'no-blocking-overlay', name: 'no landing (route change)', type: 'home', facts: null, answer: undefined },
  // breadcrumb
  { rule: 'breadcrumb', name: 'present', type: 'product', facts: { breadcrumb: true }, answer: 'yes' },
  { rule: 'breadcrumb', name: 'absent', type: 'listing', facts: {}, answer: 'no' },
  { rule: 'breadcrumb', name: 'on the home page', type: 'home', facts: {}, answer: undefined },
  // home-link
  { rule: 'home-link', name: 'present', type: 'cart', facts: { homeLink: true }, answer: 'yes' },
  { rule: 'home-link', name: 'absent', type: 'cart', facts: {}, answer: 'no' },
  { rule: 'home-link', name: 'no facts', type: 'cart', facts: null, answer: undefined },
  // page-title
  { rule: 'page-title', name: 'present', type: 'home', facts: { hasTitle: true }, answer: 'yes' },
  { rule: 'page-title', name: 'empty', type: 'home', facts: {}, answer: 'no' },
  { rule: 'page-title', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // single-h1
  { rule: 'single-h1', name: 'one', type: 'home', facts: { h1Count: 1 }, answer: 'yes' },
  { rule: 'single-h1', name: 'none', type: 'home', facts: {}, answer: 'no', en: 'No h1' },
  { rule: 'single-h1', name: 'three', type: 'home', facts: { h1Count: 3 }, answer: 'no', fr: '3 titres h1' },
  { rule: 'single-h1', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // form-labels
  { rule: 'form-labels', name: 'all labelled', type: 'checkout', facts: { fieldCount: 5 }, answer: 'yes', fr: 'Les 5 champs' },
  { rule: 'form-labels', name: 'two unlabelled', type: 'checkout', facts: { fieldCount: 5, unlabelledFields: 2 }, answer: 'no', fr: '2 champs sur 5', en: '2 of 5 fields' },
  { rule: 'form-labels', name: 'no fields', type: 'home', facts: {}, answer: undefined },
  // checkout-steps
  { rule: 'checkout-steps', name: 'step 2 of 4', type: 'checkout', facts: { checkoutSteps: true, currentStep: 2, stepCount: 4 }, answer: 'yes', fr: 'étape 2 sur 4', en: 'step 2 of 4' },
  { rule: 'checkout-steps', name: 'none', type: 'payment', facts: {}, answer: 'no' },
  { rule: 'checkout-steps', name: 'on a product page', type: 'product', facts: { checkoutSteps: true }, answer: undefined },
  // delivery-cost-before-cart
  { rule: 'delivery-cost-before-cart', name: 'amount in the cart', type: 'cart', facts: { deliveryCost: 'amount', deliveryAmount: '4,90 €' }, answer: 'yes', fr: '4,90 €' },
  { rule: 'delivery-cost-before-cart', name: 'free in the cart', type: 'cart', facts: { deliveryCost: 'free' }, answer: 'yes' },
  { rule: 'delivery-cost-before-cart', name: 'calculated later', type: 'cart', facts: { deliveryCost: 'later' }, answer: 'no', en: 'later step' },
  {
    rule: 'delivery-cost-before-cart',
    name: 'silent cart, amount seen on an earlier product page',
    type: 'cart',
    facts: {},
    extra: { pages: [product], factsByPage: new Map([[product.id, { ...NONE, deliveryCost: 'amount', deliveryAmount: '5 €' }]]) },
    answer: 'yes',
    en: '5 €',
  },
  { rule: 'delivery-cost-before-cart', name: 'silent cart, nothing before', type: 'cart', facts: {}, answer: undefined },
  { rule: 'delivery-cost-before-cart', name: 'on the payment page', type: 'payment', facts: { deliveryCost: 'amount', deliveryAmount: '12,90 €' }, answer: undefined },
  // return-policy-link, terms-link, legal-notice-link
  { rule: 'return-policy-link', name: 'present', type: 'home', facts: { returnPolicyLink: true }, answer: 'yes' },
  { rule: 'return-policy-link', name: 'absent', type: 'home', facts: {}, answer: 'no' },
  { rule: 'return-policy-link', name: 'no facts', type: 'home', facts: null, answer: undefined },
  { rule: 'terms-link', name: 'present', type: 'payment', facts: { termsLink: true }, answer: 'yes' },
  { rule: 'terms-link', name: 'absent', type: 'payment', facts: {}, answer: 'no', fr: 'conditions générales' },
  { rule: 'terms-link', name: 'no facts', type: 'payment', facts: null, answer: undefined },
  { rule: 'legal-notice-link', name: 'present', type: 'home', facts: { legalNoticeLink: true }, answer: 'yes' },
  { rule: 'legal-notice-link', name: 'absent', type: 'home', facts: {}, answer: 'no', fr: 'mentions légales' },
  { rule: 'legal-notice-link', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // contact-means
  { rule: 'contact-means', name: 'form and page', type: 'contact', facts: { contactMeans: ['form', 'page'] }, answer: 'yes', fr: 'formulaire de contact, lien vers la page contact' },
  { rule: 'contact-means', name: 'none', type: 'home', facts: {}, answer: 'no' },
  { rule: 'contact-means', name: 'no facts', type: 'home', facts: null, answer: undefined },
  // order-number
  { rule: 'order-number', name: 'shown', type: 'confirmation', facts: { orderNumber: true }, answer: 'yes' },
  { rule: 'order-number', name: 'missing', type: 'confirmation', facts: {}, answer: 'no' },
  { rule: 'order-number', name: 'not a confirmation', type: 'payment', facts: { orderNumber: true }, answer: undefined },
  // payment-methods
  { rule: 'payment-methods', name: 'three', type: 'payment', facts: { paymentMethods: ['cb', 'visa', 'paypal'] }, answer: 'yes', fr: '3 moyens de paiement affichés : CB, Visa, PayPal.' },
  { rule: 'payment-methods', name: 'only one', type: 'payment', facts: { paymentMethods: ['cb'] }, answer: 'no', en: 'Only one payment method found: CB.' },
  { rule: 'payment-methods', name: 'none', type: 'payment', facts: {}, answer: 'no', en: 'No payment method' },
  { rule: 'payment-methods', name: 'on the cart', type: 'cart', facts: { paymentMethods: ['cb', 'visa'] }, answer: undefined },
  // pay-button-wording
  { rule: 'pay-button-wording', name: 'explicit', type: 'payment', facts: { payButtonLabel: 'Payer la commande', payButtonExplicit: true }, answer: 'yes', fr: '« Payer la commande »' },
  { rule: 'pay-button-wording', name: 'vague', type: 'payment', facts: { payButtonLabel: 'Valider' }, answer: 'no', en: '“Valider” does not say' },
  { rule: 'pay-button-wording', name: 'no button found', type: 'payment', facts: {}, answer: undefined },
  // lcp-good, cls-good
  { rule: 'lcp-good', name: 'good', type: 'home', facts: null, page: { vitals: { LCP: { value: 1200, rating: 'good' } } }, answer: 'yes', fr: 'LCP de 1,2 s', en: 'LCP of 1.2 s' },
  { rule: 'lcp-good', name: 'poor', type: 'home', facts: null, page: { vitals: { LCP: { value: 4800, rating: 'poor' } } }, answer: 'no', fr: '4,8 s' },
  { rule: 'lcp-good', name: 'needs improvement', type: 'home', facts: null, page: { vitals: { LCP: { value: 3000, rating: 'needs-improvement' } } }, answer: undefined },
  { rule: 'lcp-good', name: 'not measured', type: 'home', facts: null, answer: undefined },
  { rule: 'cls-good', name: 'good', type: 'listing', facts: null, page: { vitals: { CLS: { value: 0.02, rating: 'good' } } }, answer: 'yes', fr: '0,02' },
  { rule: 'cls-good', name: 'poor', type: 'listing', facts: null, page: { vitals: { CLS: { value: 0.31, rating: 'poor' } } }, answer: 'no', en: '0.31' },
  { rule: 'cls-good', name: 'needs improvement', type: 'listing', facts: null, page: { vitals: { CLS: { value: 0.16, rating: 'needs-improvement' } } }, answer: undefined },
  // no-js-errors, no-failed-requests: always something to say (see below)
  {
    rule: 'no-js-errors',
    name: 'two errors',
    type: 'listing',
    facts: null,
    extra: {
      signals: [
        signal('js-error', 'p-listing', { error: 'TypeError', message: "Cannot read properties of null (reading 'dataset')" }),
        signal('js-error', 'p-listing', { error: 'Error', message: 'Historique indisponible' }),
        signal('js-error', 'p-other', { error: 'Error', message: 'elsewhere' }),
      ],
    },
    answer: 'no',
    fr: '2 erreurs JavaScript sur cette page, dont « Cannot read properties',
  },
  { rule: 'no-js-errors', name: 'errors on another page only', type: 'listing', facts: null, extra: { signals: [signal('js-error', 'p-other', { message: 'x' })] }, answer: 'yes' },
  {
    rule: 'no-failed-requests',
    name: 'a 500',
    type: 'product',
    facts: null,
    extra: { signals: [signal('failed-request', 'p-product', { url: 'http://127.0.0.1:1/api/recommendations?sku=ML-DER-001', method: 'GET', status: 500 })] },
    answer: 'no',
    fr: '1 requête en échec sur cette page : 500 /api/recommendations.',
    en: '1 failed request on this page: 500 /api/recommendations.',
  },
  {
    rule: 'no-failed-requests',
    name: 'no answer at all',
    type: 'product',
    facts: null,
    extra: { signals: [signal('failed-request', 'p-product', { url: 'https://s.example/a', method: 'GET', status: 0 })] },
    answer: 'no',
    en: 'no response /a',
  },
  { rule: 'no-failed-requests', name: 'none', type: 'product', facts: null, answer: 'yes' },
];

describe('suggest, rule by rule', () => {
  it.each(CASES.map((c) => [c.rule, c.name, c] as const))('%s: %s', (_rule, _name, c) => {
    const s = run(c);
    expect(s?.answer).toBe(c.answer);
    if (c.fr) expect(s?.reason.fr).toContain(c.fr);
    if (c.en) expect(s?.reason.en).toContain(c.en);
    if (s) {
      expect(s.reason.fr.trim()).not.toBe('');
      expect(s.reason.en.trim()).not.toBe('');
    }
  });

  it('covers yes, no and "nothing to say" for every rule', () => {
    // Errors and failed requests are facts of every page: there is always a yes or a no.
    const always = new Set<SuggestionRule>(['no-js-errors', 'no-failed-requests']);
    for (const rule of SUGGESTION_RULES) {
      const answers = new Set(CASES.filter((c) => c.rule === rule).map((c) => c.answer ?? 'none'));
      expect([...answers].sort(), rule).toEqual(always.has(rule) ? ['no', 'yes'] : ['no', 'none', 'yes']);
    }
  });
});

describe('suggest: where the facts come from', () => {
  const home = page('home');
  const withChecks = { ...home, checks: { ...NONE, imageCount: 4, imagesWithoutAlt: 1 } };

  it('uses ctx.facts first, then page.checks, then factsByPage', () => {
    const byPage = new Map([[home.id, { ...NONE, imageCount: 2 }]]);
    expect(suggest('images-have-alt', { page: home, facts: { ...NONE, imageCount: 1, imagesWithoutAlt: 1 }, pages: [], factsByPage: byPage, signals: [] })?.reason.en).toBe(
      '1 image without alt text on this page.',
    );
    expect(suggest('images-have-alt', { page: withChecks, pages: [], factsByPage: byPage, signals: [] })?.answer).toBe('no');
    expect(suggest('images-have-alt', { page: home, pages: [], factsByPage: byPage, signals: [] })?.answer).toBe('yes');
  });

  it('the evaluator’s page-type correction decides where a rule applies', () => {
    const corrected = page('other', { typeOverride: 'product' });
    expect(suggest('breadcrumb', { page: corrected, facts: { ...NONE, breadcrumb: true }, pages: [], factsByPage: new Map(), signals: [] })?.answer).toBe('yes');
  });
});

describe('suggestionsFor', () => {
  const criterion = (id: string, pages: Criterion['pages'], suggestion?: SuggestionRule): Criterion => ({
    id,
    question: { fr: id, en: id },
    answer: { kind: 'yes-no' },
    weight: 1,
    knockout: false,
    pages,
    references: [{ kind: 'other', code: id }],
    ...(suggestion ? { suggestion } : {}),
  });

  it('answers the criteria asked on this page that name a rule with something to say', () => {
    const p = page('home');
    const result = suggestionsFor(
      [
        criterion('alt', ['any'], 'images-have-alt'),
        criterion('lang', ['home', 'product'], 'page-language'),
        criterion('crumbs-elsewhere', ['product'], 'breadcrumb'),
        criterion('manual', ['any']),
        criterion('no-images', ['home'], 'form-labels'),
      ],
      { page: p, facts: { ...NONE, imageCount: 2, imagesWithoutAlt: 2, lang: 'fr', breadcrumb: true }, pages: [p], factsByPage: new Map(), signals: [] },
    );
    expect([...result.keys()]).toEqual(['alt', 'lang']);
    expect(result.get('alt')).toEqual({
      answer: 'no',
      reason: { fr: '2 images sans texte alternatif sur cette page.', en: '2 images without alt text on this page.' },
    });
    expect(result.get('lang')?.answer).toBe('yes');
  });
});

describe('suggestions on the fixture shop, page by page (facts from its real HTML)', () => {
  // Scripts do not run here: the cookie banner stays hidden, so the home page gets its landing
  // overlay as the recorder would have seen it. Vitals, landing and signals are runtime facts and
  // are left to the end-to-end test.
  const PAGES: [string, PageType][] = [
    ['/', 'home'],
    ['/category/chaussures', 'listing'],
    ['/search?q=derby', 'search'],
    ['/produit/derby-cuir', 'product'],
    ['/panier', 'cart'],
    ['/commande', 'checkout'],
    ['/paiement', 'payment'],
    ['/confirmation', 'confirmation'],
    ['/contact', 'contact'],
  ];
  const EXPECTED: Partial<Record<SuggestionRule, (string | undefined)[]>> = {
    //                            home   listing search product cart  checkout payment confirm contact
    https: [undefined, undefined, undefined, undefined, undefined, 'no', 'no', undefined, undefined],
    'search-field': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'price-with-currency': [undefined, 'yes', 'yes', 'yes', undefined, undefined, undefined, undefined, undefined],
    'product-availability-data': [undefined, undefined, undefined, 'yes', undefined, undefined, undefined, undefined, undefined],
    'product-shipping-data': [undefined, undefined, undefined, 'no', undefined, undefined, undefined, undefined, undefined],
    'images-have-alt': ['no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'page-language': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'zoom-allowed': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'cookie-refuse-choice': ['yes', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    'guest-checkout': [undefined, undefined, undefined, undefined, undefined, 'no', undefined, undefined, undefined],
    breadcrumb: [undefined, 'yes', undefined, 'yes', undefined, undefined, undefined, undefined, undefined],
    'home-link': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'page-title': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'single-h1': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'form-labels': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'checkout-steps': [undefined, undefined, undefined, undefined, 'yes', 'yes', 'yes', undefined, undefined],
    'delivery-cost-before-cart': [undefined, undefined, undefined, undefined, 'no', undefined, undefined, undefined, undefined],
    'return-policy-link': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'terms-link': ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
    'legal-notice-link': ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
    'contact-means': ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    'order-number': [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'yes', undefined],
    'payment-methods': [undefined, undefined, undefined, undefined, undefined, undefined, 'no', undefined, undefined],
    'pay-button-wording': [undefined, undefined, undefined, undefined, undefined, undefined, 'yes', undefined, undefined],
  };

  let shop: Shop;
  const visit: Page[] = [];
  const factsByPage = new Map<string, CheckFacts>();

  beforeAll(async () => {
    shop = await startShop();
    for (const [i, [path, type]] of PAGES.entries()) {
      const url = shop.origin + path;
      const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
      window.document.write(await (await window.fetch(url)).text());
      const p = page(type, { id: `p${i}`, url, startedAt: 1000 * (i + 1), ...(type === 'home' ? { landing: overlay(0.95, 6000) } : {}) });
      visit.push(p);
      factsByPage.set(p.id, extractCheckFacts(window.document as unknown as Document, url));
    }
  });
  afterAll(() => shop.close());

  it.each(Object.entries(EXPECTED))('%s', (rule, answers) => {
    const got = visit.map((p) => suggest(rule as SuggestionRule, { page: p, pages: visit, factsByPage, signals: [] })?.answer);
    expect(got).toEqual(answers);
  });

  it('says why, with the evidence', () => {
    const at = (path: string) => visit[PAGES.findIndex(([p]) => p === path)] as Page;
    const why = (rule: SuggestionRule, path: string) => suggest(rule, { page: at(path), pages: visit, factsByPage, signals: [] })?.reason;
    expect(why('images-have-alt', '/')?.fr).toBe('2 images sans texte alternatif sur cette page.');
    expect(why('https', '/paiement')?.fr).toBe('La page de paiement est servie en HTTP, sans chiffrement.');
    expect(why('cookie-refuse-choice', '/')?.fr).toBe('Le bandeau cookies propose « Continuer sans accepter » dès son premier écran.');
    expect(why('checkout-steps', '/commande')?.en).toBe('The checkout steps are shown (step 2 of 4).');
    expect(why('payment-methods', '/paiement')?.en).toBe('Only one payment method found: CB.');
    expect(why('pay-button-wording', '/paiement')?.fr).toBe('Le bouton « Payer la commande » dit clairement qu’il engage à payer.');
    expect(why('product-availability-data', '/produit/derby-cuir')?.en).toBe('The product’s structured data give its availability (InStock).');
  });
});
