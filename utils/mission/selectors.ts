/**
 * A mission's privacy selectors are checked when it is imported, so that the agency hears of a
 * mistake then, and not the evaluator after a visit recorded what it meant to hide. The browser's
 * own parser is the judge where there is a document (the side panel, the options page); the pure
 * check below runs everywhere and catches the common slips without tokenizing CSS.
 */

const OPEN: Record<string, string> = { '[': ']', '(': ')' };
const COMBINATOR = /[>+~,]/;

/**
 * Whether `selector` looks like a CSS selector: not empty; no `{`, `}`, `;` or `<` (a rule or
 * markup pasted by mistake); quotes closed; brackets and parentheses balanced and nested; nothing
 * empty between them; no combinator or comma at either end or two in a row; `#`, `.` and `:`
 * followed by a name; none of `!@%?` and backquote, and `$` or `^` only before `=`.
 */
export function looksLikeSelector(selector: string): boolean {
  const s = selector.trim();
  if (!s || /[{};<]/.test(s)) return false;
  if (COMBINATOR.test(s[0] ?? '') || COMBINATOR.test(s.at(-1) ?? '')) return false;
  const closers: string[] = [];
  let quote = '';
  let previous = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === '\\') {
      if (i === s.length - 1) return false;
      i++;
      previous = 'x';
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch in OPEN) {
      closers.push(OPEN[ch] ?? '');
      if (s[i + 1] === OPEN[ch]) return false;
    } else if (ch === ']' || ch === ')') {
      if (closers.pop() !== ch) return false;
    } else if ((ch === '#' || ch === '.' || ch === ':') && !startsName(s, i + 1, ch === ':')) {
      return false;
    } else if (COMBINATOR.test(ch) && COMBINATOR.test(previous)) {
      return false;
    } else if (/[!@%?`]/.test(ch) || ((ch === '$' || ch === '^') && s[i + 1] !== '=')) {
      return false;
    }
    if (ch.trim()) previous = ch;
  }
  return !quote && closers.length === 0;
}

/**
 * A name starts at `at`: a letter, `_`, `-`, an escape or a non-ASCII character (not a digit); after
 * a colon, a letter or `-`, or a second colon and then one.
 */
function startsName(s: string, at: number, colon: boolean): boolean {
  const next = s[at] ?? '';
  if (colon) return next === ':' ? /^[A-Za-z-]/.test(s[at + 1] ?? '') : /^[A-Za-z-]/.test(next);
  return /^[A-Za-z_\-\\\u00a0-\uffff]/.test(next);
}
