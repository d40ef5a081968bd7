import { describe, expect, it } from 'vitest';
import type { PageType } from '../../../utils/schema/page-type';
import { PAGE_TYPES } from '../../../utils/schema/page-type';
import { urlFacts, type PageFacts } from '../../../utils/journey/page-facts';
import { classifyPage } from '../../../utils/journey/page-type';

/** Facts of a blank page at `path`, with the given cues switched on. */
function facts(path: string, over: Partial<PageFacts> = {}): PageFacts {
  return { ...urlFacts(path.startsWith('http') ? path : `https://shop.example${path}`), ...over };
}

const productLd = { ldTypes: ['product'], ldProductCount: 1 };
const productDom = { addToCartCount: 1, priceCount: 1, quantityInputCount: 1 };
const listingDom = { productCardCount: 24, priceCount: 24 };

const CASES: [string, PageFacts, PageType][] = [
  // Home
  ['root path', facts('/'), 'home'],
  ['root with WebSite JSON-LD and product cards', facts('/', { ldTypes: ['organization', 'website'], ...listingDom }), 'home'],
  ['French locale root', facts('/fr/'), 'home'],
  ['PrestaShop index controller', facts('/index.php?controller=index'), 'home'],
  // Listing
  ['Shopify collection', facts('/collections/summer-dresses', listingDom), 'listing'],
  ['WooCommerce category', facts('/product-category/shoes/'), 'listing'],
  ['French category with accent', facts('/catégorie/chaussures'), 'listing'],
  ['Magento category route', facts('/catalog/category/view/id/12'), 'listing'],
  ['PrestaShop category slug', facts('/fr/3-vetements'), 'listing'],
  ['/c/ category', facts('/c/televisions'), 'listing'],
  ['CollectionPage JSON-LD only', facts('/x/abc', { ldTypes: ['collectionpage'] }), 'listing'],
  ['many product cards only', facts('/x/abc', { productCardCount: 18, priceCount: 18, addToCartCount: 18 }), 'listing'],
  ['several Product items in JSON-LD', facts('/x/abc', { ldTypes: ['product'], ldProductCount: 12 }), 'listing'],
  // Search
  ['Shopify search with q', facts('/search?q=robe', listingDom), 'search'],
  ['French recherche', facts('/recherche?query=robe'), 'search'],
  ['Magento catalogsearch', facts('/catalogsearch/result/?q=bag'), 'search'],
  ['WordPress ?s= on root', facts('/?s=mug&post_type=product'), 'search'],
  ['PrestaShop search controller', facts('/index.php?controller=search&s=mug'), 'search'],
  ['search results cue only', facts('/x/abc', { hasSearchResultsCue: true, ...listingDom }), 'search'],
  ['SearchResultsPage JSON-LD', facts('/x/abc', { ldTypes: ['searchresultspage'] }), 'search'],
  // Product
  ['Shopify product inside a collection', facts('/collections/dresses/products/red-dress', { ...productLd, ...productDom }), 'product'],
  ['WooCommerce product', facts('/product/blue-mug/'), 'product'],
  ['French produit', facts('/produit/tasse-bleue'), 'product'],
  ['PrestaShop product .html', facts('/fr/hommes/1-1-t-shirt-imprime.html'), 'product'],
  ['opaque URL with Product JSON-LD', facts('/p?id=123', productLd), 'product'],
  ['DOM cues only: add-to-cart, price, variants', facts('/x/abc', { ...productDom, hasVariantSelector: true, microdataTypes: ['product'] }), 'product'],
  ['product page with related-product cards', facts('/item/42', { ...productLd, ...productDom, productCardCount: 8, priceCount: 9 }), 'product'],
  ['og:type product', facts('/x/abc', { ogType: 'product', addToCartCount: 1 }), 'product'],
  // Cart
  ['Shopify cart', facts('/cart', { cartItemCount: 2, hasCheckoutButton: true }), 'cart'],
  ['French panier', facts('/fr/panier'), 'cart'],
  ['cart under a store prefix', facts('/store/basket'), 'cart'],
  ['a "bag" collection is not a cart', facts('/collections/bag', listingDom), 'listing'],
  ['Magento checkout/cart', facts('/checkout/cart/', { cartItemCount: 1, quantityInputCount: 1 }), 'cart'],
  ['PrestaShop cart controller', facts('/index.php?controller=cart'), 'cart'],
  ['cart heading and lines only', facts('/x/abc', { h1: 'Votre panier', cartItemCount: 3 }), 'cart'],
  // Checkout
  ['WooCommerce checkout with address form', facts('/checkout/', { addressFieldCount: 5, emailFieldCount: 1 }), 'checkout'],
  ['PrestaShop commande', facts('/fr/commande'), 'checkout'],
  ['Shopify checkouts token', facts('/checkouts/cn/Z2NwLWV1', { addressFieldCount: 4 }), 'checkout'],
  ['checkout with guest login form', facts('/checkout', { addressFieldCount: 6, passwordFieldCount: 1, hasLoginForm: true }), 'checkout'],
  ['livraison with address fields', facts('/livraison', { addressFieldCount: 4 }), 'checkout'],
  ['CheckoutPage JSON-LD', facts('/x/abc', { ldTypes: ['checkoutpage'] }), 'checkout'],
  // Payment
  ['card fields win over checkout URL and address', facts('/checkout', { cardFieldCount: 3, addressFieldCount: 5 }), 'payment'],
  ['French paiement', facts('/commande/paiement'), 'payment'],
  ['WooCommerce order-pay', facts('/checkout/order-pay/123/?key=wc_order_x'), 'payment'],
  ['Shopify step=payment_method', facts('/checkouts/abc?step=payment_method'), 'payment'],
  ['hosted card iframe only', facts('/x/abc', { paymentFrameCount: 1 }), 'payment'],
  ['Magento #payment step', facts('/checkout/#payment'), 'payment'],
  ['Magento #shipping step', facts('/checkout/#shipping'), 'checkout'],
  // Confirmation
  ['WooCommerce order-received', facts('/checkout/order-received/123/?key=wc_order_x'), 'confirmation'],
  ['Magento onepage success', facts('/checkout/onepage/success/'), 'confirmation'],
  ['PrestaShop order-confirmation controller', facts('/index.php?controller=order-confirmation&id_order=5'), 'confirmation'],
  ['Shopify thank-you', facts('/checkouts/cn/abc/thank-you'), 'confirmation'],
  ['French merci', facts('/commande/merci'), 'confirmation'],
  ['one order phrase alone (an FAQ: "quote your order number") is not a confirmation', facts('/app/faq', { confirmationCueCount: 1 }), 'other'],
  ['two confirmation phrases are', facts('/page', { confirmationCueCount: 2 }), 'confirmation'],
  ['confirmation text beats checkout URL and address', facts('/checkout', { confirmationCueCount: 3, addressFieldCount: 2 }), 'confirmation'],
  ['Order JSON-LD only', facts('/x/abc', { ldTypes: ['order'] }), 'confirmation'],
  // Account
  ['Magento customer/account/login', facts('/customer/account/login/', { passwordFieldCount: 1, hasLoginForm: true }), 'account'],
  ['PrestaShop mon-compte', facts('/fr/mon-compte'), 'account'],
  ['French connexion', facts('/connexion'), 'account'],
  ['WooCommerce my-account', facts('/my-account/'), 'account'],
  ['order page inside the account', facts('/account/order/123'), 'account'],
  ['login form only', facts('/x/abc', { passwordFieldCount: 1, hasLoginForm: true }), 'account'],
  ['ProfilePage JSON-LD', facts('/x/abc', { ldTypes: ['profilepage'] }), 'account'],
  // Contact
  ['English contact-us', facts('/contact-us'), 'contact'],
  ['French nous-contacter', facts('/nous-contacter'), 'contact'],
  ['Shopify pages/contact', facts('/pages/contact', { hasContactForm: true }), 'contact'],
  ['help centre', facts('/help'), 'contact'],
  ['contact form only', facts('/x/abc', { hasContactForm: true }), 'contact'],
  ['ContactPage JSON-LD', facts('/x/abc', { ldTypes: ['contactpage'] }), 'contact'],
  // Other
  ['blog article', facts('/blogs/news/summer-lookbook', { ldTypes: ['blogposting'], ogType: 'article' }), 'other'],
  ['legal page', facts('/mentions-legales'), 'other'],
  ['opaque URL, no cues', facts('/x/abc'), 'other'],
  ['livraison alone is not a checkout', facts('/livraison'), 'other'],
  ['WebSite JSON-LD off root', facts('/x/abc', { ldTypes: ['website'] }), 'other'],
  // German, Spanish, Italian and Dutch routes.
  ['German warenkorb', facts('/warenkorb'), 'cart'],
  ['Spanish carrito', facts('/carrito/'), 'cart'],
  ['Italian carrello', facts('/it/carrello'), 'cart'],
  ['Dutch winkelwagen', facts('/nl/winkelwagen'), 'cart'],
  ['Magento checkout/cart is the cart', facts('/checkout/cart/'), 'cart'],
  ['German kasse', facts('/kasse', { addressFieldCount: 4 }), 'checkout'],
  ['Spanish finalizar-compra', facts('/finalizar-compra/'), 'checkout'],
  ['Italian cassa', facts('/cassa'), 'checkout'],
  ['Dutch afrekenen', facts('/afrekenen'), 'checkout'],
  ['German zahlung', facts('/kasse/zahlung'), 'payment'],
  ['Spanish pago', facts('/finalizar-compra/pago'), 'payment'],
  ['Italian pagamento', facts('/cassa/pagamento'), 'payment'],
  ['Dutch betaling', facts('/afrekenen/betaling'), 'payment'],
  ['German danke', facts('/kasse/danke'), 'confirmation'],
  ['Spanish gracias', facts('/pedido/gracias'), 'confirmation'],
  ['Italian grazie', facts('/ordine/grazie'), 'confirmation'],
  ['Dutch bedankt', facts('/bestelling/bedankt'), 'confirmation'],
  ['German mein-konto', facts('/mein-konto'), 'account'],
  ['Spanish mi-cuenta', facts('/mi-cuenta/'), 'account'],
  ['Italian il-mio-account', facts('/it/il-mio-account'), 'account'],
  ['Dutch mijn-account', facts('/mijn-account'), 'account'],
  ['German kontakt', facts('/kontakt'), 'contact'],
  ['Spanish contacto', facts('/contacto'), 'contact'],
  ['Italian contatti', facts('/contatti'), 'contact'],
  ['Dutch klantenservice', facts('/klantenservice'), 'contact'],
  ['German suche', facts('/suche?q=jacke'), 'search'],
  ['Spanish buscar', facts('/buscar?q=zapatos'), 'search'],
  ['Italian cerca', facts('/cerca?q=lino'), 'search'],
  ['Dutch zoeken', facts('/zoeken?q=lamp'), 'search'],
  ['Spanish producto', facts('/producto/zapatilla-lona/'), 'product'],
  ['Italian prodotto', facts('/prodotto/camicia-lino'), 'product'],
  ['WooCommerce Spanish category', facts('/categoria-producto/zapatillas/'), 'listing'],
  ['German kategorie', facts('/kategorie/jacken'), 'listing'],
  ['German impressum', facts('/impressum'), 'other'],
  // Homes under a prefix, featured products, buy boxes.
  ['logo links here (home under a prefix)', facts('/en-gb/shop-home', { homeLinkIsSelf: true, ...listingDom }), 'home'],
  ['featured product JSON-LD on the home', facts('/', { ...productLd, addToCartCount: 6, productCardCount: 8, priceCount: 9 }), 'home'],
  ['buy box beats related quick-add cards', facts('/x/trail-shoe.html', { hasBuyForm: true, quantityInputCount: 1, addToCartCount: 9, productCardCount: 8, microdataTypes: ['product', 'offer'], ogType: 'product' }), 'product'],
  ['sort control over cards', facts('/x/tops.html', { hasSortControl: true, productCardCount: 10, priceCount: 10 }), 'listing'],
  // Platform routes beyond the path.
  ['SFCC ?stage=shipping with all stages in the DOM', facts('/s/Site/checkout?stage=shipping', { cardFieldCount: 4, addressFieldCount: 6 }), 'checkout'],
  ['SFCC ?stage=payment', facts('/s/Site/checkout?stage=payment', { cardFieldCount: 4, addressFieldCount: 6 }), 'payment'],
  ['SFCC ?stage=placeOrder', facts('/s/Site/checkout?stage=placeOrder', { cardFieldCount: 4 }), 'checkout'],
  ['Next.js Commerce /search/<collection>', facts('/search/sneakers', { productLinkCount: 8 }), 'listing'],
  ['a search with a query stays a search', facts('/search/results?q=shoes', { productLinkCount: 8 }), 'search'],
  ['Shopware /checkout/register with a login form', facts('/checkout/register', { passwordFieldCount: 1, hasLoginForm: true, addressFieldCount: 10 }), 'checkout'],
  ['product links without card classes', facts('/x/sneakers', { productLinkCount: 12, priceCount: 12 }), 'listing'],
  // Hash routes (Angular-style single-page shops): the route is read from the hash.
  ['hash route search', facts('/#/search?q=x'), 'search'],
  ['hash route basket', facts('/#/basket'), 'cart'],
  ['hash route login', facts('/#/login'), 'account'],
  ['hash route register', facts('/#/register'), 'account'],
  ['hash route address selection', facts('/#/address/select'), 'checkout'],
  ['hash route delivery method', facts('/#/delivery-method'), 'checkout'],
  ['hash route payment', facts('/#/payment/shop'), 'payment'],
  ['hash route order summary', facts('/#/order-summary'), 'checkout'],
  ['hash route order completion', facts('/#/order-completion/5267-abc'), 'confirmation'],
  ['hash route contact', facts('/#/contact'), 'contact'],
  ['hash route root', facts('/#/'), 'home'],
  ['hashbang route', facts('/#!/basket'), 'cart'],
  ['hash route under an app path', facts('/app/#/basket'), 'cart'],
  ['an anchor is not a route (root)', facts('/#reviews'), 'home'],
  ['an anchor is not a route (cart)', facts('/cart#reviews'), 'cart'],
];

