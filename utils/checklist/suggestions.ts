import type { Signal } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import type { PageType } from '../schema/page-type';
import type { CheckFacts, ContactMean, PaymentMethod } from './check-facts';
import type { Criterion, SuggestionRule } from './schema';

/**
 * Automatic suggestions: from what the recorder saw on a page (check facts, vitals, landing,
 * signals), a proposed yes or no for a criterion that names a rule, with a short bilingual reason
 * that cites the evidence. The evaluator decides; a suggestion is only a hint.
 */

export interface Suggestion {
  answer: 'yes' | 'no';
  reason: { fr: string; en: string };
}

export interface SuggestionContext {
  page: Page;
  /** The page's check facts; defaults to `page.checks`, then to `factsByPage`. */
  facts?: CheckFacts;
  /** The visit's pages so far. */
  pages: Page[];
  /** Check facts by page id, for pages that do not carry them. */
  factsByPage: Map<string, CheckFacts>;
  signals: Signal[];
}

interface Ctx {
  page: Page;
  type: PageType;
  facts: CheckFacts | undefined;
  /** Pages of the visit seen before this one, with their facts. */
  earlier: { page: Page; facts: CheckFacts | undefined }[];
  signals: Signal[];
}

type Rule = (c: Ctx) => Suggestion | undefined;

const yes = (fr: string, en: string): Suggestion => ({ answer: 'yes', reason: { fr, en } });
const no = (fr: string, en: string): Suggestion => ({ answer: 'no', reason: { fr, en } });

/** A number with a comma in French, a dot in English, trailing zeros dropped. */
function num(n: number, lang: 'fr' | 'en', digits = 1): string {
  const text = String(Number(n.toFixed(digits)));
  return lang === 'fr' ? text.replace('.', ',') : text;
}
const secs = (ms: number, lang: 'fr' | 'en') => `${num(ms / 1000, lang)} s`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const quote = (text: string) => ({ fr: `« ${text} »`, en: `“${text}”` });

const is = (c: Ctx, ...types: PageType[]) => types.includes(c.type);
const CART_ON = ['cart', 'checkout', 'payment'] as const;

/** A rule that needs the page's facts and applies on some page types (all when none are given). */
function withFacts(rule: (f: CheckFacts, c: Ctx) => Suggestion | undefined, types?: readonly PageType[]): Rule {
  return (c) => (c.facts && (!types || types.includes(c.type)) ? rule(c.facts, c) : undefined);
}

/** A rule that says yes when a fact holds, no otherwise. */
function present(test: (f: CheckFacts) => boolean, ok: [string, string], missing: [string, string], types?: readonly PageType[]): Rule {
  return withFacts((f) => (test(f) ? yes(...ok) : no(...missing)), types);
}

const OVERLAY_NAMES = {
  'cookie-banner': ['Un bandeau cookies', 'A cookie banner'],
  newsletter: ['Une fenêtre d’inscription à la newsletter', 'A newsletter pop-up'],
  'app-prompt': ['Une invitation à installer l’application', 'An app install prompt'],
  dialog: ['Une fenêtre modale', 'A dialog'],
} as const;

const PAYMENT_NAMES: Record<PaymentMethod, string> = {
  cb: 'CB',
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  paypal: 'PayPal',
  'apple-pay': 'Apple Pay',
  'google-pay': 'Google Pay',
  klarna: 'Klarna',
  alma: 'Alma',
};

const CONTACT_NAMES: Record<ContactMean, [string, string]> = {
  phone: ['téléphone', 'phone'],
  email: ['e-mail', 'e-mail'],
  form: ['formulaire de contact', 'contact form'],
  page: ['lien vers la page contact', 'link to the contact page'],
};

function protocolOf(c: Ctx): string {
  try {
    return new URL(c.page.url).protocol.replace(/:$/, '');
  } catch {
    return c.facts?.protocol ?? '';
  }
}

function https(c: Ctx): Suggestion | undefined {
  const password = (c.facts?.passwordFields ?? 0) > 0;
  if (!is(c, 'checkout', 'payment') && !password) return undefined;
  const [fr, en] =
    c.type === 'payment'
      ? ['La page de paiement', 'The payment page']
      : c.type === 'checkout'
        ? ['La page de commande', 'The checkout page']
        : ['Cette page, qui demande un mot de passe,', 'This page, which asks for a password,'];
  const protocol = protocolOf(c);
  if (protocol === 'https') return yes(`${fr} est servie en HTTPS.`, `${en} is served over HTTPS.`);
  if (protocol === 'http') return no(`${fr} est servie en HTTP, sans chiffrement.`, `${en} is served over HTTP, without encryption.`);
  return undefined;
}

