/**
 * Page facts: the small, serialisable evidence a content script gathers about a page, so that
 * page-type classification can run anywhere (background, tests) without a DOM.
 * Privacy: reads markup, attributes and static text only — never what the shopper typed
 * (no `.value` of text fields; only `value` attributes of submit/button inputs, which are labels).
 */
import { routeOf } from './route-url';

/** Serialisable facts about one page; counts are capped, texts collapsed and trimmed. */
export interface PageFacts {
  /** Page address as given; the classifier parses its path, query and hash. */ url: string;
  /** document.title, whitespace collapsed, ≤ 200 chars. */ title: string;
  /** Text of the first h1, whitespace collapsed, ≤ 200 chars. */ h1: string;
  /** meta property="og:type" content, lowercased ('' when absent). */ ogType: string;
  /** schema.org @type values from JSON-LD (top level, @graph, mainEntity), lowercased, unique. */ ldTypes: string[];
  /** JSON-LD items typed Product/ProductGroup among those (several suggests a listing). */ ldProductCount: number;
  /** Last path segment of microdata itemtype URLs, lowercased, unique. */ microdataTypes: string[];
  /** Items in the breadcrumb trail (markup or JSON-LD BreadcrumbList); 0 when none. */ breadcrumbDepth: number;
  /** Outermost elements that look like product cards or tiles. */ productCardCount: number;
  /** Distinct links to product-shaped addresses (/products/x, /p/x, …-p-12.html): cards without card classes. */ productLinkCount: number;
  /** Outermost elements that look like prices. */ priceCount: number;
  /** Add-to-cart controls (button text/attributes, or cart-add forms). */ addToCartCount: number;
  /** A quantity field in (or tied by form="…" to) a form with an add-to-cart control: a buy box. */ hasBuyForm: boolean;
  /** A control that sorts a product list (sort select, "Sort by" label). */ hasSortControl: boolean;
  /** Quantity inputs or selects. */ quantityInputCount: number;
  /** A size/colour/variant selector is present. */ hasVariantSelector: boolean;
  /** Cart line items (line elements or per-line quantity inputs). */ cartItemCount: number;
  /** A "proceed to checkout" style control is present. */ hasCheckoutButton: boolean;
  /** Password fields. */ passwordFieldCount: number;
  /** Card number / expiry / security-code fields in the page itself. */ cardFieldCount: number;
  /** Iframes of card-payment providers (hosted card fields). */ paymentFrameCount: number;
  /** Postal address fields (street, postcode, city, country). */ addressFieldCount: number;
  /** E-mail fields. */ emailFieldCount: number;
  /** Search-results wording, or a search box while the URL carries a search query parameter. */ hasSearchResultsCue: boolean;
  /** Distinct order-confirmation phrases found (thank-you heading, order confirmed, order number…). */ confirmationCueCount: number;
  /** A password field belonging to a sign-in or registration form. */ hasLoginForm: boolean;
  /** A form with a message textarea and an e-mail field (review/comment and address forms excluded). */ hasContactForm: boolean;
  /** The site's home link (the logo's) leads to this very page: a home page, even under a path prefix. */ homeLinkIsSelf: boolean;
}

/** A product page's path in the common platforms' shapes; shared with the classifier's URL rules. */
export const PRODUCT_PATH =
  /(?:^|\/)(?:products?|produits?|producto|prodotto|produkt|p|dp|item|catalog\/product\/view)\/[^/]+|-p-\d+(?:\.html)?$|\/\d+(?:-\d+)?-[^/]+\.html$/;

/** URL query parameters that carry a site-search query. */
export const SEARCH_PARAMS = ['q', 'query', 'search', 's', 'keyword', 'keywords', 'k', 'term', 'search_query', 'recherche'] as const;

const MAX_TEXT = 200;
const MAX_NODES = 400;
const MAX_LD_SCRIPTS = 20;
const MAX_LD_CHARS = 500_000;

const PRODUCT_CARD_SEL =
  '.product-card, .product-item, .product-tile, .product-miniature, .product-grid-item, .grid-product, ' +
  '.card-product, .productCard, .ProductCard, .product-thumb, li.product, .products > .product, .product-card-wrapper, .product-box, ' +
  '[data-product-id], [data-product-card], [itemtype$="schema.org/Product"]';
