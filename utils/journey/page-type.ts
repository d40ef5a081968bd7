/**
 * Page-type classifier: a deterministic, additive score over URL patterns (English, French, German,
 * Spanish, Italian, Dutch and common platform routes), structured data and DOM cues collected in
 * {@link PageFacts}.
 * Weights are hand-tuned so that specific evidence (card fields, confirmation wording, Product
 * data) outweighs generic evidence (a /checkout prefix, many product cards, the root path).
 */
import type { PageType } from '../schema/page-type';
import { fold, PRODUCT_PATH, SEARCH_PARAMS, type PageFacts } from './page-facts';
import { routeOf } from './route-url';

/** The classifier's answer: a type, a 0..1 confidence and the evidence behind it. */
export interface PageTypeGuess {
  type: PageType;
  /** 0..1: grows with the winning score and with its lead over the runner-up. */
  confidence: number;
  /** Short English phrases, e.g. 'url: /cart', 'json-ld: Product'. */
  reasons: string[];
}

/** Below this score nothing is decisive and the page is 'other'. */
const MIN_SCORE = 2;
/** Tie-break order: the later funnel step wins, because its cues are the rarer ones. */
const PRIORITY: readonly PageType[] = [
  'confirmation', 'payment', 'checkout', 'cart', 'product', 'search', 'listing', 'account', 'contact', 'home', 'other',
];

const LANG = '(?:/[a-z]{2}(?:[-_][a-z]{2})?)?';
const END = '(?=/|$|\\.html?$|\\.php$)';
/** A whole path segment (or run of segments) from the alternatives, anywhere in the path. */
const seg = (alt: string): RegExp => new RegExp(`(?:^|/)(?:${alt})${END}`);

interface Rule {
  type: PageType;
  weight: number;
  re: RegExp;
}