function priceWithCurrency(f: CheckFacts): Suggestion | undefined {
  if (f.pricesWithCurrency > 0) {
    return yes(`${plural(f.pricesWithCurrency, 'prix affiché', 'prix affichés')} avec leur devise.`, `${plural(f.pricesWithCurrency, 'price', 'prices')} shown with a currency.`);
  }
  if (f.pricesWithoutCurrency > 0) {
    const n = f.pricesWithoutCurrency;
    return no(`${plural(n, 'prix affiché', 'prix affichés')} sans devise.`, `${plural(n, 'price', 'prices')} shown without a currency.`);
  }
  if (f.ldCurrency) return yes(`Les données structurées donnent la devise (${f.ldCurrency}).`, `Structured data give the currency (${f.ldCurrency}).`);
  return undefined;
}

function availability(f: CheckFacts): Suggestion {
  if (!f.ldProduct) return no('Aucune donnée structurée Product sur cette page.', 'No Product structured data on this page.');
  if (f.ldAvailability) {
    return yes(`Les données structurées du produit donnent sa disponibilité (${f.ldAvailability}).`, `The product’s structured data give its availability (${f.ldAvailability}).`);
  }
  return no('Les données structurées du produit ne donnent pas sa disponibilité.', 'The product’s structured data do not give its availability.');
}

function shipping(f: CheckFacts): Suggestion {
  if (f.ldShippingRate) return yes('Les données structurées donnent le coût de livraison (shippingRate).', 'Structured data give the delivery cost (shippingRate).');
  if (f.deliveryCost === 'amount') return yes(`Coût de livraison affiché sur la page : ${f.deliveryAmount}.`, `Delivery cost shown on the page: ${f.deliveryAmount}.`);
  if (f.deliveryCost === 'free') return yes('La page annonce la livraison gratuite.', 'The page announces free delivery.');
  if (f.ldShippingDetails) {
    return no(
      'Les données structurées décrivent la livraison sans son coût (pas de shippingRate), et la page n’affiche aucun montant.',
      'Structured data describe delivery without its cost (no shippingRate), and the page shows no amount.',
    );
  }
  return no('Aucun coût de livraison sur la page ni dans ses données structurées.', 'No delivery cost on the page or in its structured data.');
}

function imagesAlt(f: CheckFacts): Suggestion | undefined {
  if (f.imageCount === 0) return undefined;
  const n = f.imagesWithoutAlt;
  if (n > 0) return no(`${plural(n, 'image', 'images')} sans texte alternatif sur cette page.`, `${plural(n, 'image', 'images')} without alt text on this page.`);
  return yes(`Les ${plural(f.imageCount, 'image', 'images')} de la page ont un attribut alt.`, `All ${plural(f.imageCount, 'image', 'images')} on the page have an alt attribute.`);
}

function language(f: CheckFacts): Suggestion {
  if (!f.lang) return no('Aucune langue déclarée (attribut lang absent de html).', 'No language declared (no lang attribute on html).');
  if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(f.lang)) return no(`Langue déclarée invalide : « ${f.lang} ».`, `Invalid declared language: “${f.lang}”.`);
  return yes(`Langue déclarée : ${f.lang}.`, `Declared language: ${f.lang}.`);
}

function cookieRefuse(f: CheckFacts, c: Ctx): Suggestion | undefined {
  const seen = f.cookieBanner === 'shown' || c.page.landing?.overlay?.kind === 'cookie-banner';
  if (!seen || f.cookieBanner === 'none') return undefined;
  if (f.cookieRefuseLabel) {
    const q = quote(f.cookieRefuseLabel);
    return yes(`Le bandeau cookies propose ${q.fr} dès son premier écran.`, `The cookie banner offers ${q.en} on its first screen.`);
  }
  return no('Le bandeau cookies n’offre pas de bouton pour refuser sur son premier écran.', 'The cookie banner has no refuse button on its first screen.');
}

