import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../../utils/journey/page-facts';
import { classifyPage } from '../../../utils/journey/page-type';

/** A happy-dom document at `url` holding `body` (and optional head markup). */
function page(url: string, body: string, head = ''): Document {
  const window = new Window({ url });
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('extractPageFacts: structured data', () => {
  it('reads JSON-LD types from top level, @graph, arrays of @type and mainEntity', () => {
    const doc = page(
      'https://shop.example/p?id=1',
      '<h1>Mug</h1>',
      ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite' }, { '@type': ['WebPage', 'ItemPage'], mainEntity: { '@type': 'Product' } }] }) +
        ld([{ '@type': 'http://schema.org/Organization' }, { '@type': 'schema:BreadcrumbList', itemListElement: [{}, {}, {}] }]),
    );
    const facts = extractPageFacts(doc);
    expect(facts.ldTypes).toEqual(['breadcrumblist', 'itempage', 'organization', 'product', 'webpage', 'website']);
    expect(facts.ldProductCount).toBe(1);
    expect(facts.breadcrumbDepth).toBe(3);
    expect(facts.url).toBe('https://shop.example/p?id=1');
  });

  it('survives malformed JSON-LD and keeps the valid scripts', () => {
    const doc = page(
      'https://shop.example/',
      '<p>hi</p>',
      '<script type="application/ld+json">{ "@type": "Product", oops </script>' +
        '<script type="application/ld+json"></script><script type="application/ld+json">null</script>' +
        '<script type="application/ld+json">[1, "x", {"@type": 42}]</script>' +
        ld({ '@type': 'WebSite' }),
    );
    expect(() => extractPageFacts(doc)).not.toThrow();
    expect(extractPageFacts(doc).ldTypes).toEqual(['website']);
  });

  it('reads microdata types and og:type', () => {
    const doc = page(
      'https://shop.example/x',
      '<div itemscope itemtype="https://schema.org/Product"><span itemprop="price">9</span></div>' +
        '<ol itemscope itemtype="http://schema.org/BreadcrumbList"><li>A</li><li>B</li></ol>',
      '<meta property="og:type" content="Product">',
    );
    const facts = extractPageFacts(doc);
    expect(facts.microdataTypes).toEqual(['breadcrumblist', 'product']);
    expect(facts.ogType).toBe('product');
    expect(facts.breadcrumbDepth).toBe(2);
  });
});

describe('extractPageFacts: DOM cues', () => {
  it('collects title and a trimmed, capped h1', () => {
    const doc = page('https://shop.example/', `<h1>   Hello\n   ${'x'.repeat(500)}  </h1>`, '<title> My  shop </title>');
    const facts = extractPageFacts(doc);
    expect(facts.title).toBe('My shop');
    expect(facts.h1.startsWith('Hello x')).toBe(true);
    expect(facts.h1.length).toBeLessThanOrEqual(200);
  });

  it('sees product cards, prices, add-to-cart, quantity and variants', () => {
    const cards = Array.from({ length: 6 }, (_, i) =>
      `<li class="product"><a href="/p/${i}">P${i}</a><span class="price"><span class="price-amount">${i}</span></span>` +
      `<a class="button add_to_cart_button">Add to cart</a></li>`).join('');
    const listing = extractPageFacts(page('https://shop.example/shop', `<ul class="products">${cards}</ul>`));
    expect(listing.productCardCount).toBe(6);
    expect(listing.priceCount).toBe(6);
    expect(listing.addToCartCount).toBe(6);

    const product = extractPageFacts(page('https://shop.example/x',
      '<form action="/cart/add"><select name="options[Size]"><option>S</option></select>' +
      '<input type="number" name="quantity" value="1"><button type="submit" name="add">Ajouter au panier</button></form>'));
    expect(product.addToCartCount).toBe(1);
    expect(product.quantityInputCount).toBe(1);
    expect(product.hasVariantSelector).toBe(true);
  });

  it('sees cart lines and a checkout button', () => {
    const doc = page('https://shop.example/x',
      '<table><tr class="cart-item"><td><input name="updates[]" type="number"></td></tr>' +
      '<tr class="cart-item"><td><input name="updates[]" type="number"></td></tr></table><button name="checkout">Checkout</button>');
    const facts = extractPageFacts(doc);
    expect(facts.cartItemCount).toBe(2);
    expect(facts.hasCheckoutButton).toBe(true);
  });

  it('counts card, address, e-mail and password fields from attributes', () => {
    const doc = page('https://shop.example/x',
      '<form><input autocomplete="cc-number"><input name="card_expiry"><input id="cvv">' +
      '<input inputmode="numeric" placeholder="1234 1234 1234 1234" name="f1"><input name="gift_card_number">' +
      '<input name="billing_address_1"><input autocomplete="postal-code" name="zz"><input name="city">' +
      '<input type="email" name="billing_email"><input type="password" autocomplete="new-password"></form>' +
      '<iframe src="https://js.stripe.com/v3/elements-inner-card-abc.html" title="Secure card payment input frame"></iframe>');
    const facts = extractPageFacts(doc);
    expect(facts.cardFieldCount).toBe(4);
    expect(facts.addressFieldCount).toBe(3);
    expect(facts.emailFieldCount).toBe(1);
    expect(facts.passwordFieldCount).toBe(1);
    expect(facts.paymentFrameCount).toBe(1);
  });

  it('sees search results by wording or by a search box plus ?q=', () => {
    expect(extractPageFacts(page('https://shop.example/x', '<h1>Résultats pour « robe »</h1>')).hasSearchResultsCue).toBe(true);
    expect(extractPageFacts(page('https://shop.example/x?q=robe', '<input type="search" name="q">')).hasSearchResultsCue).toBe(true);
    expect(extractPageFacts(page('https://shop.example/x', '<input type="search" name="q">')).hasSearchResultsCue).toBe(false);
    expect(extractPageFacts(page('https://shop.example/#/search?q=robe', '<input type="search" name="q">')).hasSearchResultsCue).toBe(true);
    expect(extractPageFacts(page('https://shop.example/x#q=robe', '<input type="search" name="q">')).hasSearchResultsCue).toBe(false);
  });

  it('counts confirmation phrases', () => {
    const doc = page('https://shop.example/x',
      '<main><h1>Merci !</h1><p>Votre commande a bien été enregistrée.</p><p>N° de commande : 12345</p></main>');
    expect(extractPageFacts(doc).confirmationCueCount).toBe(3);
    expect(extractPageFacts(page('https://shop.example/x', '<main><p>Nice shoes</p></main>')).confirmationCueCount).toBe(0);
  });

  it('tells login forms and contact forms apart from review forms', () => {
    const login = extractPageFacts(page('https://shop.example/x',
      '<form id="login-form"><input type="email" name="email"><input type="password" name="password"><button>Se connecter</button></form>'));
    expect(login.hasLoginForm).toBe(true);
    const contact = extractPageFacts(page('https://shop.example/x',
      '<form action="/contact"><input type="email" name="from"><textarea name="message"></textarea></form>'));
    expect(contact.hasContactForm).toBe(true);
    expect(contact.hasLoginForm).toBe(false);
    const review = extractPageFacts(page('https://shop.example/x',
      '<form id="commentform"><input type="email" name="email"><textarea name="comment"></textarea></form>'));
    expect(review.hasContactForm).toBe(false);
  });

  it('reads add-to-cart, checkout, login, search and confirmation wording in German, Spanish, Italian and Dutch', () => {
    const atc = ['In den Warenkorb', 'Añadir al carrito', 'Aggiungi al carrello', 'In winkelwagen'];
    for (const label of atc) expect(extractPageFacts(page('https://shop.example/x', `<button>${label}</button>`)).addToCartCount).toBe(1);
    const checkout = ['Zur Kasse gehen', 'Finalizar compra', 'Procedi all’acquisto'.replace('’', "'"), 'Afrekenen'];
    for (const label of checkout) expect(extractPageFacts(page('https://shop.example/x', `<a class="btn" href="/c">${label}</a>`)).hasCheckoutButton).toBe(true);
    for (const label of ['Anmelden', 'Iniciar sesión', 'Accedi', 'Inloggen']) {
      const facts = extractPageFacts(page('https://shop.example/x', `<form><input type="password" name="pw"><button>${label}</button></form>`));
      expect(facts.hasLoginForm).toBe(true);
    }
    for (const h of ['Suchergebnisse', 'Resultados de búsqueda', 'Risultati della ricerca', 'Zoekresultaten', 'Your search returned no results.']) {
      expect(extractPageFacts(page('https://shop.example/x', `<h1>${h}</h1>`)).hasSearchResultsCue).toBe(true);
    }
    const confirmations = [
      '<h1>Vielen Dank für Ihren Einkauf!</h1><p>Ihre Bestellung wurde bestätigt.</p><p>Ihre Bestellnummer ist: 000000193.</p>',
      '<h1>Gracias</h1><p>Tu pedido ha sido recibido.</p><p>Número del pedido: 4127</p>',
      '<h1>Grazie per il tuo ordine</h1><p>Ordine confermato</p><p>Numero d’ordine 88</p>'.replace('’', "'"),
      '<h1>Bedankt voor je bestelling</h1><p>Je bestelling is bevestigd.</p><p>Bestelnummer 1042</p>',
    ];
    for (const html of confirmations) expect(extractPageFacts(page('https://shop.example/x', `<main>${html}</main>`)).confirmationCueCount).toBeGreaterThanOrEqual(3);
  });

  it('does not take a checkout form with an order-notes box for a contact form', () => {
    const facts = extractPageFacts(page('https://shop.example/x',
      '<form class="checkout"><input name="billing_address_1"><input name="billing_city"><input type="email" name="billing_email">' +
      '<textarea name="order_comments"></textarea></form>'));
    expect(facts.hasContactForm).toBe(false);
    expect(facts.addressFieldCount).toBe(2);
  });

  it('sees a logo link to the page itself (a home under a path prefix), not to elsewhere, not "#"', () => {
    const logo = (href: string): string => `<header><a class="logo" href="${href}"><img src="/img/logo.svg" alt="Shop"></a></header>`;
    expect(extractPageFacts(page('https://shop.example/en-gb/', logo('/en-gb/'))).homeLinkIsSelf).toBe(true);
    expect(extractPageFacts(page('https://shop.example/en-gb', logo('https://shop.example/en-gb/'))).homeLinkIsSelf).toBe(true);
    expect(extractPageFacts(page('https://shop.example/en-gb/cart', logo('/en-gb/'))).homeLinkIsSelf).toBe(false);
    expect(extractPageFacts(page('https://shop.example/en-gb/', logo('#'))).homeLinkIsSelf).toBe(false);
    const imgOnly = '<div><a href="/shop/"><img class="header__logo" src="/img/l.svg" alt="Shop"></a></div>';
    expect(extractPageFacts(page('https://shop.example/shop/', imgOnly)).homeLinkIsSelf).toBe(true);
  });

  it('tells a buy box (quantity in an add-to-cart form, even tied by form=) from quick-add cards, and sees sort controls', () => {
    const tied = extractPageFacts(page('https://shop.example/x',
      '<input type="number" name="quantity" form="buy"><form id="buy" action="/cart"><button name="add">Add to cart</button></form>'));
    expect(tied.hasBuyForm).toBe(true);
    const cards = Array.from({ length: 4 }, (_, i) => `<li class="product"><form><button>Add to cart</button></form>${i}</li>`).join('');
    const listing = extractPageFacts(page('https://shop.example/x',
      `<select name="orderby"><option>Price</option></select><ul class="products">${cards}</ul><input name="cart[1][qty]">`));
    expect(listing.hasBuyForm).toBe(false);
    expect(listing.hasSortControl).toBe(true);
  });

  it('counts distinct product links (not the page itself), Shopware product boxes and sort selects named "order"', () => {
    const links = ['/product/a', '/product/a', '/product/b?x=1', '/p/c', '/fr/hommes/1-1-chemise.html', '/collections/x', '#top']
      .map((h) => `<a href="${h}">x</a>`).join('');
    expect(extractPageFacts(page('https://shop.example/product/self', `${links}<a href="/product/self">me</a>`)).productLinkCount).toBe(4);
    const boxes = Array.from({ length: 3 }, () => '<div class="card product-box box-standard"><span class="product-price">9 €</span></div>').join('');
    const facts = extractPageFacts(page('https://shop.example/Damen/', `<select class="sorting custom-select" name="order"></select>${boxes}`));
    expect(facts.productCardCount).toBe(3);
    expect(facts.hasSortControl).toBe(true);
  });

  it('never reads what the shopper typed', () => {
    const doc = page('https://shop.example/checkout/payment',
      '<form><input autocomplete="cc-number" name="number"><input type="email" name="email">' +
      '<input type="password" name="pw"><input type="search" name="q"><textarea name="message"></textarea></form>');
    const typed: [string, string][] = [
      ['input[name="number"]', '4111111111111111'],
      ['input[name="email"]', 'jane.secret@example.org'],
      ['input[name="pw"]', 'hunter2-very-secret'],
      ['input[name="q"]', 'private-search-term'],
      ['textarea', 'my private message'],
    ];
    for (const [selector, value] of typed) {
      const el = doc.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!el) throw new Error(`missing ${selector}`);
      el.value = value;
    }
    const json = JSON.stringify(extractPageFacts(doc));
    for (const [, value] of typed) expect(json).not.toContain(value);
    expect(extractPageFacts(doc).cardFieldCount).toBe(1);
  });
});