const PATH_RULES: readonly Rule[] = [
  {
    type: 'confirmation',
    weight: 6,
    re: seg(
      [
        'checkout/order-received|order-received|order-completion|onepage/success|checkout/success|thank-you|thankyou|thank_you|thanks',
        'merci|order-confirmation|confirmation-commande|commande-confirmee|confirmation',
        'danke|bestellbestaetigung|bestellung-abgeschlossen|gracias|pedido-recibido|pedido-confirmado|confirmacion-pedido',
        'grazie|conferma-ordine|ordine-confermato|bedankt|bestelling-bevestigd|orderbevestiging',
      ].join('|'),
    ),
  },
  {
    type: 'payment',
    weight: 5,
    re: seg('payment|payments|paiement|pay|order-pay|payment-method|moyen-de-paiement|zahlung|bezahlen|zahlungsart|pago|metodo-de-pago|pagamento|betaling|betalen|betaalmethode'),
  },
  // Magento's cart lives at /checkout/cart: that prefix is not the checkout.
  {
    type: 'checkout',
    weight: 4,
    re: seg('checkout(?!/cart)|checkouts|commande|commander|caisse|onepage|onepagecheckout|tunnel-de-commande|validation-commande|kasse|zur-kasse|finalizar-compra|tramitar-pedido|cassa|afrekenen|bestellen'),
  },
  // "/order/123" is often an order page inside the account, so bare "order" counts less.
  { type: 'checkout', weight: 3, re: seg('order|bestellung|pedido|ordine|bestelling') },
  // Single-page shops' checkout steps (e.g. "#/address/select", "#/delivery-method", "#/order-summary").
  { type: 'checkout', weight: 4, re: seg('address/select|delivery-method|order-summary') },
  // Delivery information pages exist outside the funnel, so this is only a nudge.
  { type: 'checkout', weight: 1, re: seg('livraison|shipping|delivery|versand|lieferung|envio|spedizione|verzending|bezorging') },
  // Not under a category or product path, so a "/collections/bag" category is not a cart.
  {
    type: 'cart',
    weight: 5,
    re: new RegExp(
      `^(?!.*/(?:collections|categor[a-z]*|product-category|products?|produits?|c)/).*?/(?:cart|panier|basket|bag|shopping-cart|shopping-bag|mon-panier|warenkorb|einkaufswagen|carrito|cesta|carrello|winkelwagen|winkelmand|winkelmandje)${END}`,
    ),
  },
  { type: 'product', weight: 4, re: PRODUCT_PATH },
  {
    type: 'listing',
    weight: 4,
    re: seg('product-category|categoria-producto|categorie-produit|categories|category|categorie|categoria|kategorie|c/[^/]+|shop|boutique|tienda|negozio|catalogue|catalogo|rayons?|catalog/category/view'),
  },
  { type: 'listing', weight: 4, re: /(?:^|\/)collections(?:\/[^/]+)?\/?$/ },
  // PrestaShop categories look like "/3-clothes".
  { type: 'listing', weight: 3, re: new RegExp(`^${LANG}/\\d+-[a-z0-9-]+/?$`) },
  { type: 'search', weight: 4, re: seg('search|recherche|rechercher|catalogsearch/result|catalogsearch|suche|buscar|busqueda|ricerca|cerca|zoeken|zoek') },
  {
    type: 'account',
    weight: 4,
    re: seg(
      [
        'account|accounts|my-account|mon-compte|moncompte|compte|customer/account|login|log-in|signin|sign-in|register|inscription|connexion',
        'authentication|identification|profile|profil|sales/order/history',
        'mein-konto|konto|kundenkonto|anmelden|registrieren|mi-cuenta|cuenta|iniciar-sesion|registro',
        'il-mio-account|mio-account|accedi|accesso|registrazione|mijn-account|inloggen|registreren|aanmelden',
      ].join('|'),
    ),
  },
  { type: 'contact', weight: 4, re: seg('contact|contacts|contact-us|contactez-nous|nous-contacter|kontakt|kontaktformular|contacto|contactenos|contatti|contattaci') },
  { type: 'contact', weight: 3, re: seg('help|aide|support|service-client|customer-service|customer-care|kundenservice|hilfe|ayuda|atencion-al-cliente|assistenza|servizio-clienti|klantenservice') },
  {
    type: 'other',
    weight: 3,
    re: seg(
      'blog|blogs|news|actualites?|magazine|journal|legal|mentions-legales|cgv|cgu|terms|privacy|confidentialite|about|about-us|a-propos|qui-sommes-nous|impressum|agb|datenschutz|aviso-legal|privacidad|note-legali|algemene-voorwaarden',
    ),
  },
];
const HOME_PATH = new RegExp(`^${LANG}/?(?:index\\.(?:html?|php)|home|accueil)?/?$`);

/** PrestaShop `?controller=`, OpenCart `?route=`, Shopify `?step=` and SFCC `?stage=` values. */
const QUERY_ROUTES: Readonly<Record<string, Readonly<Record<string, PageType>>>> = {
  controller: {
    index: 'home', product: 'product', category: 'listing', search: 'search', cart: 'cart', order: 'checkout',
    'order-confirmation': 'confirmation', 'my-account': 'account', authentication: 'account', identity: 'account',
    history: 'account', addresses: 'account', contact: 'contact',
  },
  route: {
    'common/home': 'home', 'product/product': 'product', 'product/category': 'listing', 'product/search': 'search',
    'checkout/cart': 'cart', 'checkout/checkout': 'checkout', 'checkout/success': 'confirmation',
    'account/login': 'account', 'account/account': 'account', 'information/contact': 'contact',
  },
  step: { contact_information: 'checkout', shipping_method: 'checkout', payment_method: 'payment', thank_you: 'confirmation' },
  // Salesforce Commerce Cloud (SFRA): one checkout page whose stage is in the query.
  stage: { customer: 'checkout', shipping: 'checkout', payment: 'payment', placeorder: 'checkout', submitted: 'confirmation' },
};