function guestCheckout(f: CheckFacts, c: Ctx): Suggestion | undefined {
  const inCheckout = is(c, ...CART_ON) || (c.type === 'account' && c.earlier.some((e) => ['cart', 'checkout'].includes(pageTypeOf(e.page))));
  if (!inCheckout) return undefined;
  if (f.guestOption) return yes('La page propose de commander sans créer de compte.', 'The page offers to order without creating an account.');
  if (f.passwordRequired) return no('Un mot de passe est exigé pour commander, sans option invité.', 'A password is required to order, with no guest option.');
  return undefined;
}

function overlay(c: Ctx): Suggestion | undefined {
  const landing = c.page.landing;
  if (!landing) return undefined;
  const o = landing.overlay;
  if (!o || o.coverage < 0.3) return yes('Aucune fenêtre n’a masqué le contenu à l’arrivée.', 'No overlay hid the content on arrival.');
  const [fr, en] = OVERLAY_NAMES[o.kind];
  const pct = Math.round(o.coverage * 100);
  const open = o.dismissedAt === undefined ? [' (jamais fermé pendant l’observation)', ' (never closed while observed)'] : ['', ''];
  return no(
    `${fr} a couvert ${pct} % de l’écran pendant ${secs(o.coveredFor, 'fr')}${open[0]}.`,
    `${en} covered ${pct}% of the screen for ${secs(o.coveredFor, 'en')}${open[1]}.`,
  );
}

function singleH1(f: CheckFacts): Suggestion {
  if (f.h1Count === 1) return yes('Un seul titre h1 sur cette page.', 'A single h1 heading on this page.');
  if (f.h1Count === 0) return no('Aucun titre h1 sur cette page.', 'No h1 heading on this page.');
  return no(`${f.h1Count} titres h1 sur cette page.`, `${f.h1Count} h1 headings on this page.`);
}

function formLabels(f: CheckFacts): Suggestion | undefined {
  if (f.fieldCount === 0) return undefined;
  const n = f.unlabelledFields;
  if (n > 0) return no(`${plural(n, 'champ', 'champs')} sur ${f.fieldCount} sans étiquette.`, `${n} of ${plural(f.fieldCount, 'field', 'fields')} without a label.`);
  return yes(`Les ${plural(f.fieldCount, 'champ', 'champs')} de la page ont une étiquette.`, `All ${plural(f.fieldCount, 'field', 'fields')} on the page have a label.`);
}

function steps(f: CheckFacts): Suggestion {
  if (!f.checkoutSteps) return no('Aucune indication des étapes de la commande.', 'No indication of the checkout steps.');
  const where = f.currentStep > 0 && f.stepCount > 0 ? [` (étape ${f.currentStep} sur ${f.stepCount})`, ` (step ${f.currentStep} of ${f.stepCount})`] : ['', ''];
  return yes(`Les étapes de la commande sont affichées${where[0]}.`, `The checkout steps are shown${where[1]}.`);
}

function deliveryBeforeCart(f: CheckFacts, c: Ctx): Suggestion | undefined {
  if (f.deliveryCost === 'amount') return yes(`Frais de livraison affichés dans le panier : ${f.deliveryAmount}.`, `Delivery cost shown in the cart: ${f.deliveryAmount}.`);
  if (f.deliveryCost === 'free') return yes('Le panier annonce la livraison gratuite.', 'The cart announces free delivery.');
  if (f.deliveryCost === 'later') {
    return no('Le panier renvoie les frais de livraison à une étape suivante, sans montant.', 'The cart defers delivery costs to a later step, with no amount.');
  }
  const before = c.earlier.find((e) => e.facts?.deliveryCost === 'amount' || e.facts?.deliveryCost === 'free')?.facts;
  if (!before) return undefined;
  return before.deliveryCost === 'free'
    ? yes('La livraison gratuite a été annoncée avant le panier.', 'Free delivery was announced before the cart.')
    : yes(`Frais de livraison vus avant le panier : ${before.deliveryAmount}.`, `Delivery cost seen before the cart: ${before.deliveryAmount}.`);
}

function contactMeans(f: CheckFacts): Suggestion {
  if (f.contactMeans.length === 0) return no('Aucun moyen de contact sur cette page.', 'No way to contact the shop on this page.');
  const fr = f.contactMeans.map((m) => CONTACT_NAMES[m][0]).join(', ');
  const en = f.contactMeans.map((m) => CONTACT_NAMES[m][1]).join(', ');
  return yes(`Moyens de contact sur cette page : ${fr}.`, `Ways to contact the shop on this page: ${en}.`);
}

