import { fold } from '../journey/page-facts';

/**
 * Check facts: what the checklist's automatic suggestions need to know about a page, read from its
 * DOM by the recorder (see suggestions.ts). Privacy: markup, attributes and page text only, never
 * a field's value; what is kept is booleans, counts and a few short texts the shop wrote (a button
 * label, a delivery amount). Validated by the background with check-facts-schema.ts.
 */

export const DELIVERY_COSTS = ['amount', 'free', 'later', 'none'] as const;
export const COOKIE_BANNER_STATES = ['none', 'hidden', 'shown'] as const;
export const CONTACT_MEANS = ['phone', 'email', 'form', 'page'] as const;
export const PAYMENT_METHODS = ['cb', 'visa', 'mastercard', 'amex', 'paypal', 'apple-pay', 'google-pay', 'klarna', 'alma'] as const;
export type ContactMean = (typeof CONTACT_MEANS)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface CheckFacts {
  /** URL scheme without the colon: 'https', 'http'… */ protocol: string;
  /** A visible search field (or a visible role="search" region). */ searchField: boolean;
  /** Amounts written with a currency in the page text (capped). */ pricesWithCurrency: number;
  /** Price elements whose text has digits but no currency. */ pricesWithoutCurrency: number;
  /** priceCurrency of a structured-data offer ('' when none). */ ldCurrency: string;
  /** Structured data (JSON-LD or microdata) describes a Product. */ ldProduct: boolean;
  /** An offer's availability, last URL segment ('InStock'), '' when none. */ ldAvailability: string;
  /** An offer has shippingDetails, and one of them a shippingRate. */ ldShippingDetails: boolean;
  ldShippingRate: boolean;
  /** What the page text says about delivery cost: an amount, free, "calculated later", or nothing. */ deliveryCost: (typeof DELIVERY_COSTS)[number];
  /** The amount shown for delivery ('12,90 €'), '' unless deliveryCost is 'amount'. */ deliveryAmount: string;
  /** Content images, and those without an alt attribute at all (alt="" is a decorative choice). */ imageCount: number;
  imagesWithoutAlt: number;
  /** html[lang] as written ('' when absent). */ lang: string;
  /** The viewport directive that blocks zoom ('user-scalable=no', 'maximum-scale=1'), '' when none. */ zoomBlock: string;
  /** A cookie/consent banner in the DOM, shown or hidden at extraction time. */ cookieBanner: (typeof COOKIE_BANNER_STATES)[number];
  /** Label of the banner's refuse button in its first layer ('' when none). */ cookieRefuseLabel: string;
  /** Wording offering to order without an account. */ guestOption: boolean;
  /** Visible password fields, and whether one is required. */ passwordFields: number;
  passwordRequired: boolean;
  breadcrumb: boolean;
  /** A link to the site's home page (often the logo). */ homeLink: boolean;
  hasTitle: boolean;
  h1Count: number;
  /** Visible form fields, and those without a label, aria-label, aria-labelledby or title. */ fieldCount: number;
  unlabelledFields: number;
  /** Checkout steps shown; the current one and how many (0 when unknown). */ checkoutSteps: boolean;
  currentStep: number;
  stepCount: number;
  returnPolicyLink: boolean;
  termsLink: boolean;
  legalNoticeLink: boolean;
  contactMeans: ContactMean[];
  /** An order number is shown (text or JSON-LD Order). */ orderNumber: boolean;
  /** Payment methods named by logos or text, distinct. */ paymentMethods: PaymentMethod[];
  /** The payment button's label ('' when none found), and whether it says that it commits to pay. */ payButtonLabel: string;
  payButtonExplicit: boolean;
}

const MAX_NODES = 400;
const MAX_TEXT_NODES = 3000;
const MAX_TEXT = 60_000;
const MAX_LABEL = 80;

