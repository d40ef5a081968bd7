import { maskIdentifiers } from '../privacy/identifiers';
import type { TypedMatcher } from '../privacy/typed';

/**
 * Which parts of a page's text a screenshot hides: what the privacy pass would mask in it — an
 * identifier (e-mail, phone, card or account number, token) or an echo of what the evaluator typed
 * anywhere in the visit, in any case, without accents or URL-encoded. Pure: the measurer asks it
 * about each text node, then measures the spans it returns.
 */

/** A part of a text: `length` characters from `from`. */
export type Span = { from: number; length: number };

/**
 * The spans of `text` to hide, in order. `typed`: what was typed in the visit, as one matcher built
 * for the whole capture (it is asked about thousands of text nodes).
 */
export function sensitiveSpans(text: string, typed: TypedMatcher): Span[] {
  const masked = typed.mask(maskIdentifiers(text));
  const out: Span[] = [];
  if (masked === text) return out;
  for (let i = 0; i < text.length; i++) {
    if (masked[i] === text[i]) continue;
    let end = i + 1;
    // Spaces inside a masked run stay spaces in the mask: the run goes on across them.
    const hidden = (at: number) => at < text.length && masked[at] !== text[at];
    while (hidden(end) || (/\s/.test(text[end] ?? '') && hidden(end + 1))) end++;
    out.push({ from: i, length: end - i });
    i = end;
  }
  return out;
}