function paymentMethods(f: CheckFacts): Suggestion {
  const names = f.paymentMethods.map((m) => PAYMENT_NAMES[m]).join(', ');
  const n = f.paymentMethods.length;
  if (n >= 2) return yes(`${n} moyens de paiement affichés : ${names}.`, `${n} payment methods shown: ${names}.`);
  if (n === 1) return no(`Un seul moyen de paiement repéré : ${names}.`, `Only one payment method found: ${names}.`);
  return no('Aucun moyen de paiement repéré (logos ou mentions).', 'No payment method found (logos or mentions).');
}

function payButton(f: CheckFacts): Suggestion | undefined {
  if (!f.payButtonLabel) return undefined;
  const q = quote(f.payButtonLabel);
  if (f.payButtonExplicit) return yes(`Le bouton ${q.fr} dit clairement qu’il engage à payer.`, `The button ${q.en} clearly says that it commits to pay.`);
  return no(`Le bouton ${q.fr} ne dit pas qu’il engage à payer.`, `The button ${q.en} does not say that it commits to pay.`);
}

function lcp(c: Ctx): Suggestion | undefined {
  const v = c.page.vitals.LCP;
  if (v?.rating === 'good') return yes(`LCP de ${secs(v.value, 'fr')} : bon (≤ 2,5 s).`, `LCP of ${secs(v.value, 'en')}: good (≤ 2.5 s).`);
  if (v?.rating === 'poor') return no(`LCP de ${secs(v.value, 'fr')} : lent (> 4 s).`, `LCP of ${secs(v.value, 'en')}: slow (> 4 s).`);
  return undefined;
}

function cls(c: Ctx): Suggestion | undefined {
  const v = c.page.vitals.CLS;
  if (v?.rating === 'good') return yes(`CLS de ${num(v.value, 'fr', 2)} : mise en page stable (≤ 0,1).`, `CLS of ${num(v.value, 'en', 2)}: stable layout (≤ 0.1).`);
  if (v?.rating === 'poor') return no(`CLS de ${num(v.value, 'fr', 2)} : la mise en page bouge (> 0,25).`, `CLS of ${num(v.value, 'en', 2)}: the layout shifts (> 0.25).`);
  return undefined;
}

function jsErrors(c: Ctx): Suggestion {
  const errors = c.signals.filter((s) => s.type === 'js-error');
  if (errors.length === 0) return yes('Aucune erreur JavaScript relevée sur cette page.', 'No JavaScript error recorded on this page.');
  const message = errors.map((s) => s.facts['message']).find((m): m is string => typeof m === 'string' && m.trim() !== '');
  const q = message ? quote(message.trim().slice(0, 80)) : undefined;
  const n = errors.length;
  return no(
    `${plural(n, 'erreur JavaScript', 'erreurs JavaScript')} sur cette page${q ? `, dont ${q.fr}` : ''}.`,
    `${plural(n, 'JavaScript error', 'JavaScript errors')} on this page${q ? `, including ${q.en}` : ''}.`,
  );
}

function failedRequests(c: Ctx): Suggestion {
  const failed = c.signals.filter((s) => s.type === 'failed-request');
  if (failed.length === 0) return yes('Aucune requête en échec relevée sur cette page.', 'No failed request recorded on this page.');
  const first = failed[0]?.facts ?? {};
  let path = '';
  try {
    path = typeof first['url'] === 'string' ? new URL(first['url']).pathname : '';
  } catch {
    // An unparsable address: the status alone is still worth saying.
  }
  const status = typeof first['status'] === 'number' ? first['status'] : 0;
  const n = failed.length;
  return no(
    `${plural(n, 'requête en échec', 'requêtes en échec')} sur cette page : ${`${status > 0 ? status : 'sans réponse'} ${path}`.trim()}.`,
    `${plural(n, 'failed request', 'failed requests')} on this page: ${`${status > 0 ? status : 'no response'} ${path}`.trim()}.`,
  );
}