describe('classifyPage', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    const guess = classifyPage(input);
    expect(guess.type).toBe(expected);
    expect(guess.confidence).toBeGreaterThanOrEqual(0);
    expect(guess.confidence).toBeLessThanOrEqual(1);
    if (guess.type !== 'other') expect(guess.reasons.length).toBeGreaterThan(0);
  });

  it('covers every page type in the table', () => {
    expect(new Set(CASES.map((c) => c[2]))).toEqual(new Set(PAGE_TYPES));
  });

  it('is deterministic', () => {
    const input = facts('/checkout', { cardFieldCount: 2, addressFieldCount: 4, productCardCount: 5 });
    expect(classifyPage(input)).toEqual(classifyPage(structuredClone(input)));
  });

  it('names its evidence in short phrases', () => {
    expect(classifyPage(facts('/cart')).reasons).toContain('url: /cart');
    expect(classifyPage(facts('/p?id=1', productLd)).reasons).toContain('json-ld: Product');
  });

  it('gives low confidence to other when nothing fits, more to strong evidence', () => {
    const none = classifyPage(facts('/x/abc'));
    expect(none.type).toBe('other');
    expect(none.confidence).toBeLessThanOrEqual(0.2);
    const strong = classifyPage(facts('/products/mug', { ...productLd, ...productDom, ogType: 'product' }));
    expect(strong.confidence).toBeGreaterThan(0.7);
  });

  it('survives malformed URLs', () => {
    expect(classifyPage({ ...facts('/'), url: 'http://[bad' }).type).toBe('other');
    expect(classifyPage(facts('/produit/%E0%A4%A')).type).toBe('product');
  });
});
