/**
 * What the recorder never keeps. Inputs are masked by rrweb (`maskAllInputs`); what rrweb leaves
 * behind is closed here: hidden inputs (rrweb#1609) and payment fields are blocked outright, payment
 * providers' frames are blocked, and page text that echoes a typed value or looks like a personal
 * identifier (e-mail, card or phone number, IBAN) is masked.
 */

/** Elements left out of recordings: their content and attributes never leave the page. */
export const DEFAULT_BLOCK_SELECTORS = [
  'input[type=hidden]',
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
] as const;

/** Text in these is masked whole: what a person writes into the page itself. */
export const DEFAULT_MASK_SELECTORS = ['[contenteditable]:not([contenteditable="false"])'] as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Numbers that identify people: 8+ digits in a row, card numbers in groups of four, French phone
// numbers in pairs, international numbers. Lists of sizes ("36 37 38 39 40") stay readable.
const LONG_NUMBER = /\d{8,}|\d{4}(?:[ .\-\u00a0\u202f]\d{4}){2,3}(?:[ .\-\u00a0\u202f]\d{1,4})?|\d{4}[ .\-\u00a0\u202f]\d{6}[ .\-\u00a0\u202f]\d{5}|\b0[1-9](?:[ .\-\u00a0\u202f]?\d{2}){4}\b|\+\d{1,3}(?:[ .\-\u00a0\u202f]?\d){6,14}/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;

const stars = (s: string) => s.replace(/\S/g, '*');

/**
 * Masks what looks like a personal identifier, and every value the person typed on this page
 * (`typed`, kept in the page's memory only), wherever the page echoes it back.
 */
export function maskSensitiveText(text: string, typed: Iterable<string> = []): string {
  // Called for every text node of every snapshot: skip the patterns when they cannot match.
  let out = /[@\d]/.test(text) ? text.replace(EMAIL, stars).replace(IBAN, stars).replace(LONG_NUMBER, stars) : text;
  const lower = () => out.toLowerCase();
  for (const value of typed) {
    for (const piece of typedPieces(value)) {
      // Echoes may change case ("JANE CANARY"): find them case-insensitively, mask in place.
      const needle = piece.toLowerCase();
      for (let at = lower().indexOf(needle); at >= 0; at = lower().indexOf(needle, at + needle.length)) {
        out = out.slice(0, at) + stars(out.slice(at, at + needle.length)) + out.slice(at + needle.length);
      }
    }
  }
  return out;
}

/** A typed value and its words of 4+ characters: "Jane Canary" is echoed as "Bonjour Jane". */
export function typedPieces(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.length < 3) return [];
  const words = trimmed.split(/\s+/).filter((w) => w.length >= 4);
  return [trimmed, ...words];
}

/** Luhn check: is this run of digits a plausible payment card number? */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Not right after `:`, `,`, `[` or `-`: there a digit run is a JSON number (a timestamp, an id),
// which must stay as it is; a card number in text or an attribute sits inside a string.
// A card is written as one run of 13-19 digits or in groups (4-4-4-4, Amex 4-6-5) split by a space
// or a dash; a looser pattern would also hit SVG paths ("10 20 30 …") and corrupt the replay.
const CARD_LIKE = /(?<![:,[\-\d.])(?:\d{13,19}|\d{4}([ \-\u00a0\u202f])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ \-\u00a0\u202f])\d{6}\2\d{5})(?!\d)/g;

/**
 * Last line of defence, on serialised events before they leave the page: any Luhn-valid card number
 * still present in a string (rrweb bug, a page that renders one in an attribute) is overwritten,
 * keeping the string's length so the JSON stays valid.
 */
export function scrubCardNumbers(json: string): string {
  return json.replace(CARD_LIKE, (run) => (isLuhnValid(run.replace(/\D/g, '')) ? run.replace(/\d/g, '0') : run));
}

/**
 * An address without what may carry what a person typed or who they are: no query, no fragment, no
 * credentials (a data: URL keeps its media type only). Relative addresses resolve against `base`.
 */
export function bareUrl(raw: string, base?: string): string {
  try {
    const u = new URL(raw, base);
    if (u.protocol === 'data:') return `data:${/^[^;,]*/.exec(u.pathname)?.[0] ?? ''}`;
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
    return `${u.protocol}${u.pathname}`.replace(/[?#].*$/s, '');
  } catch {
    return raw.replace(/[?#].*$/s, '');
  }
}
