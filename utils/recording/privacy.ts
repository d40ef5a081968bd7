import { SHOP_BLOCK_MARKERS, SHOP_MASK_MARKERS } from '../privacy/markers';

/**
 * What the recorder leaves out on the page itself, where only rrweb can: inputs are masked by rrweb
 * (`maskAllInputs`); hidden inputs (rrweb#1609), payment fields and payment providers' frames are
 * blocked outright, as are the zones the shop marks private. Everything else that is personal —
 * identifiers, echoes of what was typed, addresses' queries — is masked by the privacy pass
 * (`utils/privacy/`) before anything is written.
 */

/**
 * Payment providers, as they appear in their frames' and scripts' addresses: their frames are blocked
 * below, and nothing served from them is kept with a visit (`utils/assets/filters.ts`). Kept in step
 * with the `iframe[src*=…]` selectors by a unit test.
 */
export const PAYMENT_PROVIDERS = [
  'stripe',
  'adyen',
  'paypal',
  'braintree',
  'checkout.com',
  'mollie',
  'payplug',
  'lyra',
  'payzen',
  'systempay',
  'monetico',
  'hipay',
  'klarna',
  'worldpay',
] as const;

/** Elements left out of recordings: their content and attributes never leave the page. */
export const DEFAULT_BLOCK_SELECTORS = [
  'input[type=hidden]',
  'input[type=file]',
  '[autocomplete^="cc-"]',
  'input[name*="card" i]',
  'input[id*="card" i]',
  'input[name*="cvc" i]',
  'input[name*="cvv" i]',
  'input[id*="cvc" i]',
  'input[id*="cvv" i]',
  'input[name*="iban" i]',
  'input[data-stripe]',
  'iframe[src*="stripe" i]',
  'iframe[src*="adyen" i]',
  'iframe[src*="paypal" i]',
  'iframe[src*="braintree" i]',
  'iframe[src*="checkout.com" i]',
  'iframe[src*="mollie" i]',
  'iframe[src*="payplug" i]',
  'iframe[src*="lyra" i]',
  'iframe[src*="payzen" i]',
  'iframe[src*="systempay" i]',
  'iframe[src*="monetico" i]',
  'iframe[src*="hipay" i]',
  'iframe[src*="klarna" i]',
  'iframe[src*="worldpay" i]',
  'iframe[title*="payment" i]',
  'iframe[title*="paiement" i]',
  'iframe[name*="card" i]',
  ...SHOP_BLOCK_MARKERS,
] as const;

/** Text in these is masked whole: what a person writes into the page itself, and the shop's private zones. */
export const DEFAULT_MASK_SELECTORS = ['[contenteditable]:not([contenteditable="false"])', ...SHOP_MASK_MARKERS] as const;

/**
 * What the recorder masks or blocks in `doc` — its own lists (editable zones, payment fields and
 * frames, the shop's markers) and the visit's rules — as one selector, for the page-side readers that
 * must leave those zones out (a mission's expected texts, the assets kept). A rule this document
 * cannot parse is dropped rather than breaking the whole list.
 */
export function privateZones(doc: Document, rules: { maskSelectors: readonly string[]; blockSelectors: readonly string[] }): string {
  return [...DEFAULT_BLOCK_SELECTORS, ...DEFAULT_MASK_SELECTORS, ...rules.maskSelectors, ...rules.blockSelectors]
    .filter((s) => {
      try {
        doc.createDocumentFragment().querySelector(s);
        return true;
      } catch {
        return false;
      }
    })
    .join(',');
}