const PRICE_SEL =
  '[itemprop="price"], .price, .product-price, .price-item, .money, [data-price], [data-price-amount], ' +
  '.woocommerce-Price-amount, [class*="price"]';
const CART_LINE_SEL =
  '.cart-item, .cart__item, .cart_item, .cart-line-item, .line-item, .CartItem, [data-cart-item], ' +
  '[data-cart-item-key], .woocommerce-cart-form__cart-item, tbody.cart.item, .product-line-grid';
const BUTTON_SEL =
  'button, input[type="submit"], input[type="button"], [role="button"], a[class*="cart"], a[class*="btn"], a[class*="button"]';
const BREADCRUMB_SEL =
  '[itemtype$="BreadcrumbList"], nav[aria-label*="readcrumb"], nav[aria-label*="fil d"], .breadcrumb, .breadcrumbs, #breadcrumbs, [class*="breadcrumb"]';
const SORT_SEL =
  'select[name*="sort"], select[id*="sort"], select[name="orderby"], select[name="order"], select[class*="sorter"], select[class*="sorting"], ' +
  'select[class*="orderby"], a[href*="?sort="], a[href*="&sort="], a[href*="?order="], a[href*="&order="], ' +
  '.products-sort-order, .sort-by, .sort-by-row, .toolbar-sorter, .woocommerce-ordering, [class*="sort-select"]';
const VARIANT_SEL = 'variant-radios, variant-selects, variant-picker, .swatch-attribute, [class*="variant-picker"]';

// Regexes run on accent-folded, lowercased text.
const ATC_TEXT =
  /add to (?:shopping )?(?:cart|bag|basket)|ajout(?:er)? (?:au|a mon) panier|\bacheter\b|buy now|achat immediat|in den (?:warenkorb|einkaufswagen)|(?:zum|in den) warenkorb hinzufugen|(?:anadir|agregar|anade) al (?:carrito|cesta)|aggiungi al carrello|(?:in (?:de |mijn )?winkel(?:wagen|mand)(?:je)?|toevoegen aan (?:de |mijn )?winkel(?:wagen|mand)(?:je)?)/;
const ATC_ATTR = /add[-_ ]?to[-_ ]?(?:cart|bag|basket)|addtocart|add_to_cart|ajout(?:er)?[-_]?(?:au[-_])?panier|tocart|btn-cart|product-form__submit/;
const CHECKOUT_TEXT =
  /check ?out|proceed to|passer (?:la |ma )?commande|\bcommander\b|valider (?:mon |le |votre )?panier|finaliser|zur kasse|\bkasse\b|finalizar (?:la )?compra|tramitar (?:el )?pedido|procedi (?:all'acquisto|al checkout|all'ordine)|vai alla cassa|\bafrekenen\b|naar de kassa|verder naar bestellen/;
const LOGIN_TEXT =
  /sign ?in|log ?in|connexion|se connecter|s'identifier|identifiez|create (?:an )?account|creer (?:un |mon )?compte|register|s'inscrire|mon compte|my account|anmelden|einloggen|konto erstellen|registrieren|mein konto|iniciar sesion|acceder|crear (?:una )?cuenta|registrarse|mi cuenta|\baccedi\b|registrati|crea(?:re)? (?:un )?account|il mio account|inloggen|aanmelden|account aanmaken|registreren|mijn account/;
const LOGIN_ATTR = /login|signin|sign-in|connexion|authentication|account|compte|register|customer|konto|cuenta|accedi|inloggen/;
const CARD_ATTR = /\bcc[-_ ]?(?:number|num|no|exp|csc|cvc)|(?:card|carte)[-_ ]?(?:number|num|no\b|numero)|cardnumber|numero[-_ ]?(?:de[-_ ]?)?carte|kartennummer|numero[-_ ]?(?:de[-_ ]?)?tarjeta|numero[-_ ]?(?:di[-_ ]?|della[-_ ]?)?carta|kaartnummer|\bcvc\b|\bcvv\b|\bcsc\b|cryptogram|security[-_ ]?code|card[-_ ]?(?:expiry|exp|expiration)/;
const CARD_HINT = /card|carte|tarjeta|carta|karte|kaart|\bcc\b|\d{4} ?\d{4}|[•*x]{4}/;
const NOT_PAYMENT_CARD = /gift|cadeau|loyalty|fidelite|voucher/;
const ADDRESS_ATTR =
  /address|adresse|street|post_?code|postal|(?<![a-z])(?:zip|city|ville|rue|country|pays|strasse|plz|direccion|calle|localidad|provincia|indirizzo|citta|straat|woonplaats|huisnummer)/;
