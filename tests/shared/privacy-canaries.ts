/**
 * The privacy corpus's canaries (tests/fixtures/privacy/README.md): values that must never be found
 * in anything Mystère stores, exports or shows in a screenshot. Each appears nowhere else in the shop.
 * `forms` are the spellings a page may use; the scan also tries each in other case, without accents,
 * and URL-encoded. `typed`: the test types it with the keyboard (else the page holds it).
 */
export interface Canary {
  id: string;
  /** What the page (or the evaluator) puts there. */
  value: string;
  forms: string[];
  typed: boolean;
  where: string;
}

const c = (id: string, value: string, where: string, o: { forms?: string[]; typed?: boolean } = {}): Canary => ({
  id,
  value,
  forms: o.forms ?? [value],
  typed: o.typed ?? false,
  where,
});

/** Typed by the evaluator. The name goes in as two fields (first name, surname). */
export const TYPED = {
  search: 'lampe zinnwaldite',
  email: 'qvx7.cliente@courriel-canari.fr',
  firstName: 'Aurélianne',
  lastName: 'Quennevrille',
  street: '23 allée Ombrelune',
  phone: '(555) 123-4567',
  deliveryNote: 'sonner chez Estravaille',
  card: '4970 3852 0617 2945',
  cardExpiry: '11/29',
  cvc: '7391',
  fileName: 'ordonnance-Vermeillard.pdf',
} as const;

export const CANARIES: Canary[] = [
  // Typed, then echoed by the next page.
  c('search term', TYPED.search, 'shopify/search: URL, og:url, canonical, title, heading', { forms: ['zinnwaldite'], typed: true }),
  c('e-mail', TYPED.email, 'shopify/thank-you: text, data-*, aria-label, mailto:, pixel ?em=%40, JSON-LD', {
    forms: [TYPED.email, 'qvx7.cliente'],
    typed: true,
  }),
  c('first name', TYPED.firstName, 'shopify/thank-you: text, title, upper case, no accents, URL-encoded', { typed: true }),
  c('surname', TYPED.lastName, 'shopify/thank-you: text alone ("Cher client …"), data-*, title', { typed: true }),
  c('street', TYPED.street, 'shopify/thank-you: text, upper case, no accents, + for spaces', { forms: ['Ombrelune'], typed: true }),
  c('phone (US, typed)', TYPED.phone, 'shopify/thank-you: text, data-*, pixel ?ph=', {
    forms: [TYPED.phone, '555-123-4567', '5551234567', '555.123.4567', '555 123 4567'],
    typed: true,
  }),
  c('rr-ignore input', TYPED.deliveryNote, 'shopify/information: input.rr-ignore', { forms: ['Estravaille'], typed: true }),
  c('card number', TYPED.card, 'woo/checkout: GET form → order-received URL', { forms: [TYPED.card, '4970385206172945', '4970-3852-0617-2945'], typed: true }),
  c('CVC', TYPED.cvc, 'woo/checkout: GET form → order-received URL (?lumi_pay-card-cvc=)', { forms: ['card-cvc=7391', '"7391"'], typed: true }),
  c('file name', TYPED.fileName, 'woo/checkout: input[type=file] value, "Fichier : …"', { forms: ['Vermeillard'], typed: true }),
  // Held by the pages.
  c('password-reset token', 'a7c3e9f1b5d2084c6e1f3a9b7d5c2e0f8a4b6c1d', 'presta/password: URL ?reset_token=, og:url, canonical, hidden input'),
  c('customer secure key', '5be0c1a7d94f3e28b6a1c0d9e7f2a3b4', 'presta: URL ?token=, hidden inputs'),
  c('OAuth access token', 'ya29.a0CanaryOauthQx8vJ2Lm', 'presta/oauth-callback: URL fragment #access_token='),
  c('Shopify checkout token', 'hWN9vQx2Kp7LmR4tZs8YcB3d', 'shopify/checkouts/cn/<token>/…: URL path, <base href>'),
  c('Shopify order token', '7f9e2c4a1b8d6e3f5a0c9b7d2e4f6a8c', 'shopify/…/orders/<token>/authenticate: URL path, link'),
  c('Shopify order key', 'b1d3f5a7c9e2046813579bdf2468ace0', 'shopify order status URL ?key=, link'),
  c('WooCommerce order key', 'wc_order_Qz8mN3pL5vR7x', 'woo/order-received URL ?key=, hidden input'),
  c('token in a JS error', 'errtok-Jx93KqPzVb71', 'woo/order-received: uncaught Error message'),
  c('srcset signature', 'sig-Rw5Tq8Yn2Mz6Kb4', 'shopify/thank-you: img srcset'),
  c('inline style token', 'bgtok-Pz4Wx7Qn1Lv9', 'shopify/thank-you: style="background:url(…?token=…)"'),
  c('random session token', 'tok_Vq8Zr3Lm9Xw2Np7Ks4Hd6Jb1Fc5Gt0Ye', 'shopify/index: text and data-session-id'),
  c('e-mail as %40 in a link', 'sav.orpheline@exemple-canari.fr', 'shopify/index: href="mailto:…%40…"', { forms: ['sav.orpheline'] }),
  c('phone (FR)', '06 12 34 56 78', 'shopify/index: text', { forms: ['06 12 34 56 78', '0612345678'] }),
  c('phone (FR, international)', '+33 6 12 34 56 78', 'shopify/index: text', { forms: ['+33 6 12 34 56 78', '+33612345678'] }),
  c('phone (US)', '+1 (415) 555-0199', 'shopify/index: text', { forms: ['(415) 555-0199', '4155550199'] }),
  c('phone (UK)', '+44 20 7946 0958', 'shopify/index: text', { forms: ['20 7946 0958', '2079460958'] }),
  c('prefilled e-mail', 'ysaline.corbiniac@exemple-canari.fr', 'presta: password page text, account input value', { forms: ['ysaline.corbiniac'] }),
  c('prefilled surname', 'Corbiniac', 'presta/oauth-callback: input value (autocomplete=family-name)'),
  c('prefilled street', '9 rue Brasquetière', 'presta/oauth-callback: input value (autocomplete=street-address)', { forms: ['Brasquetière'] }),
  // The shop's own session-replay privacy markers (shopify/index), one canary each.
  c('ph-no-capture data-hj-suppress', 'Bouvrelande', 'shopify/index: .ph-no-capture[data-hj-suppress]'),
  c('rr-block', 'Carmillouse', 'shopify/index: .rr-block'),
  c('rr-mask', 'Dravenouille', 'shopify/index: .rr-mask'),
  c('ph-mask', 'Fulgoramme', 'shopify/index: .ph-mask'),
  c('fs-exclude', 'Gribanceau', 'shopify/index: .fs-exclude'),
  c('fs-mask', 'Hortevaline', 'shopify/index: .fs-mask'),
  c('sentry-block', 'Ingrevolte', 'shopify/index: .sentry-block'),
  c('sentry-mask', 'Jorandelle', 'shopify/index: .sentry-mask'),
  c('data-sentry-block', 'Kestrivaude', 'shopify/index: [data-sentry-block]'),
  c('data-sentry-mask', 'Lombrivesse', 'shopify/index: [data-sentry-mask]'),
  c('data-private', 'Mirgolanne', 'shopify/index: [data-private]'),
  c('data-clarity-mask', 'Norvallique', 'shopify/index: [data-clarity-mask="true"]'),
];