describe('extractPageFacts + classifyPage end to end', () => {
  const cases: [string, Document, string][] = [
    ['Shopify product', page('https://shop.example/products/linen-shirt',
      '<nav class="breadcrumb"><a href="/">Home</a><a href="/collections/shirts">Shirts</a></nav><h1>Linen shirt</h1>' +
      '<span class="price">€49</span><form action="/cart/add"><variant-radios><input type="radio" name="Size" value="M"></variant-radios>' +
      '<input type="number" name="quantity" min="1"><button type="submit" name="add">Add to cart</button></form>',
      ld({ '@type': 'Product', name: 'Linen shirt', offers: { '@type': 'Offer', price: '49' } }) + '<meta property="og:type" content="product">'), 'product'],
    ['WooCommerce category', page('https://shop.example/product-category/mugs/',
      `<h1>Mugs</h1><ul class="products">${'<li class="product"><span class="price">€9</span><a class="add_to_cart_button">Add to cart</a></li>'.repeat(12)}</ul>`), 'listing'],
    ['French payment step with hosted card fields', page('https://boutique.example/commande',
      '<h1>Paiement</h1><form><input name="adresse1"><input name="code_postal"><input name="ville"></form>' +
      '<iframe src="https://secure.payplug.com/hosted" title="Numéro de carte"></iframe>'), 'payment'],
    ['WooCommerce order received', page('https://shop.example/checkout/order-received/123/?key=wc_order_abc',
      '<main><h1>Checkout</h1><p class="woocommerce-thankyou-order-received">Thank you. Your order has been received.</p>' +
      '<ul class="woocommerce-order-overview"><li>Order number: <strong>123</strong></li></ul></main>'), 'confirmation'],
    ['French contact page', page('https://boutique.example/nous-contacter',
      '<h1>Contactez-nous</h1><form action="/nous-contacter"><input type="email" name="from"><textarea name="message"></textarea><button>Envoyer</button></form>'), 'contact'],
    ['Home page with WebSite data', page('https://shop.example/',
      `<h1>Welcome</h1>${'<div class="product-card"><span class="price">€5</span></div>'.repeat(8)}<form action="/search"><input type="search" name="q"></form>`,
      ld({ '@type': 'WebSite', potentialAction: { '@type': 'SearchAction' } })), 'home'],
    ['Shopify search results', page('https://shop.example/search?q=shirt',
      `<h1>Search results</h1><form><input type="search" name="q"></form>${'<div class="product-card"></div>'.repeat(5)}`), 'search'],
    ['Magento login', page('https://shop.example/customer/account/login/',
      '<h1>Customer Login</h1><form id="login-form"><input type="email" name="login[username]"><input type="password" name="login[password]"><button>Sign In</button></form>'), 'account'],
  ];

  it.each(cases)('%s', (_name, doc, expected) => {
    const guess = classifyPage(extractPageFacts(doc));
    expect(guess.type).toBe(expected);
    expect(guess.reasons.length).toBeGreaterThan(0);
  });
});