const RULES: Record<SuggestionRule, Rule> = {
  https,
  'search-field': withFacts((f, c) => {
    if (f.searchField) return yes('Un champ de recherche est visible sur cette page.', 'A search field is visible on this page.');
    // A checkout without the site's navigation is a common, sound choice: say nothing there.
    if (is(c, 'cart', 'checkout', 'payment', 'confirmation')) return undefined;
    return no('Aucun champ de recherche visible sur cette page.', 'No visible search field on this page.');
  }),
  'price-with-currency': withFacts(priceWithCurrency, ['listing', 'search', 'product']),
  'product-availability-data': withFacts(availability, ['product']),
  'product-shipping-data': withFacts(shipping, ['product']),
  'images-have-alt': withFacts(imagesAlt),
  'page-language': withFacts(language),
  'zoom-allowed': withFacts((f) =>
    f.zoomBlock
      ? no(`La balise viewport bloque le zoom (${f.zoomBlock}).`, `The viewport tag blocks zooming (${f.zoomBlock}).`)
      : yes('Le zoom n’est pas bloqué par la balise viewport.', 'Zooming is not blocked by the viewport tag.'),
  ),
  'cookie-refuse-choice': withFacts(cookieRefuse),
  'guest-checkout': withFacts(guestCheckout),
  'no-blocking-overlay': overlay,
  breadcrumb: present((f) => f.breadcrumb, ['Fil d’Ariane présent.', 'Breadcrumb present.'], ['Aucun fil d’Ariane sur cette page.', 'No breadcrumb on this page.'], ['listing', 'product']),
  'home-link': present(
    (f) => f.homeLink,
    ['Un lien ramène à l’accueil.', 'A link leads back to the home page.'],
    ['Aucun lien vers l’accueil sur cette page.', 'No link to the home page on this page.'],
  ),
  'page-title': present((f) => f.hasTitle, ['La page a un titre.', 'The page has a title.'], ['La page n’a pas de titre (balise title vide ou absente).', 'The page has no title (empty or missing title tag).']),
  'single-h1': withFacts(singleH1),
  'form-labels': withFacts(formLabels),
  'checkout-steps': withFacts(steps, CART_ON),
  'delivery-cost-before-cart': withFacts(deliveryBeforeCart, ['cart']),
  'return-policy-link': present(
    (f) => f.returnPolicyLink,
    ['Un lien mène aux conditions de retour.', 'A link leads to the return policy.'],
    ['Aucun lien vers les conditions de retour sur cette page.', 'No link to the return policy on this page.'],
  ),
  'terms-link': present(
    (f) => f.termsLink,
    ['Un lien mène aux conditions générales de vente.', 'A link leads to the terms and conditions.'],
    ['Aucun lien vers les conditions générales de vente sur cette page.', 'No link to the terms and conditions on this page.'],
  ),
  'legal-notice-link': present(
    (f) => f.legalNoticeLink,
    ['Un lien mène aux mentions légales.', 'A link leads to the legal notice.'],
    ['Aucun lien vers les mentions légales sur cette page.', 'No link to the legal notice on this page.'],
  ),
  'contact-means': withFacts(contactMeans),
  'order-number': present(
    (f) => f.orderNumber,
    ['Un numéro de commande est affiché.', 'An order number is shown.'],
    ['Aucun numéro de commande sur la page de confirmation.', 'No order number on the confirmation page.'],
    ['confirmation'],
  ),
  'payment-methods': withFacts(paymentMethods, ['payment']),
  'pay-button-wording': withFacts(payButton, ['payment']),
  'lcp-good': lcp,
  'cls-good': cls,
  'no-js-errors': jsErrors,
  'no-failed-requests': failedRequests,
};

function context(ctx: SuggestionContext): Ctx {
  const { page } = ctx;
  const factsOf = (p: Page) => ctx.factsByPage.get(p.id) ?? p.checks;
  return {
    page,
    type: pageTypeOf(page),
    facts: ctx.facts ?? page.checks ?? ctx.factsByPage.get(page.id),
    earlier: ctx.pages.filter((p) => p.id !== page.id && p.startedAt < page.startedAt).map((p) => ({ page: p, facts: factsOf(p) })),
    signals: ctx.signals.filter((s) => s.pageId === page.id),
  };
}

/** What a rule suggests for this page, or undefined when it has nothing to say here. */
export function suggest(rule: SuggestionRule, ctx: SuggestionContext): Suggestion | undefined {
  return RULES[rule](context(ctx));
}

/** Suggestions for the criteria that name a rule and are asked on this page's type, by criterion id. */
export function suggestionsFor(criteria: Criterion[], ctx: SuggestionContext): Map<string, Suggestion> {
  const c = context(ctx);
  const out = new Map<string, Suggestion>();
  for (const criterion of criteria) {
    if (!criterion.suggestion || !(criterion.pages.includes('any') || criterion.pages.includes(c.type))) continue;
    const suggestion = RULES[criterion.suggestion](c);
    if (suggestion) out.set(criterion.id, suggestion);
  }
  return out;
}