const EMAIL_ATTR = /e-?mail|courriel|correo/;
const QTY_ATTR = /qty|quantity|quantite|menge|cantidad|quantita|aantal/;
const CART_QTY_ATTR = /updates|cart|basket|panier|carrito|carrello|warenkorb|winkelwagen/;
const VARIANT_ATTR =
  /option|variant|size|taille|colou?r|couleur|pointure|attribute_|super_attribute|group\[|grosse|farbe|talla|taglia|colore|maat|kleur/;
const PAY_FRAME = /card-fields|hosted-?fields?|pci\.shopify|elements-inner-card|elements-inner-payment(?!-request)|adyen|braintree|checkout\.com|payplug|hipay|mollie|systempay|lyra|monetico|paybox|worldline|ingenico|cybersource|secure (?:credit )?card|card number|numero de carte|carte bancaire|kartennummer|numero de (?:la )?tarjeta|numero (?:di|della) carta|kaartnummer/;
const SEARCH_TEXT = new RegExp(
  [
    'search results|results? for\\b|you searched for|your search returned|no results',
    'resultats? (?:de (?:la |votre )?recherche|pour)|vous avez recherche|aucun resultat|votre recherche',
    'suchergebnisse|ergebnisse fur|ihre suche|keine ergebnisse|sie suchten',
    'resultados de (?:la )?busqueda|resultados para|has buscado|no se (?:han )?encontr|sin resultados',
    'risultati (?:della )?ricerca|risultati per|hai cercato|nessun risultato',
    'zoekresultaten|resultaten (?:gevonden )?voor|je zocht|geen resultaten',
  ].join('|'),
);
const CONFIRMATION_PHRASES: RegExp[] = [
  // Thanks for the order.
  new RegExp(
    [
      '(?:thank you|thanks) for (?:your )?(?:order|purchase)|merci (?:pour|de) (?:votre|ta) (?:commande|achat)',
      '(?:vielen )?dank fur ihre[nm]? (?:bestellung|einkauf)',
      'gracias por (?:tu|su) (?:pedido|compra)|gracias\\. tu pedido',
      "grazie per (?:il tuo |l'|il )?(?:ordine|acquisto)",
      'bedankt voor (?:je|uw) (?:bestelling|aankoop)',
    ].join('|'),
  ),
  // The order is confirmed / received.
  new RegExp(
    [
      'order (?:is |has been )?(?:confirmed|received|placed|complete)|order confirmation',
      'commande (?:a (?:bien )?ete |est )?(?:confirmee|validee|enregistree)|confirmation de (?:votre |la )?commande|votre commande a bien ete',
      'bestellung (?:ist |wurde )?(?:bestatigt|eingegangen|aufgegeben|erfolgreich)|bestellbestatigung',
      'pedido (?:ha sido |fue |se ha )?(?:recibido|confirmado|realizado)|confirmacion (?:de(?:l)? )?pedido',
      "ordine (?:e stato |e )?(?:confermato|ricevuto|completato)|conferma (?:dell')?ordine",
      'bestelling (?:is )?(?:bevestigd|ontvangen|geplaatst)|orderbevestiging',
    ].join('|'),
  ),
  // An order number.
  new RegExp(
    [
      'order (?:number|no\\.?|#|n°|id)\\b|n° de commande|numero de commande|no de commande|reference de (?:votre |la )?commande|order reference',
      'bestellnummer|auftragsnummer|numero (?:de(?:l)?|del) pedido|numero d(?:i |ell\')ordine|bestelnummer|ordernummer',
    ].join('|'),
  ),
];
const THANKS_HEADING = /\b(?:merci|thank you|thanks|danke|vielen dank|gracias|grazie|bedankt|dank je|dank u)\b/;
const FEEDBACK_FORM = /comment|review|avis|rating|bewertung|valoracion|recensione|beoordeling/;
/** Elements that hold the site's logo, whose link is the site's home. */
const LOGO_SEL = 'a[rel~="home"], a[class*="logo"], [id*="logo"] a, [class*="logo"] > a, img[class*="logo"], img[src*="logo"]';

/** Lowercase and strip diacritics so that one regex covers "catégorie" and "categorie". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function clean(text: string | null | undefined, max = MAX_TEXT): string {
  // Slice before collapsing whitespace so a huge node costs no more than a small one.
  return (text ?? '').slice(0, max * 4).replace(/\s+/g, ' ').trim().slice(0, max);
}

function take(root: ParentNode, selector: string, max = MAX_NODES): Element[] {
  const list = root.querySelectorAll(selector);
  return Array.from({ length: Math.min(list.length, max) }, (_, i) => list.item(i)).filter((el): el is Element => el !== null);
}

/** Counts matches that are not nested in another match, so a card's inner parts do not inflate the count. */
function countOutermost(root: ParentNode, selector: string): number {
  return take(root, selector).filter((el) => !el.parentElement?.closest(selector)).length;
}

function attrHint(el: Element, names: readonly string[] = ['name', 'id', 'class', 'placeholder', 'aria-label']): string {
  return fold(names.map((n) => el.getAttribute(n) ?? '').join(' '));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function typeName(raw: string): string {
  // "http://schema.org/Product" and "schema:Product" both become "product".
  return (raw.split(/[/#:]/).pop() ?? '').trim().toLowerCase();
}

function readJsonLd(doc: Document): { types: Set<string>; products: number; breadcrumb: number } {
  const types = new Set<string>();
  let products = 0;
  let breadcrumb = 0;
  for (const script of take(doc, 'script[type="application/ld+json"]', MAX_LD_SCRIPTS)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // Malformed JSON-LD is common in the wild; it must not break extraction.
    }
    const items: Record<string, unknown>[] = [];
    for (const top of asArray(data)) {
      if (!isRecord(top)) continue;
      for (const item of [top, ...asArray(top['@graph'])]) {
        if (!isRecord(item)) continue;
        items.push(item);
        for (const main of asArray(item['mainEntity'])) if (isRecord(main)) items.push(main);
      }
    }
    for (const item of items.slice(0, MAX_NODES)) {
      const names = asArray(item['@type']).filter((t): t is string => typeof t === 'string').map(typeName);
      names.forEach((n) => n && types.add(n));
      if (names.includes('product') || names.includes('productgroup')) products++;
      if (names.includes('breadcrumblist')) breadcrumb = Math.max(breadcrumb, asArray(item['itemListElement']).length);
    }
  }
  return { types, products, breadcrumb };
}

function urlHasSearchQuery(url: string): boolean {
  // The route's query: "/#/search?q=lamp" carries a search as much as "/search?q=lamp".
  const params = new URLSearchParams(routeOf(url).search);
  return SEARCH_PARAMS.some((p) => (params.get(p) ?? '').trim() !== '');
}

/** The route path of `href` resolved against `base`, without trailing slash or index file; null when unparsable. */
function samePath(href: string, base: string): string | null {
  let absolute: string;
  try {
    absolute = new URL(href, base).href;
  } catch {
    return null;
  }
  const { path } = routeOf(absolute);
  return path.replace(/\/(?:index\.(?:html?|php))?$/, '').toLowerCase();
}

/** Collects {@link PageFacts} from a document with a few bounded queries; never throws on bad JSON-LD. */
export function extractPageFacts(doc: Document = document, url: string = doc.URL): PageFacts {
  const ld = readJsonLd(doc);
  const microdata = new Set<string>();
  for (const el of take(doc, '[itemtype]', 200)) {
    for (const t of (el.getAttribute('itemtype') ?? '').split(/\s+/)) if (t) microdata.add(typeName(t));
  }
  microdata.delete('');

  // One pass over form controls: attributes only, never `.value`.
  let password = 0, card = 0, address = 0, email = 0, qty = 0, cartQty = 0;
  let searchInput = false, variant = take(doc, VARIANT_SEL, 1).length > 0, loginAttr = false;
  const qtyFields: Element[] = [];
  for (const el of take(doc, 'input, select, textarea')) {
    const tag = el.tagName.toLowerCase();
    const type = fold(el.getAttribute('type') ?? (tag === 'input' ? 'text' : tag));
    if (['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'file'].includes(type)) continue;
    const ac = fold(el.getAttribute('autocomplete') ?? '');
    const hint = attrHint(el);
    const name = fold(`${el.getAttribute('name') ?? ''} ${el.id}`);
    if (type === 'password') {
      password++;
      const form = el.closest('form');
      if (/current-password|new-password/.test(ac) || (form && LOGIN_ATTR.test(attrHint(form, ['action', 'id', 'class', 'name'])))) loginAttr = true;
      continue;
    }
    const numeric = fold(el.getAttribute('inputmode') ?? '') === 'numeric';
    if (!NOT_PAYMENT_CARD.test(hint) && (/\bcc-(?:number|csc|exp)/.test(ac) || CARD_ATTR.test(hint) || (numeric && CARD_HINT.test(hint)))) {
      card++;
    } else if (type === 'email' || /\bemail\b/.test(ac) || EMAIL_ATTR.test(name)) {
      email++;
    } else if (/street-address|address-line|address-level[12]|postal-code|\bcountry\b/.test(ac) || ADDRESS_ATTR.test(name)) {
      address++;
    } else if (QTY_ATTR.test(name)) {
      qty++;
      if (CART_QTY_ATTR.test(name)) cartQty++;
      else qtyFields.push(el);
    } else if (type === 'search' || SEARCH_PARAMS.some((p) => p === fold(el.getAttribute('name') ?? ''))) {
      searchInput = true;
    } else if ((tag === 'select' || type === 'radio') && VARIANT_ATTR.test(name)) {
      variant = true;
    }
  }

  // Buttons: visible labels and attributes tell add-to-cart and checkout controls apart.
  let addToCart = 0, checkoutButton = false, loginText = false;
  const atcForms = new Set<Element>();
  for (const el of take(doc, BUTTON_SEL)) {
    const isInput = el.tagName.toLowerCase() === 'input';
    const label = fold(clean(isInput ? el.getAttribute('value') : el.textContent, 80));
    const hint = attrHint(el, ['name', 'id', 'class', 'data-action', 'data-button-action', 'aria-label']);
    if (ATC_TEXT.test(label) || ATC_ATTR.test(hint) || fold(el.getAttribute('name') ?? '') === 'add') {
      addToCart++;
      const form = el.closest('form');
      if (form) atcForms.add(form);
    } else if (CHECKOUT_TEXT.test(label) || fold(el.getAttribute('name') ?? '') === 'checkout') {
      checkoutButton = true;
    }
    if (LOGIN_TEXT.test(label)) loginText = true;
  }
  for (const form of take(doc, 'form[action*="/cart/add"], form[action*="cart/add/"]', 50)) if (!atcForms.has(form)) addToCart++;
  // A quantity field in (or tied by form="…" to) an add-to-cart form: the product's own buy box,
  // unlike the quick-add buttons of related-product cards.
  const hasBuyForm = qtyFields.some((el) => {
    const owner = el.getAttribute('form');
    const form = owner ? doc.getElementById(owner) : el.closest('form');
    return form !== null && atcForms.has(form);
  });

  let contactForm = false;
  for (const area of take(doc, 'textarea', 10)) {
    const form = area.closest('form');
    if (!form || FEEDBACK_FORM.test(attrHint(form, ['action', 'id', 'class', 'name']))) continue;
    // A checkout's "order notes" textarea sits in an address form: that is not a contact form.
    const addressLike = take(form, 'input, select', 60).filter((el) => ADDRESS_ATTR.test(fold(`${el.getAttribute('name') ?? ''} ${el.id}`))).length;
    if (addressLike >= 2) continue;
    if (form.querySelector('input[type="email"], input[name*="mail"], input[autocomplete="email"]')) contactForm = true;
  }

  let paymentFrames = 0;
  for (const frame of take(doc, 'iframe', 30)) {
    if (PAY_FRAME.test(attrHint(frame, ['src', 'name', 'title', 'id', 'class']))) paymentFrames++;
  }

  // Text cues come from the title, headings and a small sample of the main content, never the whole tree.
  const title = clean(doc.title);
  const headings = [title, ...take(doc, 'h1, h2', 30).map((h) => clean(h.textContent))].map(fold);
  const main = doc.querySelector('main, [role="main"], #main, #content, #maincontent') ?? doc.body;
  const sample = main ? take(main, 'h3, h4, p, li, td, dd, dt, strong, [class*="order-number"]', 80).map((el) => fold(clean(el.textContent, 160))) : [];
  const allText = [...headings, ...sample].join('\n');
  const confirmationCueCount =
    CONFIRMATION_PHRASES.filter((re) => re.test(allText)).length + (headings.some((h) => THANKS_HEADING.test(h)) ? 1 : 0);

  const here = samePath(url, url);
  const homeLinkIsSelf = take(doc, LOGO_SEL, 6).some((el) => {
    const link = el.tagName.toLowerCase() === 'a' ? el : el.closest('a');
    const href = link?.getAttribute('href')?.trim() ?? '';
    // "#" or "" would resolve to the page itself without being a home link.
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return false;
    return here !== null && samePath(href, url) === here;
  });

  const productLinks = new Set<string>();
  for (const a of take(doc, 'a[href]')) {
    const target = samePath(a.getAttribute('href') ?? '', url);
    if (target && target !== here && PRODUCT_PATH.test(target)) productLinks.add(target);
  }

  const crumbs = doc.querySelector(BREADCRUMB_SEL);
  const crumbDepth = crumbs ? take(crumbs, 'li', 20).length || take(crumbs, 'a', 20).length : 0;

  return {
    url,
    title,
    h1: clean(doc.querySelector('h1')?.textContent),
    ogType: fold(clean(doc.querySelector('meta[property="og:type"]')?.getAttribute('content'), 50)),
    ldTypes: [...ld.types].sort(),
    ldProductCount: ld.products,
    microdataTypes: [...microdata].sort(),
    breadcrumbDepth: Math.max(crumbDepth, ld.breadcrumb),
    productCardCount: countOutermost(doc, PRODUCT_CARD_SEL),
    productLinkCount: productLinks.size,
    priceCount: countOutermost(doc, PRICE_SEL),
    addToCartCount: addToCart,
    hasBuyForm,
    hasSortControl: take(doc, SORT_SEL, 1).length > 0,
    quantityInputCount: qty,
    hasVariantSelector: variant,
    cartItemCount: Math.max(take(doc, CART_LINE_SEL, 200).length, cartQty),
    hasCheckoutButton: checkoutButton,
    passwordFieldCount: password,
    cardFieldCount: card,
    paymentFrameCount: paymentFrames,
    addressFieldCount: address,
    emailFieldCount: email,
    hasSearchResultsCue: SEARCH_TEXT.test(allText) || (searchInput && urlHasSearchQuery(url)),
    confirmationCueCount,
    hasLoginForm: password > 0 && (loginAttr || loginText || headings.some((h) => LOGIN_TEXT.test(h))),
    hasContactForm: contactForm,
    homeLinkIsSelf,
  };
}

/**
 * Facts from an address alone (a page whose document was never read: left before its recorder
 * started); the classifier then types it from its URL, and its title when known.
 */
export function urlFacts(url: string, title = ''): PageFacts {
  return {
    url,
    title: title.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT),
    h1: '',
    ogType: '',
    ldTypes: [],
    ldProductCount: 0,
    microdataTypes: [],
    breadcrumbDepth: 0,
    productCardCount: 0,
    productLinkCount: 0,
    priceCount: 0,
    addToCartCount: 0,
    hasBuyForm: false,
    hasSortControl: false,
    quantityInputCount: 0,
    hasVariantSelector: false,
    cartItemCount: 0,
    hasCheckoutButton: false,
    passwordFieldCount: 0,
    cardFieldCount: 0,
    paymentFrameCount: 0,
    addressFieldCount: 0,
    emailFieldCount: 0,
    hasSearchResultsCue: false,
    confirmationCueCount: 0,
    hasLoginForm: false,
    hasContactForm: false,
    homeLinkIsSelf: false,
  };
}
