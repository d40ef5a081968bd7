import { maskIdentifiers } from '../privacy/identifiers';
import { TypedMatcher } from '../privacy/typed';

/**
 * Which parts of a page's text a screenshot hides: what the privacy pass would mask in it — an
 * identifier (e-mail, phone, card or account number, token) or an echo of what the evaluator typed
 * anywhere in the visit, in any case, without accents or URL-encoded. Pure: the measurer asks it
 * about each text node, then measures the spans it returns.
 */

/** A part of a text: `length` characters from `from`. */
export type Span = { from: number; length: number };

/** One matcher per list of typed values (a capture asks about thousands of text nodes). */
const matchers = new WeakMap<readonly string[], TypedMatcher>();

/** The spans of `text` to hide, in order. `typed`: the values typed in the visit, or their matcher. */
export function sensitiveSpans(text: string, typed: readonly string[] | TypedMatcher): Span[] {
  let matcher = typed instanceof TypedMatcher ? typed : matchers.get(typed);
  if (!matcher) {
    matcher = new TypedMatcher(typed as readonly string[]);
    matchers.set(typed as readonly string[], matcher);
  }
  const masked = matcher.mask(maskIdentifiers(text));
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
