/**
 * Which parts of a page's text a screenshot hides: what looks like an e-mail address or a long
 * number, and the page's echoes of what the person typed. Pure: the measurer asks it about each
 * text node, then measures the spans it returns.
 */

// An e-mail address, or 8+ digits possibly grouped by spaces, dashes or dots (cards, phones, IBANs).
const SENSITIVE_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|\d(?:[\s.\-\u2010-\u2015]{0,3}\d){7,}/gu;

/** A part of a text: `length` characters from `from`. */
export type Span = { from: number; length: number };

/**
 * The spans of `text` to hide, in order of kind then position (e-mails and numbers first, then each
 * typed piece). `typed` holds lower-case pieces of what was typed; echoes are found whatever their case.
 */
export function sensitiveSpans(text: string, typed: readonly string[]): Span[] {
  const out: Span[] = [];
  // Most text has neither an @ nor a digit: the costly expression is not run on it.
  if (/[@\d]/.test(text)) for (const match of text.matchAll(SENSITIVE_TEXT)) out.push({ from: match.index, length: match[0].length });
  if (typed.length === 0) return out;
  const lower = text.toLowerCase();
  for (const piece of typed) {
    if (!piece) continue;
    for (let at = lower.indexOf(piece); at >= 0; at = lower.indexOf(piece, at + piece.length)) out.push({ from: at, length: piece.length });
  }
  return out;
}