// Regexes run on accent-folded, lowercased text.
// Digits then a currency, or a currency sign then digits; thousands groups need a separator (no backtracking blow-up).
const AMOUNT = /(?<!\d)\d{1,6}(?:[ .\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?\s?(?:€|eur\b|\$|£|usd\b|gbp\b|chf\b)|(?:€|\$|£)\s?\d{1,6}(?:[,.\u00a0\u202f ]\d{3})*(?:[.,]\d{1,2})?/;
const AMOUNT_ALL = new RegExp(AMOUNT.source, 'g');
const DELIVERY = '(?:frais de (?:port|livraison)|livraison|expedition|shipping|delivery)';
const DELIVERY_FREE = new RegExp(`${DELIVERY}\\s*:?\\s*(?:offert|gratuit|free)|free (?:delivery|shipping)|port offert`);
const DELIVERY_AMOUNT = new RegExp(`${DELIVERY}(?:\\s+[a-z][a-z-]*){0,2}\\s*(?:\\([^)]{0,30}\\))?\\s*[:–-]?\\s*(${AMOUNT.source})`);
const DELIVERY_LATER = /calcule(?:e|s|es)? (?:a|lors de|au moment de|au|pendant|dans) (?:l['’ ]?etape suivante|la (?:prochaine|derniere) etape|la commande|paiement|du paiement)|calculated (?:at|during|in) (?:checkout|the next step)/;
const REFUSE = /refus|continuer sans accepter|reject|decline|\bdeny\b|only (?:necessary|essential)|(?:necessaires|essentiels) uniquement|uniquement (?:les )?(?:cookies )?(?:necessaires|essentiels)/;
const COOKIE_TEXT = /cookie|traceur|consent/;
const GUEST = /sans (?:creer (?:de |un )?|creation de )?compte|en tant qu['’ ]?invite|(?:commande|achat|paiement) (?:en )?invite|guest checkout|(?:continue|checkout|check out|proceed|buy) as (?:a )?guest/;
const STEP_TEXT = /(?:etape|step) (\d{1,2}) ?(?:\/|sur|of) ?(\d{1,2})/;
const ORDER_NO = /(?:(?:commande|order)\s*(?:n\s?[°o]\.?|#|number|numero|ref(?:erence)?\.?)|(?:n\s?°|numero|reference) de (?:votre |la )?commande)\s*:?\s*#?\s*[a-z0-9][a-z0-9-]*\d/;
const PAY_EXPLICIT = /\bpayer\b|obligation de paiement|\bpay\b|acheter maintenant|buy now|complete (?:purchase|payment)/;
/** Express wallet buttons ("Apple Pay") name a method, not the order's commitment. */
const WALLET = /^(?:apple|google|g|amazon|shop|samsung) ?pay$/;
const RETURNS_TEXT = /\bretours\b|politique de retour|conditions de retour|droit de retour|\breturns\b|return policy|refund/;
const RETURNS_HREF = /retours?(?:[/?#._-]|$)|returns?(?:[/?#._-]|$)|refund|rembours/;
const TERMS = /\bcgv\b|\bcgu\b|conditions[ -]generales|terms(?: and | & |-)conditions|terms of (?:sale|service|use)|\bterms\b/;
const LEGAL = /mentions[ -]legales|legal[ -]notice|\bimprint\b|\bimpressum\b|informations[ -]legales/;
const CONTACT = /\/contact|nous-contacter|contactez|service-client|\bnous contacter\b|contactez-nous|\bcontact us\b|^contact$|customer service/;
const PAYMENT_CUES: [PaymentMethod, RegExp][] = [
  ['cb', /\bcb\b|cartes? bancaires?|carte bleue/],
  ['visa', /\bvisa\b/],
  ['mastercard', /master ?card/],
  ['amex', /\bamex\b|american express/],
  ['paypal', /paypal/],
  ['apple-pay', /apple ?pay/],
  ['google-pay', /google ?pay|\bgpay\b/],
  ['klarna', /klarna/],
  ['alma', /\balma\b/],
];
const COOKIE_SEL =
  '[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i], [id*="gdpr" i], [class*="rgpd" i], ' +
  '[id*="didomi"], [id*="onetrust"], [id*="axeptio"], [id*="tarteaucitron"], [id*="cmp" i], [aria-label*="cookie" i], [role="dialog"], [role="alertdialog"], dialog';
const CONTAINER_TAGS = new Set(['div', 'section', 'aside', 'dialog', 'form', 'footer', 'header', 'nav']);
const BUTTON_SEL = 'button, input[type="submit"], input[type="button"], [role="button"], a[class*="btn"], a[class*="button"]';
const CHROME_SEL = 'header, footer, nav, dialog, [role="dialog"], [role="search"]';
/** The site's home: "/", "/index.html", or a language root such as "/fr/". */
const HOME_PATH = /^\/(?:index\.\w+|[a-z]{2}(?:[-_][a-z]{2})?\/?)?$/i;
const NOT_FIELDS = new Set(['hidden', 'submit', 'button', 'image', 'reset']);

function take(root: ParentNode, selector: string, max = MAX_NODES): Element[] {
  const list = root.querySelectorAll(selector);
  return Array.from({ length: Math.min(list.length, max) }, (_, i) => list.item(i)).filter((el): el is Element => el !== null);
}

/** Shown on screen: no hidden ancestor and, where the browser can tell, not display:none. */
function isShown(el: Element): boolean {
  return !el.closest('[hidden]') && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
}

function labelOf(el: Element): string {
  const text = el.tagName === 'INPUT' ? el.getAttribute('value') : el.textContent || el.getAttribute('aria-label');
  return (text ?? '').slice(0, MAX_LABEL * 4).replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
}

/** Page text as one folded string: text nodes outside scripts and styles, plus button values. */
function pageText(doc: Document): string {
  const parts: string[] = [];
  let size = 0;
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES && size < MAX_TEXT; n++, node = walker.nextNode()) {
      const tag = node.parentElement?.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      const text = (node.nodeValue ?? '').slice(0, 2000).trim();
      if (text) parts.push(text);
      size += text.length;
    }
  }
  for (const el of take(doc, 'input[type="submit"], input[type="button"]', 50)) parts.push(el.getAttribute('value') ?? '');
  return fold(parts.join(' ').replace(/\s+/g, ' '));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const lastSegment = (v: unknown): string => (typeof v === 'string' ? (v.split(/[/#:]/).pop() ?? '').trim().slice(0, 40) : '');

interface Ld { product: boolean; availability: string; shippingDetails: boolean; shippingRate: boolean; currency: string; breadcrumb: boolean; orderNumber: boolean }

/** Walks JSON-LD and microdata for the few structured facts the rules need; bounded, never throws. */
function readStructured(doc: Document): Ld {
  const ld: Ld = { product: false, availability: '', shippingDetails: false, shippingRate: false, currency: '', breadcrumb: false, orderNumber: false };
  let budget = 3000;
  const visit = (node: unknown, depth: number, key: string): void => {
    if (budget-- <= 0 || depth > 10) return;
    if (Array.isArray(node)) return node.slice(0, 200).forEach((n) => visit(n, depth + 1, key));
    if (!isRecord(node)) return;
    const types = asArray(node['@type']).map((t) => lastSegment(t).toLowerCase());
    if (types.includes('product') || types.includes('productgroup')) ld.product = true;
    if (types.includes('breadcrumblist')) ld.breadcrumb = true;
    const orderNumber = node['orderNumber'];
    if (types.includes('order') && (typeof orderNumber === 'string' || typeof orderNumber === 'number') && String(orderNumber).trim()) ld.orderNumber = true;
    if (key === 'offers' || types.includes('offer') || types.includes('aggregateoffer')) {
      ld.availability ||= lastSegment(node['availability']);
      const currency = node['priceCurrency'];
      if (typeof currency === 'string') ld.currency ||= currency.trim().slice(0, 10);
    }
    for (const details of asArray(node['shippingDetails'])) {
      ld.shippingDetails = true;
      if (isRecord(details) && details['shippingRate'] !== undefined) ld.shippingRate = true;
    }
    for (const [k, v] of Object.entries(node)) if (typeof v === 'object' && v !== null) visit(v, depth + 1, k);
  };
  for (const script of take(doc, 'script[type="application/ld+json"]', 20)) {
    const text = script.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      visit(JSON.parse(text), 0, '');
    } catch {
      // Malformed JSON-LD is common in the wild; the other scripts still count.
    }
  }
  for (const el of take(doc, '[itemtype]', 200)) {
    const type = fold(el.getAttribute('itemtype') ?? '');
    if (/product$/.test(type)) ld.product = true;
    if (/breadcrumblist$/.test(type)) ld.breadcrumb = true;
  }
  const itemprop = (name: string): string => {
    const el = doc.querySelector(`[itemprop="${name}"]`);
    return el ? el.getAttribute('content') ?? el.getAttribute('href') ?? el.textContent ?? '' : '';
  };
  ld.availability ||= lastSegment(itemprop('availability'));
  ld.currency ||= itemprop('priceCurrency').trim().slice(0, 10);
  if (doc.querySelector('[itemprop="shippingDetails"]')) ld.shippingDetails = true;
  if (doc.querySelector('[itemprop="shippingRate"]')) ld.shippingRate = true;
  return ld;
}

/** The consent banner (outermost container talking about cookies), its state and its refuse button. */
function readCookieBanner(doc: Document): Pick<CheckFacts, 'cookieBanner' | 'cookieRefuseLabel'> {
  const candidates = take(doc, COOKIE_SEL, 60).filter(
    (el) => CONTAINER_TAGS.has(el.tagName.toLowerCase()) && COOKIE_TEXT.test(fold((el.textContent ?? '').slice(0, 3000))),
  );
  const roots = candidates.filter((el) => !candidates.some((other) => other !== el && other.contains(el)));
  if (roots.length === 0) return { cookieBanner: 'none', cookieRefuseLabel: '' };
  const shown = roots.filter(isShown);
  // A shown banner's first layer is what is on screen; a hidden one is judged on its markup.
  for (const root of shown.length ? shown : roots) {
    const refuse = take(root, BUTTON_SEL + ', a', 30).find((b) => REFUSE.test(fold(labelOf(b))) && (!shown.length || isShown(b)));
    if (refuse) return { cookieBanner: shown.length ? 'shown' : 'hidden', cookieRefuseLabel: labelOf(refuse) };
  }
  return { cookieBanner: shown.length ? 'shown' : 'hidden', cookieRefuseLabel: '' };
}

/** The payment button: one that says "pay", else the submit of the card form or of the largest form. */
function readPayButton(doc: Document): Pick<CheckFacts, 'payButtonLabel' | 'payButtonExplicit'> {
  const buttons = take(doc.body ?? doc, BUTTON_SEL, 200).filter((b) => !b.closest(CHROME_SEL));
  const explicit = buttons.find((b) => {
    const label = fold(labelOf(b));
    return PAY_EXPLICIT.test(label) && !WALLET.test(label);
  });
  if (explicit) return { payButtonLabel: labelOf(explicit), payButtonExplicit: true };
  const forms = take(doc, 'form', 30).filter((f) => !f.closest(CHROME_SEL));
  const card = forms.find((f) => f.querySelector('[autocomplete^="cc-"], [name*="card" i], [name*="cvc" i], [id*="card-number" i]'));
  const largest = forms.reduce<Element | undefined>(
    (best, f) => (f.querySelectorAll('input, select, textarea').length > (best?.querySelectorAll('input, select, textarea').length ?? 0) ? f : best),
    undefined,
  );
  const submit = (card ?? largest)?.querySelector('button:not([type]), button[type="submit"], input[type="submit"]');
  return { payButtonLabel: submit ? labelOf(submit) : '', payButtonExplicit: false };
}

function readSteps(doc: Document, text: string): Pick<CheckFacts, 'checkoutSteps' | 'currentStep' | 'stepCount'> {
  const current = doc.querySelector('[aria-current="step"]');
  const list =
    current?.closest('ol, ul') ??
    take(doc, 'ol, ul, nav, [aria-label]', 300).find((el) =>
      /\bsteps?\b|etape|stepper|checkout-progress/.test(fold(`${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''}`)),
    );
  const items = list ? take(list, 'li', 20) : [];
  const byText = STEP_TEXT.exec(text);
  if (items.length >= 2) {
    const active = items.findIndex((li) => li === current || li.contains(current) || /\b(?:active|current|is-active)\b/.test(li.getAttribute('class') ?? ''));
    return { checkoutSteps: true, currentStep: active + 1, stepCount: items.length };
  }
  if (byText) return { checkoutSteps: true, currentStep: Number(byText[1]), stepCount: Number(byText[2]) };
  return { checkoutSteps: false, currentStep: 0, stepCount: 0 };
}

function readFields(doc: Document): Pick<CheckFacts, 'fieldCount' | 'unlabelledFields' | 'passwordFields' | 'passwordRequired'> {
  const labelled = new Set(take(doc, 'label[for]', 500).map((l) => l.getAttribute('for')));
  let fieldCount = 0, unlabelledFields = 0, passwordFields = 0, passwordRequired = false;
  for (const el of take(doc, 'input, select, textarea', 300)) {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (NOT_FIELDS.has(type) || !isShown(el)) continue;
    fieldCount++;
    const named = ['aria-label', 'aria-labelledby', 'title'].some((a) => (el.getAttribute(a) ?? '').trim() !== '');
    if (!named && !el.closest('label') && !(el.id && labelled.has(el.id))) unlabelledFields++;
    if (type === 'password') {
      passwordFields++;
      if (el.hasAttribute('required') || el.getAttribute('aria-required') === 'true') passwordRequired = true;
    }
  }
  return { fieldCount, unlabelledFields, passwordFields, passwordRequired };
}

function readLinks(doc: Document, url: string) {
  let homeLink = false, returnPolicyLink = false, termsLink = false, legalNoticeLink = false;
  const means = new Set<ContactMean>();
  let origin = '';
  try {
    origin = new URL(url).origin;
  } catch {
    // An unparsable page address: only root-relative home links count.
  }
  // The footer too: on pages with huge menus it holds the legal links past the first 600.
  const links = [...take(doc, 'a[href]', 600), ...take(doc, 'footer a[href], [role="contentinfo"] a[href]', 300)];
  for (const a of links) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue; // in-page anchors (skip links) go nowhere
    const text = fold(labelOf(a) || a.getAttribute('title') || '');
    let path = fold(href.split(/[?#]/)[0] ?? '');
    if (path.startsWith('tel:') || path.startsWith('mailto:')) {
      means.add(path.startsWith('tel:') ? 'phone' : 'email');
      continue;
    }
    try {
      const target = new URL(href, url || undefined);
      path = fold(target.pathname);
      if (target.origin === origin && HOME_PATH.test(target.pathname) && !target.search) homeLink = true;
    } catch {
      if (href === '/') homeLink = true;
    }
    // Paths only: query strings such as "?return_url=" say nothing about the target page.
    if (CONTACT.test(path) || CONTACT.test(text)) means.add('page');
    if (RETURNS_TEXT.test(text) || RETURNS_HREF.test(path)) returnPolicyLink = true;
    if (TERMS.test(text) || /\bcgv|conditions-generales|terms/.test(path)) termsLink = true;
    if (LEGAL.test(text) || LEGAL.test(path)) legalNoticeLink = true;
  }
  for (const area of take(doc, 'textarea', 10)) {
    if (area.closest('form')?.querySelector('input[type="email"], input[name*="mail" i], input[autocomplete="email"]')) means.add('form');
  }
  const contactMeans = CONTACT_MEANS.filter((m) => means.has(m));
  return { homeLink, returnPolicyLink, termsLink, legalNoticeLink, contactMeans };
}

function readDelivery(text: string): Pick<CheckFacts, 'deliveryCost' | 'deliveryAmount'> {
  if (DELIVERY_FREE.test(text)) return { deliveryCost: 'free', deliveryAmount: '' };
  const amount = DELIVERY_AMOUNT.exec(text);
  if (amount?.[1]) return { deliveryCost: 'amount', deliveryAmount: amount[1].replace(/\s+/g, ' ').trim() };
  return { deliveryCost: DELIVERY_LATER.test(text) ? 'later' : 'none', deliveryAmount: '' };
}

/** Reads {@link CheckFacts} from a document with bounded queries; pure DOM reading, never a field's value. */
export function extractCheckFacts(doc: Document = document, url: string = doc.URL): CheckFacts {
  const text = pageText(doc);
  const ld = readStructured(doc);
  const images = take(doc, 'img', MAX_NODES).filter((img) => {
    const tiny = ['width', 'height'].some((a) => /^[01]$/.test(img.getAttribute(a) ?? ''));
    return !tiny && img.getAttribute('role') !== 'presentation' && img.getAttribute('aria-hidden') !== 'true';
  });
  const priceEls = take(doc, '[itemprop="price"], .price, [class*="price"]', 200).filter((el) => !el.parentElement?.closest('[itemprop="price"], .price, [class*="price"]'));
  const viewport = fold(doc.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '');
  const maxScale = /maximum-scale\s*=\s*([\d.]+)/.exec(viewport);
  const media = take(doc, 'img', MAX_NODES).map((img) => `${img.getAttribute('alt') ?? ''} ${img.getAttribute('src') ?? ''}`);
  const titles = take(doc, 'svg title, [role="img"][aria-label]', 100).map((el) => el.textContent || el.getAttribute('aria-label') || '');
  const methodText = fold([text, ...media, ...titles].join(' '));
  const searchField = take(doc, 'input[type="search"], [role="search"], input[name]', MAX_NODES).some(
    (el) =>
      (el.tagName !== 'INPUT' || el.getAttribute('type') === 'search' || el.closest('[role="search"]') !== null ||
        /^(?:q|s|search|query|recherche|keywords?)$/i.test(el.getAttribute('name') ?? '')) &&
      !NOT_FIELDS.has((el.getAttribute('type') ?? '').toLowerCase()) &&
      isShown(el),
  );
  let protocol = '';
  try {
    protocol = new URL(url).protocol.replace(/:$/, '');
  } catch {
    // Left empty: the https rule then has nothing to say.
  }
  return {
    protocol,
    searchField,
    pricesWithCurrency: Math.min((text.match(AMOUNT_ALL) ?? []).length, 200),
    pricesWithoutCurrency: priceEls.filter((el) => {
      const t = fold((el.textContent ?? '').slice(0, 80));
      return /\d/.test(t) && !AMOUNT.test(t);
    }).length,
    ldCurrency: ld.currency,
    ldProduct: ld.product,
    ldAvailability: ld.availability,
    ldShippingDetails: ld.shippingDetails,
    ldShippingRate: ld.shippingRate,
    ...readDelivery(text),
    imageCount: images.length,
    imagesWithoutAlt: images.filter((img) => !img.hasAttribute('alt')).length,
    lang: (doc.documentElement.getAttribute('lang') ?? '').trim().slice(0, 35),
    zoomBlock: /user-scalable\s*=\s*(?:no|0)\b/.test(viewport)
      ? 'user-scalable=no'
      : maxScale?.[1] && Number(maxScale[1]) < 2
        ? `maximum-scale=${maxScale[1].slice(0, 6)}`
        : '',
    ...readCookieBanner(doc),
    guestOption: GUEST.test(text),
    breadcrumb:
      ld.breadcrumb ||
      doc.querySelector('.breadcrumb, .breadcrumbs, #breadcrumbs, [class*="breadcrumb" i]') !== null ||
      take(doc, 'nav[aria-label]', 20).some((nav) => /breadcrumb|fil d/.test(fold(nav.getAttribute('aria-label') ?? ''))),
    hasTitle: doc.title.trim() !== '',
    h1Count: take(doc, 'h1', 50).filter((h) => !h.closest('[hidden]')).length,
    ...readFields(doc),
    ...readSteps(doc, text),
    ...readLinks(doc, url),
    orderNumber: ld.orderNumber || ORDER_NO.test(text),
    paymentMethods: PAYMENT_CUES.filter(([, re]) => re.test(methodText)).map(([method]) => method),
    ...readPayButton(doc),
  };
}
