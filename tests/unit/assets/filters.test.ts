import { describe, expect, it } from 'vitest';
import { carriesTyped, isPaymentProvider, isTracker, namesPerson, skipBeforeFetch, urlDecoded } from '../../../utils/assets/filters';
import { DEFAULT_BLOCK_SELECTORS, PAYMENT_PROVIDERS } from '../../../utils/recording/privacy';
import { TypedMatcher } from '../../../utils/privacy/typed';

const none = new TypedMatcher([]);

describe('isPaymentProvider', () => {
  it.each([
    'https://js.stripe.com/v3/fingerprinted/img/visa.svg',
    'https://m.stripe.network/inner.html',
    'https://www.paypalobjects.com/webstatic/mktg/logo/pp_cc_mark_37x23.jpg',
    'https://js.braintreegateway.com/web/3.97.2/js/client.min.js',
    'https://checkoutshopper-live.adyen.com/checkoutshopper/images/logos/visa.svg',
    'https://x.klarnacdn.net/payment-method/assets/badges/generic/klarna.svg',
    'https://p.monetico-services.com/paiement.cgi',
    'https://cdn.checkout.com/js/framesv2.min.js',
    'https://static.payzen.eu/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js',
  ])('knows %s', (url) => expect(isPaymentProvider(new URL(url))).toBe(true));

  it.each(['https://stripes-fashion.example/logo.png', 'https://shop.example/img/paypal-badge.png', 'https://mycheckout.com/a.png', 'https://shop.example/'])(
    'leaves %s alone: only the providers’ own hosts count',
    (url) => expect(isPaymentProvider(new URL(url))).toBe(false),
  );

  it('knows every provider whose frames the recorder blocks, and only those', () => {
    for (const p of PAYMENT_PROVIDERS) expect(DEFAULT_BLOCK_SELECTORS, p).toContain(`iframe[src*="${p}" i]`);
  });
});

describe('isTracker', () => {
  it.each([
    ['https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', undefined],
    ['https://www.google-analytics.com/collect?v=1', undefined],
    ['https://region1.analytics.google.com/g/collect', undefined],
    ['https://www.googletagmanager.com/ns.html?id=GTM-X', undefined],
    ['https://ad.doubleclick.net/ddm/activity/src=1', undefined],
    ['https://bat.bing.com/action/0?ti=1&Ver=2', undefined],
    ['https://t.co/i/adsct?txn_id=1', undefined],
    ['https://px.ads.linkedin.com/collect/?pid=1', undefined],
    ['https://ct.pinterest.com/v3/?event=init', undefined],
    ['https://pixel.wp.com/g.gif?blog=1', undefined],
    ['https://analytics.shop.example/i.gif', undefined],
    ['https://shop.example/tracking/pixel.gif?o=1', undefined],
    ['https://shop.example/privacy/assets/pixel.svg?ev=purchase', undefined],
    ['https://shop.example/img/banner.png', { width: 1, height: 1 }],
    ['https://shop.example/img/banner.png', { width: 0, height: 0 }],
  ])('finds %s (%o)', (url, displayed) => expect(isTracker(new URL(url), displayed)).toBe(true));

  it.each([
    ['https://www.facebook.com/images/fb_icon_325x325.png', undefined],
    ['https://t.co/abc123', undefined],
    ['https://shop.example/img/analytics-dashboard-product.png', undefined],
    ['https://shop.example/img/pixel-art-mug.png', undefined],
    ['https://shop.example/img/banner.png', { width: 1, height: 40 }],
    ['https://shop.example/img/banner.png', {}],
  ])('leaves %s (%o) alone', (url, displayed) => expect(isTracker(new URL(url), displayed)).toBe(false));
});

describe('typed values and persons in addresses', () => {
  const typed = new TypedMatcher(['Maëlys Quenouillard', '12 rue des Lilas']);

  it('finds a typed value as written, URL-encoded either way, or in one of its words', () => {
    expect(carriesTyped('https://shop.example/avatar?name=Ma%C3%ABlys%20Quenouillard', typed)).toBe(true);
    expect(carriesTyped('https://shop.example/map.png?q=12+rue+des+Lilas', typed)).toBe(true);
    expect(carriesTyped('https://shop.example/hello/quenouillard.png', typed)).toBe(true);
    expect(carriesTyped('https://shop.example/img/derby.jpg', typed)).toBe(false);
    expect(carriesTyped('https://shop.example/img/derby.jpg', none)).toBe(false);
  });

  it('decodes what decodes, and keeps the rest', () => {
    expect(urlDecoded('a+b%20c%C3%A9')).toBe('a b cé');
    expect(urlDecoded('100%')).toBe('100%');
  });

  it('finds an e-mail address, also encoded', () => {
    expect(namesPerson('https://shop.example/avatars/jane.doe%40mail.example.png')).toBe(true);
    expect(namesPerson('https://shop.example/avatars/jane.doe.png')).toBe(false);
  });
});

describe('skipBeforeFetch', () => {
  const typed = new TypedMatcher(['Quenouillard']);
  it.each([
    [{ url: 'https://js.stripe.com/v3/visa.svg' }, 'image', 'payment'],
    [{ url: 'https://www.facebook.com/tr?id=1' }, 'image', 'tracker'],
    [{ url: 'https://shop.example/spacer.gif', width: 1, height: 1 }, 'image', 'tracker'],
    [{ url: 'https://shop.example/greeting/quenouillard.png', width: 100, height: 20 }, 'image', 'typed'],
    [{ url: 'https://shop.example/u/jane@mail.example/avatar.png' }, 'image', 'private'],
    [{ url: 'ftp://shop.example/a.png' }, 'image', 'failed'],
    [{ url: 'not an address' }, 'font', 'failed'],
  ] as const)('skips %o (%s) as %s', (candidate, kind, reason) => expect(skipBeforeFetch(candidate, kind, typed)).toBe(reason));

  it('fetches the shop’s own assets, and a 1×1 size means nothing for a font or a sheet', () => {
    expect(skipBeforeFetch({ url: 'https://shop.example/img/derby.jpg', width: 300, height: 200 }, 'image', typed)).toBeUndefined();
    expect(skipBeforeFetch({ url: 'https://shop.example/fonts/inter.woff2', width: 1, height: 1 }, 'font', typed)).toBeUndefined();
    expect(skipBeforeFetch({ url: 'https://fonts.googleapis.com/css2?family=Inter' }, 'stylesheet', typed)).toBeUndefined();
  });
});
