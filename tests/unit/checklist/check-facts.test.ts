// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCheckFacts, type CheckFacts } from '../../../utils/checklist/check-facts';
import { checkFactsSchema } from '../../../utils/checklist/check-facts-schema';
import { startShop, type Shop } from '../../../scripts/automation/shop';

// Each document gets its own happy-dom Window so that its URL (protocol, origin) is the page's.
// Scripts are neither loaded nor run: facts that depend on script-rendered content are noted below.
function windowAt(url: string): Window {
  return new Window({ url, settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
}

function dom(url: string, html: string): Document {
  const window = windowAt(url);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** A fixture page as its server sends it; fetched by a window at the same URL, so no CORS applies. */
async function served(url: string): Promise<Document> {
  const window = windowAt(url);
  const response = await window.fetch(url);
  expect(response.status).toBe(200);
  window.document.write(await response.text());
  return window.document as unknown as Document;
}

const page = (body: string, head = '', url = 'https://shop.example/p') =>
  dom(url, `<!doctype html><html lang="fr"><head><title>T</title>${head}</head><body>${body}</body></html>`);
const facts = (body: string, head = '', url = 'https://shop.example/p') => extractCheckFacts(page(body, head, url), url);
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('extractCheckFacts on the fixture shop (real HTML from its server)', () => {
  let shop: Shop;
  const byPath = new Map<string, CheckFacts>();
  const PATHS = ['/', '/category/chaussures', '/search?q=derby', '/produit/derby-cuir', '/produit/basket-lin', '/panier', '/commande', '/paiement', '/confirmation', '/contact'];

  beforeAll(async () => {
    shop = await startShop();
    for (const path of PATHS) {
      const url = shop.origin + path;
      byPath.set(path, extractCheckFacts(await served(url), url));
    }
  });
  afterAll(() => shop.close());

  const at = (path: string): CheckFacts => {
    const f = byPath.get(path);
    if (!f) throw new Error(`no facts for ${path}`);
    return f;
  };

  it('gives what every page shares: http, header search, lang, viewport, logo link, one h1, labelled fields, footer links', () => {
    for (const path of PATHS) {
      expect(at(path), path).toMatchObject({
        protocol: 'http',
        searchField: true,
        lang: 'fr',
        zoomBlock: '',
        homeLink: true,
        hasTitle: true,
        h1Count: 1,
        unlabelledFields: 0,
        returnPolicyLink: true, // footer "Retours & échanges"
        termsLink: false, // the shop links to no CGV
        legalNoticeLink: false, // nor to a legal notice
      });
      expect(at(path).contactMeans, path).toContain('page');
    }
  });

  it('every page passes the schema the background validates with, unchanged', () => {
    for (const path of PATHS) expect(checkFactsSchema.parse(at(path)), path).toEqual(at(path));
  });

  it('home: 2 of 6 images lack alt; the cookie banner is in the HTML (hidden until shop.js shows it) with its refuse button', () => {
    expect(at('/')).toMatchObject({ imageCount: 6, imagesWithoutAlt: 2, cookieBanner: 'hidden', cookieRefuseLabel: 'Continuer sans accepter' });
    expect(at('/category/chaussures').cookieBanner).toBe('none');
  });

  it('listing and search: prices with €, breadcrumb on the listing (markup and JSON-LD)', () => {
    expect(at('/category/chaussures')).toMatchObject({ breadcrumb: true, imagesWithoutAlt: 0, pricesWithoutCurrency: 0 });
    expect(at('/category/chaussures').pricesWithCurrency).toBeGreaterThanOrEqual(6);
    expect(at('/search?q=derby').pricesWithCurrency).toBeGreaterThanOrEqual(8); // cards are in the HTML; search.js only hides some
  });

  it('product: JSON-LD offer with EUR and availability, shippingDetails without shippingRate, no delivery amount shown', () => {
    expect(at('/produit/derby-cuir')).toMatchObject({
      ldProduct: true,
      ldCurrency: 'EUR',
      ldAvailability: 'InStock',
      ldShippingDetails: true,
      ldShippingRate: false,
      deliveryCost: 'none',
      breadcrumb: true,
      imagesWithoutAlt: 0,
    });
    expect(at('/produit/basket-lin')).toMatchObject({ ldShippingDetails: false, imagesWithoutAlt: 1 });
  });

  it('cart and checkout: delivery "calculated at the next step", steps 1/4 and 2/4; checkout forces an account', () => {
    // Cart lines are rendered by cart.js and absent here; the summary and the steps are in the HTML.
    expect(at('/panier')).toMatchObject({ deliveryCost: 'later', deliveryAmount: '', checkoutSteps: true, currentStep: 1, stepCount: 4 });
    expect(at('/commande')).toMatchObject({
      deliveryCost: 'later',
      currentStep: 2,
      passwordFields: 1,
      passwordRequired: true,
      guestOption: false,
    });
  });

  it('payment: delivery 12,90 €, step 3/4, one payment method (CB), an explicit pay button', () => {
    expect(at('/paiement')).toMatchObject({
      deliveryCost: 'amount',
      deliveryAmount: '12,90 €',
      currentStep: 3,
      paymentMethods: ['cb'],
      payButtonLabel: 'Payer la commande',
      payButtonExplicit: true,
      passwordFields: 0,
    });
  });

  it('confirmation shows the order number; contact has a form', () => {
    expect(at('/confirmation').orderNumber).toBe(true);
    expect(at('/paiement').orderNumber).toBe(false);
    expect(at('/contact').contactMeans).toEqual(['form', 'page']);
  });
});

describe('extractCheckFacts: structured data', () => {
  it('finds offers in @graph, arrays and untyped "offers", with shippingRate', () => {
    const f = facts(
      '',
      ld({
        '@graph': [
          { '@type': 'WebPage' },
          {
            '@type': 'Product',
            offers: [{ price: '9.90', priceCurrency: 'USD', availability: 'http://schema.org/OutOfStock', shippingDetails: [{ shippingRate: { value: 4.9 } }] }],
          },
        ],
      }),
    );
    expect(f).toMatchObject({ ldProduct: true, ldCurrency: 'USD', ldAvailability: 'OutOfStock', ldShippingDetails: true, ldShippingRate: true });
  });

  it('reads microdata, survives malformed JSON-LD, and reports nothing for a page without any', () => {
    const f = facts(
      '<div itemscope itemtype="https://schema.org/Product"><link itemprop="availability" href="https://schema.org/InStock"><meta itemprop="priceCurrency" content="GBP"></div>',
      '<script type="application/ld+json">{ oops</script>',
    );
    expect(f).toMatchObject({ ldProduct: true, ldAvailability: 'InStock', ldCurrency: 'GBP', ldShippingDetails: false });
    expect(facts('<p>hi</p>')).toMatchObject({ ldProduct: false, ldAvailability: '', ldCurrency: '', breadcrumb: false, orderNumber: false });
  });

  it('JSON-LD Order with an orderNumber counts; one without does not', () => {
    expect(facts('', ld({ '@type': 'Order', orderNumber: 'A-1' })).orderNumber).toBe(true);
    expect(facts('', ld({ '@type': 'Order', orderNumber: ' ' })).orderNumber).toBe(false);
  });
});

describe('extractCheckFacts: text cues', () => {
  it('counts prices with a currency and price elements without one', () => {
    expect(facts('<p>$12.99</p><p>£5</p><p>1 290,00 €</p><p>12,00 EUR</p><p>30 jours</p>').pricesWithCurrency).toBe(4);
    const bare = facts('<span class="price">89,00</span><span class="product-price"><span class="price-amount">12</span> €</span>');
    expect(bare).toMatchObject({ pricesWithCurrency: 1, pricesWithoutCurrency: 1 });
  });

  it.each([
    ['<p>Livraison offerte dès 50 €</p>', 'free', ''],
    ['<p>Free shipping on all orders</p>', 'free', ''],
    ['<dl><dt>Frais de livraison :</dt><dd>4,90 €</dd></dl>', 'amount', '4,90 €'],
    ['<p>Livraison Colissimo (48 h) : 6,50 €</p>', 'amount', '6,50 €'],
    ['<p>Shipping calculated at checkout</p><p>Subtotal 20,00 €</p>', 'later', ''],
    ['<dl><dt>Sous-total</dt><dd>0,00 €</dd><dt>Frais de livraison</dt><dd>calculés à l’étape suivante</dd><dt>Total</dt><dd>0,00 €</dd></dl>', 'later', ''],
    ['<p>Livraison en 2 à 4 jours ouvrés.</p><p>Retours gratuits</p>', 'none', ''],
  ])('delivery cost in %s → %s', (body, cost, amount) => {
    expect(facts(body)).toMatchObject({ deliveryCost: cost, deliveryAmount: amount });
  });

  it('guest checkout wording, in text or on a submit input', () => {
    expect(facts('<button>Commander sans créer de compte</button>').guestOption).toBe(true);
    expect(facts('<form><input type="submit" value="Continue as guest"></form>').guestOption).toBe(true);
    expect(facts('<p>Continuer en tant qu’invité</p>').guestOption).toBe(true);
    expect(facts('<legend>Créer un compte pour continuer</legend>').guestOption).toBe(false);
  });

  it('order numbers need a marker and a number', () => {
    expect(facts('<h1>Thank you! Order #10023 is confirmed</h1>').orderNumber).toBe(true);
    expect(facts('<p>Numéro de commande : <b>FR-88812</b></p>').orderNumber).toBe(true);
    expect(facts('<h1>Merci pour votre commande</h1>').orderNumber).toBe(false);
  });

  it('checkout steps from text « étape x/y »', () => {
    expect(facts('<p>Étape 2/3 : livraison</p>')).toMatchObject({ checkoutSteps: true, currentStep: 2, stepCount: 3 });
    expect(facts('<ol class="progress"><li>A</li></ol><p>Votre panier</p>')).toMatchObject({ checkoutSteps: false, currentStep: 0, stepCount: 0 });
  });

  it('steps list with a current item marked by class', () => {
    expect(facts('<ul class="checkout-steps"><li>Panier</li><li class="is-active">Livraison</li><li>Paiement</li></ul>')).toMatchObject({
      checkoutSteps: true,
      currentStep: 2,
      stepCount: 3,
    });
  });
});

describe('extractCheckFacts: markup cues', () => {
  it('protocol comes from the URL', () => {
    expect(facts('', '', 'https://shop.example/').protocol).toBe('https');
    expect(facts('', '', 'http://shop.example/').protocol).toBe('http');
  });

  it('search field: type=search, role=search, or a field named q; not a hidden one', () => {
    expect(facts('<input type="search" aria-label="Search">').searchField).toBe(true);
    expect(facts('<div role="search"><button>Search</button></div>').searchField).toBe(true);
    expect(facts('<form><input name="q" aria-label="Chercher"></form>').searchField).toBe(true);
    expect(facts('<div hidden><input type="search"></div><input name="email">').searchField).toBe(false);
    expect(facts('<input type="hidden" name="q" value="x">').searchField).toBe(false);
  });

  it('images: alt="" is a choice, a missing alt is not; tracking pixels and presentational images are ignored', () => {
    const f = facts('<img src="a.png" alt="A"><img src="b.png" alt=""><img src="c.png"><img src="px.gif" width="1" height="1"><img src="d.png" role="presentation">');
    expect(f).toMatchObject({ imageCount: 3, imagesWithoutAlt: 1 });
  });

  it('lang and viewport zoom', () => {
    expect(extractCheckFacts(dom('https://s.example/', '<html><head></head><body></body></html>')).lang).toBe('');
    expect(facts('', '<meta name="viewport" content="width=device-width, user-scalable=no">').zoomBlock).toBe('user-scalable=no');
    expect(facts('', '<meta name="viewport" content="width=device-width, maximum-scale=1.0">').zoomBlock).toBe('maximum-scale=1.0');
    expect(facts('', '<meta name="viewport" content="width=device-width, maximum-scale=5">').zoomBlock).toBe('');
    expect(facts('').zoomBlock).toBe('');
  });

  it('cookie banner: shown with a refuse button, without one, or with refuse only in a hidden second layer', () => {
    expect(facts('<div id="didomi-popup"><p>Nous utilisons des cookies.</p><button>Accepter</button><button>Tout refuser</button></div>')).toMatchObject({
      cookieBanner: 'shown',
      cookieRefuseLabel: 'Tout refuser',
    });
    const secondLayer =
      '<div class="consent-banner"><p>This site uses cookies.</p><button>Accept all</button><button>Settings</button>' +
      '<div class="consent-details" hidden><button>Reject all</button></div></div>';
    expect(facts(secondLayer)).toMatchObject({ cookieBanner: 'shown', cookieRefuseLabel: '' });
    expect(facts('<div role="dialog"><p>Newsletter</p><button>Non merci</button></div>').cookieBanner).toBe('none');
  });

  it('a cookie class on <body> is not a banner', () => {
    expect(facts('<p>cookies</p>').cookieBanner).toBe('none');
    const doc = page('<p>Nous aimons les cookies au chocolat.</p>');
    doc.body.className = 'has-cookie-banner';
    expect(extractCheckFacts(doc, 'https://shop.example/p').cookieBanner).toBe('none');
  });

  it('password fields: visible ones, and whether one is required', () => {
    expect(facts('<label>Mot de passe <input type="password" required></label>')).toMatchObject({ passwordFields: 1, passwordRequired: true });
    expect(facts('<label>Mot de passe <input type="password"></label>')).toMatchObject({ passwordFields: 1, passwordRequired: false });
    expect(facts('<div hidden><input type="password" required aria-label="p"></div>')).toMatchObject({ passwordFields: 0, passwordRequired: false });
  });

  it('breadcrumb from nav aria-label, class or JSON-LD', () => {
    expect(facts('<nav aria-label="Fil d’Ariane"><a href="/">Accueil</a></nav>').breadcrumb).toBe(true);
    expect(facts('<nav aria-label="Breadcrumb"></nav>').breadcrumb).toBe(true);
    expect(facts('<ol class="breadcrumbs"></ol>').breadcrumb).toBe(true);
    expect(facts('', ld({ '@type': 'BreadcrumbList', itemListElement: [] })).breadcrumb).toBe(true);
    expect(facts('<nav aria-label="Menu"></nav>').breadcrumb).toBe(false);
  });

  it('home link: "/", the origin, a language root; not a skip link, another site or a search', () => {
    expect(facts('<a href="/"><img src="/logo.svg" alt="Shop"></a>').homeLink).toBe(true);
    expect(facts('<a href="https://shop.example">Shop</a>').homeLink).toBe(true);
    expect(facts('<a href="/fr/">Accueil</a>').homeLink).toBe(true);
    expect(facts('<a href="#main">Aller au contenu</a>', '', 'https://shop.example/').homeLink).toBe(false);
    expect(facts('<a href="https://other.example/">Other</a><a href="/?q=x">x</a><a href="/shop">Shop</a>').homeLink).toBe(false);
  });

  it('title and h1 count', () => {
    expect(extractCheckFacts(dom('https://s.example/', '<html><head><title> </title></head><body><h1>A</h1><h1>B</h1></body></html>'))).toMatchObject({
      hasTitle: false,
      h1Count: 2,
    });
  });

  it('form labels: for, wrapping label, aria-label, aria-labelledby, title; placeholder alone is not a label', () => {
    const f = facts(
      '<label for="a">A</label><input id="a">' +
        '<label>B <select><option>x</option></select></label>' +
        '<input aria-label="C"><span id="dl">D</span><textarea aria-labelledby="dl"></textarea><input title="E">' +
        '<input placeholder="Votre e-mail"><input type="hidden" name="csrf"><input type="submit" value="OK"><div hidden><input></div>',
    );
    expect(f).toMatchObject({ fieldCount: 6, unlabelledFields: 1 });
  });

  it('links: returns, terms and legal notice by text or path; queries and "back to shop" do not count', () => {
    const f = facts('<a href="/pages/cgv">CGV</a><a href="/mentions-legales">Mentions légales</a><a href="/retours">Retours</a>');
    expect(f).toMatchObject({ termsLink: true, legalNoticeLink: true, returnPolicyLink: true });
    expect(facts('<a href="/terms-of-service">Terms of service</a><a href="/imprint">Imprint</a><a href="/policies/refund-policy">Refunds</a>')).toMatchObject({
      termsLink: true,
      legalNoticeLink: true,
      returnPolicyLink: true,
    });
    const none = facts('<a href="/login?return_url=/checkout">Log in</a><a href="/">Retour à la boutique</a>');
    expect(none).toMatchObject({ termsLink: false, legalNoticeLink: false, returnPolicyLink: false });
  });

  it('contact means: phone, e-mail, contact form, contact page', () => {
    const f = facts(
      '<a href="tel:+33500000000">Appeler</a><a href="mailto:hello@shop.example">Nous contacter</a>' +
        '<form><input type="email" aria-label="e"><textarea aria-label="m"></textarea></form>',
    );
    expect(f.contactMeans).toEqual(['phone', 'email', 'form']);
    expect(facts('<a href="/pages/contact">Contact</a>').contactMeans).toEqual(['page']);
    expect(facts('<a href="/about">À propos</a>').contactMeans).toEqual([]);
  });

  it('payment methods from image alt or file name, svg titles and text, each counted once', () => {
    const f = facts(
      '<img src="/pay/visa.svg" alt=""><img src="/x.png" alt="Mastercard"><svg role="img"><title>PayPal</title></svg>' +
        '<p>Apple Pay et Visa acceptés</p>',
    );
    expect(f.paymentMethods).toEqual(['visa', 'mastercard', 'paypal', 'apple-pay']);
  });

  it('pay button: explicit wording wins; else the card form submit, judged vague', () => {
    expect(facts('<form><input autocomplete="cc-number" aria-label="n"><button>Commander avec obligation de paiement</button></form>')).toMatchObject({
      payButtonLabel: 'Commander avec obligation de paiement',
      payButtonExplicit: true,
    });
    expect(facts('<form><input autocomplete="cc-number" aria-label="n"><button type="submit">Valider</button></form>')).toMatchObject({
      payButtonLabel: 'Valider',
      payButtonExplicit: false,
    });
    // A wallet button names a method; the order's own button is judged.
    expect(facts('<button>Apple Pay</button><form><input autocomplete="cc-number" aria-label="n"><button>Continuer</button></form>')).toMatchObject({
      payButtonLabel: 'Continuer',
      payButtonExplicit: false,
    });
    // The header's buttons are not the page's pay button.
    expect(facts('<header><button>Pay now</button></header><p>Rien</p>')).toMatchObject({ payButtonLabel: '', payButtonExplicit: false });
  });
});

describe('extractCheckFacts: privacy and bounds', () => {
  it('never reads what was typed into fields', () => {
    const doc = page('<form><input id="card" autocomplete="cc-number" aria-label="Carte"><input id="mail" type="email" aria-label="E-mail"><button>Payer</button></form>');
    (doc.getElementById('card') as HTMLInputElement).value = '4111 1111 1111 1111';
    (doc.getElementById('mail') as HTMLInputElement).value = 'secret.person@example.com';
    const text = JSON.stringify(extractCheckFacts(doc, 'https://shop.example/pay'));
    expect(text).not.toContain('4111');
    expect(text).not.toContain('secret.person');
  });

  it('caps its work on huge pages', () => {
    const imgs = '<img src="x.png">'.repeat(1000);
    const digits = '<p>' + '9'.repeat(200_000) + '</p>';
    const f = facts(imgs + digits);
    expect(f.imageCount).toBe(400);
    expect(f.imagesWithoutAlt).toBe(400);
    expect(checkFactsSchema.safeParse(f).success).toBe(true);
  });

  it('still reads the footer links of a page with a huge menu', () => {
    const menu = '<nav>' + '<a href="/c/x">x</a>'.repeat(700) + '</nav>';
    const f = facts(menu + '<footer><a href="/cgv">CGV</a><a href="/mentions-legales">Mentions légales</a></footer>');
    expect(f).toMatchObject({ termsLink: true, legalNoticeLink: true });
  });
});
