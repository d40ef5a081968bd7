/**
 * What a personal identifier looks like in a shop's page, whoever wrote it there: e-mail addresses
 * (also written `%40`), phone numbers (French, US and international), payment card and bank account
 * numbers, long runs of digits, and long random-looking tokens (session, reset and OAuth tokens).
 * Each is replaced by stars of its own length, so the replay keeps the page's layout.
 */

/** Stars for every visible character: spaces stay, so a masked line wraps as the original did. */
export const stars = (s: string): string => s.replace(/\S/g, '*');

const SEP = '[ .\\-\\u00a0\\u202f]';
const EMAIL = /[\p{L}\p{N}._%+-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
const PATTERNS: readonly RegExp[] = [
  EMAIL,
  // IBAN: two letters, two check digits, then groups.
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
  // International numbers: +33 6 12 34 56 78, +1 (555) 123-4567, +44 20 7946 0958.
  new RegExp(`\\+\\d{1,3}(?:${SEP}?\\(?\\d+\\)?){2,7}`, 'g'),
  // US numbers: (555) 123-4567, 555-123-4567, 555.123.4567.
  /(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.\s]\d{4}\b/g,
  // French numbers in pairs: 06 12 34 56 78, 06.12.34.56.78, 0612345678.
  new RegExp(`\\b0[1-9](?:${SEP}?\\d{2}){4}\\b`, 'g'),
  // Card numbers in groups of four (or Amex 4-6-5), and any run of 8 digits or more.
  new RegExp(`\\b\\d{4}(?:${SEP}\\d{4}){2,3}(?:${SEP}\\d{1,4})?\\b|\\b\\d{4}${SEP}\\d{6}${SEP}\\d{5}\\b|\\d{8,}`, 'g'),
];

/** A run of 12+ letters, digits, `_` or `-`: a candidate token. */
const TOKEN_RUN = /[A-Za-z0-9_-]{12,}/g;

/**
 * Whether a run looks like a generated secret (a session, reset or OAuth token, a hash) rather than
 * a word, a slug or a file name: it mixes digits and letters, and switches between digits, capitals
 * and small letters often — at every other character for a short run ("Jx93KqPzVb71"), six times
 * or more for a run of 20 or more. "product_image_1024x1024" or "size-guide-2024" switch a few times.
 */
export function isRandomLooking(run: string): boolean {
  let digits = 0;
  let letters = 0;
  let switches = 0;
  let alnum = 0;
  let last: 'd' | 'u' | 'l' | undefined;
  for (const ch of run) {
    const kind = ch >= '0' && ch <= '9' ? 'd' : ch >= 'A' && ch <= 'Z' ? 'u' : ch >= 'a' && ch <= 'z' ? 'l' : undefined;
    if (!kind) continue;
    alnum++;
    if (kind === 'd') digits++;
    else letters++;
    if (last && kind !== last) switches++;
    last = kind;
  }
  if (digits < 2 || letters < 2) return false;
  return alnum >= 20 ? switches >= 6 : alnum >= 12 && switches * 2 >= alnum;
}

/** Masks every identifier and random-looking token in `text`. */
export function maskIdentifiers(text: string): string {
  let out = text;
  // Most text has no digit and no @: nothing but tokens can match there.
  if (/[@\d]|%40/.test(out)) for (const pattern of PATTERNS) out = out.replace(pattern, stars);
  if (out.length >= 12) out = out.replace(TOKEN_RUN, (run) => (isRandomLooking(run) ? stars(run) : run));
  return out;
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
 * Last line of defence, on serialised records before they are written: any Luhn-valid card number
 * still present in a string is overwritten, keeping the string's length so the JSON stays valid.
 */
export function scrubCardNumbers(json: string): string {
  return json.replace(CARD_LIKE, (run) => (isLuhnValid(run.replace(/\D/g, '')) ? run.replace(/\d/g, '0') : run));
}