/** Structured-data types → [page type, weight]; microdata counts two less, being often on cards. */
const SCHEMA_TYPES: Readonly<Record<string, readonly [PageType, number, string]>> = {
  itemlist: ['listing', 4, 'ItemList'],
  collectionpage: ['listing', 4, 'CollectionPage'],
  offercatalog: ['listing', 4, 'OfferCatalog'],
  searchresultspage: ['search', 5, 'SearchResultsPage'],
  order: ['confirmation', 5, 'Order'],
  confirmaction: ['confirmation', 4, 'ConfirmAction'],
  contactpage: ['contact', 5, 'ContactPage'],
  checkoutpage: ['checkout', 5, 'CheckoutPage'],
  profilepage: ['account', 4, 'ProfilePage'],
  article: ['other', 4, 'Article'],
  blogposting: ['other', 4, 'BlogPosting'],
  newsarticle: ['other', 4, 'NewsArticle'],
  aboutpage: ['other', 3, 'AboutPage'],
};

// Heading patterns are anchored: an h1 is usually a product name, which may contain these words.
const CART_HEADING =
  /^(?:(?:my|your|mon|votre|mein|ihr|tu|mi|il (?:tuo|mio)|je|mijn|uw) )?(?:shopping )?(?:cart|panier|basket|bag|warenkorb|einkaufswagen|carrito|cesta|carrello|winkelwagen|winkelmand(?:je)?)\b/;
const CHECKOUT_HEADING =
  /^(?:secure |sichere )?(?:checkout|commande|finaliser (?:ma |votre )?commande|validation de (?:la |votre )?commande|kasse|finalizar (?:la )?compra|tramitar pedido|cassa|afrekenen)\b/;
const PAYMENT_HEADING = /^(?:secure )?(?:payment|paiement|moyen de paiement|zahlung|zahlungsart|pago|pagar el pedido|pagamento|betaling|betalen)\b/;
const ACCOUNT_HEADING = new RegExp(
  '^(?:my account|mon compte|sign ?in|log ?in|connexion|se connecter|identification|create (?:an )?account|creer (?:un )?compte|register|customer login' +
    '|mein konto|anmelden|einloggen|kundenlogin|konto erstellen|registrieren|mi cuenta|iniciar sesion|acceder|crear (?:una )?cuenta' +
    '|il mio account|accedi|registrati|crea (?:un )?account|mijn account|inloggen|aanmelden|account aanmaken|registreren)\\b',
);
const CONTACT_TEXT = /\bcontact(?:ez|er|o|eer)?\b|\bkontakt(?:formular)?\b|\bcontatt(?:i|aci)\b|\bcontactanos\b/;

interface ParsedUrl {
  path: string;
  params: URLSearchParams;
  hash: string;
}

function parseUrl(url: string): ParsedUrl {
  let u: URL;
  try {
    u = new URL(url, 'https://invalid.local/');
  } catch {
    return { path: '', params: new URLSearchParams(), hash: '' }; // An unparsable URL is not the root.
  }
  // A hash route ("#/basket") is the page's real path and query; an anchor ("#reviews") is not.
  const route = routeOf(url);
  let path = route.path;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the encoded path: a stray "%" must not stop classification.
  }
  const routed = route.path !== u.pathname || route.search !== u.search;
  return { path: fold(path), params: new URLSearchParams(route.search), hash: routed ? '' : fold(u.hash) };
}

