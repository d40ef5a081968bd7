import { stars } from './identifiers';

/**
 * What the evaluator typed into the shop's fields, found again wherever the shop puts it back: on
 * another page, in capitals, without its accents, URL-encoded (`%20` or `+` for spaces), or one
 * word of it ("Bonjour Maëlys"). The values themselves live in memory only (see the background's
 * `privacy.ts`); this file only matches them.
 */

/** Names a search field or a search address's parameter gives its terms ("?q=…", "?s=…"). */
export const SEARCH_NAMES = /^(q|s|query|search|recherche|search_query|keywords?|controller_search|term)$/i;

/** One character, compared without case or accent: "É" and "e" are alike. Keeps the length. */
function foldChar(ch: string): string {
  const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === 1 ? folded : (folded[0] ?? ch);
}

/** `text` without case or accents, one character for one, so that positions match the original. */
export function fold(text: string): string {
  // Plain lower-case ASCII needs no work, and is most of a page's text.
  if (!/[A-Z\u0080-\uffff]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** A value and its words of 4+ characters: "Maëlys Quenouillard" is echoed as "Bonjour Maëlys". */
export function typedPieces(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.length < 3) return [];
  const words = trimmed.split(/[\s,;]+/).filter((w) => w.length >= 4);
  return [...new Set([trimmed, ...words])];
}

/** The forms a piece takes when it comes back, folded: as typed, and URL-encoded both ways. */
function forms(piece: string): string[] {
  const encoded = encodeURIComponent(piece);
  return [piece, encoded, encoded.replace(/%20/g, '+'), piece.replace(/ /g, '+')].map(fold);
}

export class TypedMatcher {
  /** Folded needles, longest first, so that a whole value is masked before its words. */
  private readonly needles: string[];

  /**
   * `values` are masked whole and word by word (a name, an address); `wholeOnly` only whole (a
   * search: its single words are the shop's own product words, "lampe", and would mask the shop).
   */
  constructor(values: Iterable<string>, wholeOnly: Iterable<string> = []) {
    const all = new Set<string>();
    for (const value of values) for (const piece of typedPieces(value)) for (const form of forms(piece)) all.add(form);
    for (const value of wholeOnly) for (const piece of typedPieces(value).slice(0, 1)) for (const form of forms(piece)) all.add(form);
    this.needles = [...all].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.needles.length === 0;
  }

  /** `text` with every echo of a typed value masked in place. */
  mask(text: string): string {
    if (this.needles.length === 0 || text.length < 3) return text;
    const folded = fold(text);
    let ranges: Array<[number, number]> | undefined;
    for (const needle of this.needles) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
        (ranges ??= []).push([at, at + needle.length]);
      }
    }
    if (!ranges) return text;
    let out = '';
    let from = 0;
    for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
      if (end <= from) continue;
      const s = Math.max(start, from);
      out += text.slice(from, s) + stars(text.slice(s, end));
      from = end;
    }
    return out + text.slice(from);
  }
}