/** Ordinary page text that must be found (in the stores, and read by OCR): proof the scan sees the pages. */
export const ORDINARY = {
  stores: ['Luminaires', 'Lampe baladeuse en laiton', 'Merci pour votre commande', 'Commande reçue', 'Réinitialiser votre mot de passe'],
  ocr: ['Merci', 'commande'],
};

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
/** Lower case, accents stripped: how haystack and needles are compared. */
export const fold = (s: string) => stripAccents(s).toLowerCase();

/** Decodes %XX runs (as UTF-8 when they make it, else byte by byte) and `+` as a space; never throws. */
export function urlDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/** Every spelling of a canary to look for, already folded. */
export function variants(canary: Canary): string[] {
  const out = new Set<string>();
  for (const form of canary.forms) {
    for (const v of [form, stripAccents(form)]) {
      out.add(fold(v));
      out.add(fold(encodeURIComponent(v)));
      out.add(fold(encodeURIComponent(v).replace(/%20/g, '+')));
      out.add(fold(escape(v))); // latin-1 style %E9
    }
  }
  return [...out];
}

/** The spelling of `canary` found in `text` (raw, URL-decoded once and twice), or undefined. */
export function findCanary(canary: Canary, text: string): string | undefined {
  const folded = [text, urlDecode(text), urlDecode(urlDecode(text))].map(fold);
  for (const v of variants(canary)) {
    for (const hay of folded) {
      const at = hay.indexOf(v);
      if (at >= 0) return text.length === hay.length ? v : v;
    }
  }
  return undefined;
}

/** Where in `text` a folded needle sits, with some context around it (for the report). */
export function contextOf(needle: string, text: string, width = 90): string | undefined {
  for (const hay of [text, urlDecode(text), urlDecode(urlDecode(text))]) {
    const at = fold(hay).indexOf(needle);
    if (at >= 0) return hay.slice(Math.max(0, at - width), at + needle.length + width).replace(/\s+/g, ' ');
  }
  return undefined;
}