/** Classifies a page from its {@link PageFacts}; deterministic, never throws. */
export function classifyPage(facts: PageFacts): PageTypeGuess {
  const scores = new Map<PageType, { score: number; reasons: string[] }>();
  const add = (type: PageType, weight: number, reason: string): void => {
    const entry = scores.get(type) ?? { score: 0, reasons: [] };
    entry.score += weight;
    entry.reasons.push(reason);
    scores.set(type, entry);
  };
  const { path, params, hash } = parseUrl(facts.url);
  const matched = new Set<PageType>();

  for (const rule of PATH_RULES) {
    const m = rule.re.exec(path);
    if (!m) continue;
    matched.add(rule.type);
    add(rule.type, rule.weight, `url: ${m[0].startsWith('/') ? m[0] : `…${m[0]}`}`);
  }
  let routed = false;
  for (const [param, routes] of Object.entries(QUERY_ROUTES)) {
    const value = fold(params.get(param) ?? '');
    const type = routes[value] ?? (param === 'route' ? routes[value.split('/').slice(0, 2).join('/')] : undefined);
    if (!type) continue;
    routed = true;
    matched.add(type);
    add(type, type === 'confirmation' ? 7 : 5, `url: ?${param}=${value}`);
  }
  if (params.has('id_product')) add('product', 3, 'url: ?id_product');
  if (params.has('id_category')) add('listing', 3, 'url: ?id_category');
  const searchParam = SEARCH_PARAMS.find((p) => (params.get(p) ?? '').trim() !== '');
  if (searchParam) {
    add('search', matched.has('search') ? 4 : 2, matched.has('search') ? `url: ?${searchParam}= on search path` : `url: ?${searchParam}=`);
  }
  // "/search/<collection>" without a query is a collection (Next.js Commerce), not a search.
  if (matched.has('search') && !searchParam && /(?:^|\/)search\/(?!results?(?:\/|$))[^/]+\/?$/.test(path)) {
    add('listing', 5, 'url: /search/<collection> without a query');
  }
  // A sign-in or registration step inside the checkout ("/checkout/register", "/checkout/login").
  if (matched.has('checkout') && matched.has('account') && /(?:^|\/)(?:checkout|checkouts|kasse|commande|cassa)\/(?:register|login|signin|sign-in|anmelden|registrieren|connexion|identification|authentication)/.test(path)) {
    add('checkout', 3, 'url: sign-in step of the checkout');
  }
  // Magento's one-page checkout names its steps in the hash.
  if (matched.has('checkout') && hash.startsWith('#payment')) add('payment', 5, 'url: #payment');
  else if (matched.has('checkout') && hash.startsWith('#shipping')) add('checkout', 2, 'url: #shipping');

  const isRoot = path.startsWith('/') && HOME_PATH.test(path) && !routed && !searchParam;
  if (isRoot) add('home', facts.breadcrumbDepth >= 2 ? 3 : 5, 'url: /');
  // The logo's link leads here: the home page of a shop under a prefix ("/en-gb/", "/shop/").
  else if (facts.homeLinkIsSelf && !routed && !searchParam) add('home', facts.breadcrumbDepth >= 2 ? 3 : 5, 'dom: logo links here');
  const atHome = isRoot || (facts.homeLinkIsSelf && !routed && !searchParam);
  // A checkout URL that is not really the cart or the receipt.
  const checkoutish = matched.has('checkout') && !matched.has('cart') && !matched.has('confirmation');

  // Structured data.
  const ld = new Set(facts.ldTypes);
  const micro = new Set(facts.microdataTypes);
  const ldProduct = ld.has('product') || ld.has('productgroup');
  if (ldProduct && facts.ldProductCount >= 3) add('listing', 3, `json-ld: ${facts.ldProductCount} Product items`);
  // A home page's "featured product" section may carry Product data: it counts less there.
  else if (ldProduct) add('product', atHome ? 2 : 5, 'json-ld: Product');
  if (micro.has('product') && facts.productCardCount <= 3) add('product', 2, 'microdata: Product');
  for (const [key, [type, weight, label]] of Object.entries(SCHEMA_TYPES)) {
    if (ld.has(key)) add(type, weight, `json-ld: ${label}`);
    if (micro.has(key) && weight > 3) add(type, weight - 2, `microdata: ${label}`);
  }
  if (atHome && (ld.has('website') || micro.has('website'))) add('home', 2, 'json-ld: WebSite at /');
  if (['product', 'product.item', 'og:product'].includes(facts.ogType)) add('product', 3, `og:type ${facts.ogType}`);
  if (facts.ogType === 'article') add('other', 3, 'og:type article');
  if (atHome && facts.ogType === 'website') add('home', 1, 'og:type website at /');

  // DOM cues. Card fields mean payment even inside a checkout URL.
  const hasCard = facts.cardFieldCount > 0 || facts.paymentFrameCount > 0;
  if (facts.cardFieldCount > 0) add('payment', 6, `dom: ${facts.cardFieldCount} card fields`);
  if (facts.paymentFrameCount > 0) add('payment', 4, 'dom: payment iframe');
  if (hasCard && checkoutish) add('payment', 1, 'dom: card fields on checkout url');
  if (!hasCard && facts.addressFieldCount >= 2 && checkoutish) add('checkout', 3, 'dom: address fields on checkout url');
  else if (!hasCard && facts.addressFieldCount >= 3) add('checkout', 2, 'dom: address form');

  const cues = facts.confirmationCueCount;
  // One phrase alone is weak: an FAQ says "quote your order number" too.
  if (cues > 0) add('confirmation', cues >= 3 ? 8 : cues === 2 ? 6 : 1, `dom: ${cues} confirmation phrases`);

  if (facts.passwordFieldCount > 0) add('account', facts.hasLoginForm ? 4 : 1, facts.hasLoginForm ? 'dom: login form' : 'dom: password field');
  if (facts.hasContactForm) add('contact', 4, 'dom: contact form');
  if (facts.hasSearchResultsCue) add('search', 3, 'dom: search results cue');

  // Product-shaped links stand for cards whose markup carries no card class (utility-class themes).
  if (facts.productCardCount < 4 && facts.productLinkCount >= 4) add('listing', 2, `dom: ${facts.productLinkCount} product links`);
  if (facts.productCardCount >= 4) add('listing', facts.productCardCount >= 12 ? 3 : 2, `dom: ${facts.productCardCount} product cards`);
  else if (facts.priceCount >= 8) add('listing', 1, 'dom: many prices');
  if (facts.hasSortControl && facts.productCardCount >= 4 && !facts.hasSearchResultsCue) add('listing', 2, 'dom: sort control over product cards');
  if (facts.addToCartCount >= 3) add('listing', 1, 'dom: several add-to-cart buttons');
  else if (facts.addToCartCount > 0) {
    add('product', 2, 'dom: add-to-cart');
    const productData = ldProduct || micro.has('product') || facts.ogType.startsWith('product');
    if (productData && facts.priceCount >= 1 && facts.priceCount <= 3) add('product', 2, 'dom: single price with product data');
  }
  if (facts.quantityInputCount === 1 && facts.cartItemCount === 0) add('product', 1, 'dom: quantity selector');
  // Related products' quick-add buttons do not hide the product's own buy box.
  if (facts.hasBuyForm && facts.cartItemCount === 0) add('product', 2, 'dom: add-to-cart form with quantity');
  if (facts.hasVariantSelector) add('product', 1, 'dom: variant selector');
  if (facts.cartItemCount > 0) {
    add('cart', 2, `dom: ${facts.cartItemCount} cart lines`);
    if (facts.hasCheckoutButton) add('cart', 1, 'dom: checkout button');
  }

  // Headings: anchored, short, so a product named "Panier en osier" scores little.
  const h1 = fold(facts.h1).slice(0, 60);
  const title = fold(facts.title);
  if (CART_HEADING.test(h1)) add('cart', 3, 'text: cart heading');
  if (CHECKOUT_HEADING.test(h1)) add('checkout', 2, 'text: checkout heading');
  if (PAYMENT_HEADING.test(h1)) add('payment', 2, 'text: payment heading');
  if (ACCOUNT_HEADING.test(h1)) add('account', 2, 'text: account heading');
  if (CONTACT_TEXT.test(h1) || CONTACT_TEXT.test(title)) add('contact', 2, 'text: contact');

  return pick(scores);
}

function pick(scores: Map<PageType, { score: number; reasons: string[] }>): PageTypeGuess {
  let best: PageType = 'other';
  let top = 0;
  let second = 0;
  for (const type of PRIORITY) {
    const score = scores.get(type)?.score ?? 0;
    if (score > top) {
      second = top;
      top = score;
      best = type;
    } else if (score > second) {
      second = score;
    }
  }
  if (top < MIN_SCORE) {
    const weak = [...scores.values()].flatMap((s) => s.reasons);
    return { type: 'other', confidence: weak.length ? 0.2 : 0.1, reasons: ['no decisive cue', ...weak] };
  }
  // Saturating in the score, discounted when the runner-up is close.
  const confidence = (top / (top + 3)) * (0.5 + (0.5 * (top - second)) / top);
  return {
    type: best,
    confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
    reasons: scores.get(best)?.reasons ?? [],
  };
}
