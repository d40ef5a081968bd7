/**
 * The addresses a style sheet names, rewritten for the replay: `url(…)` and `image-set("…")` as
 * images, `@font-face` `src` candidates as fonts, `@import` as style sheets. A scanner rather than a
 * regular expression, so that comments, strings, escapes and parentheses inside quotes cannot hide an
 * address from it or make it cut a rule in two.
 */

/** What an address becomes: a replacement address, or `null` to drop it (a font or a sheet). */
export interface CssResolver {
  image(raw: string, base: string): string;
  font(raw: string, base: string): string | null;
  /** The text of the imported sheet (its own addresses already rewritten), or `null` to drop the rule. */
  sheet(raw: string, base: string): string | null;
}

const IDENT = /[\w-]/;

/** A CSS string or `url(` body's escapes undone (`\26 ` → `&`, `\)` → `)`, an escaped newline gone). */
export function unescapeCss(text: string): string {
  return text.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/g, (_all, hex?: string, _nl?: string, ch?: string) => {
    if (hex) {
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    }
    return ch ?? '';
  });
}

/** An address written back as a CSS string: quoted, with what could end it escaped. */
export const cssString = (url: string) => `"${url.replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** End (exclusive) of the string that starts at `i` (its quote). */
function stringEnd(css: string, i: number): number {
  const quote = css[i];
  let j = i + 1;
  while (j < css.length && css[j] !== quote && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1;
  return Math.min(css.length, j + 1);
}

/** End (exclusive) of the comment that starts at `i`. */
function commentEnd(css: string, i: number): number {
  const end = css.indexOf('*/', i + 2);
  return end === -1 ? css.length : end + 2;
}

/** A `url(` token from `i` (just after the parenthesis): its raw address and where the token ends. */
function readUrl(css: string, i: number): { raw: string; end: number } {
  let j = i;
  while (/\s/.test(css[j] ?? '')) j++;
  if (css[j] === '"' || css[j] === "'") {
    const end = stringEnd(css, j);
    const raw = unescapeCss(css.slice(j + 1, end - 1));
    const close = css.indexOf(')', end);
    return { raw, end: close === -1 ? css.length : close + 1 };
  }
  let k = j;
  while (k < css.length && css[k] !== ')') k += css[k] === '\\' ? 2 : 1;
  return { raw: unescapeCss(css.slice(j, k).trim()), end: Math.min(css.length, k + 1) };
}

/** Index of the `stop` character at depth 0 from `i` (strings, comments and brackets skipped), or -1. */
function indexTop(css: string, i: number, stop: string): number {
  let depth = 0;
  let j = i;
  while (j < css.length) {
    const c = css[j]!;
    if (c === '"' || c === "'") j = stringEnd(css, j);
    else if (c === '/' && css[j + 1] === '*') j = commentEnd(css, j);
    else {
      if (c === stop && depth === 0) return j;
      if (c === '(' || c === '[' || (c === '{' && stop !== '{')) depth++;
      else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
      j++;
    }
  }
  return -1;
}

/** Index just past the `stop` character at depth 0 from `i`, or the text's end. */
function scanTo(css: string, i: number, stop: string): number {
  const at = indexTop(css, i, stop);
  return at === -1 ? css.length : at + 1;
}

/** Splits at `sep` at depth 0 (not inside strings, comments or brackets). */
function splitTop(css: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = indexTop(css, start, sep); at !== -1; at = indexTop(css, start, sep)) {
    parts.push(css.slice(start, at));
    start = at + 1;
  }
  parts.push(css.slice(start));
  return parts;
}

/**
 * `url()` and `image-set()` addresses in `css`, each replaced by `to(raw)`; `null` marks a drop.
 * Inside an `image-set()` (`nested`), another one is not looked into: it is not valid CSS, so the
 * browser fetches none of its strings, and a hostile sheet cannot make the scan recurse.
 */
function rewriteTokens(css: string, to: (raw: string) => string | null, nested = false): { text: string; dropped: boolean } {
  let out = '';
  let dropped = false;
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      const end = stringEnd(css, i);
      out += css.slice(i, end);
      i = end;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = commentEnd(css, i);
      out += css.slice(i, end);
      i = end;
    } else if (!IDENT.test(css[i - 1] ?? ' ') && /^url\(/i.test(css.slice(i, i + 4))) {
      const { raw, end } = readUrl(css, i + 4);
      const url = to(raw);
      if (url === null) dropped = true;
      out += `url(${cssString(url ?? '')})`;
      i = end;
    } else if (!nested && !IDENT.test(css[i - 1] ?? ' ') && /^(-webkit-)?image-set\(/i.test(css.slice(i, i + 18))) {
      // Inside image-set(), a bare string is an address too.
      const open = css.indexOf('(', i) + 1;
      const close = scanTo(css, open, ')');
      const inner = css.slice(open, close - 1);
      let body = '';
      let j = 0;
      while (j < inner.length) {
        if (inner[j] === '"' || inner[j] === "'") {
          const end = stringEnd(inner, j);
          body += cssString(to(unescapeCss(inner.slice(j + 1, end - 1))) ?? '');
          j = end;
        } else {
          const next = inner.slice(j).search(/["']/);
          const stop = next === -1 ? inner.length : j + next;
          body += rewriteTokens(inner.slice(j, stop), to, true).text;
          j = stop;
        }
      }
      out += `${css.slice(i, open)}${body})`;
      i = close;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, dropped };
}

/** A `@font-face` block's body: each `src` candidate whose font is dropped goes, and `src` with none left. */
function rewriteFontFace(body: string, base: string, r: CssResolver): string {
  return splitTop(body, ';')
    .flatMap((decl) => {
      const colon = decl.indexOf(':');
      if (colon === -1 || decl.slice(0, colon).trim().toLowerCase() !== 'src') return [rewriteTokens(decl, (raw) => r.image(raw, base)).text];
      const kept = splitTop(decl.slice(colon + 1), ',').flatMap((candidate) => {
        const done = rewriteTokens(candidate, (raw) => r.font(raw, base));
        return done.dropped ? [] : [done.text.trim()];
      });
      return kept.length === 0 ? [] : [`${decl.slice(0, colon + 1)} ${kept.join(', ')}`];
    })
    .join(';');
}

/** `@import`'s conditions as the blocks that wrap the inlined sheet: layer, supports, media. */
function wrapImport(text: string, conditions: string): string {
  let rest = conditions.trim();
  const open: string[] = [];
  const layer = /^layer(?:\(([^)]*)\))?/i.exec(rest);
  if (layer) {
    open.push(layer[1] ? `@layer ${layer[1].trim()} {` : '@layer {');
    rest = rest.slice(layer[0].length).trim();
  }
  if (/^supports\(/i.test(rest)) {
    const end = scanTo(rest, 9, ')');
    open.push(`@supports (${rest.slice(9, end - 1)}) {`);
    rest = rest.slice(end).trim();
  }
  if (rest) open.push(`@media ${rest} {`);
  return `${open.join('\n')}\n${text}\n${'}'.repeat(open.length)}`;
}

/** The rule's prelude name at `i` (an at-keyword), lower case, or '' when none. */
const atName = (css: string, i: number) => (css[i] === '@' ? (/^@([\w-]+)/.exec(css.slice(i, i + 40))?.[1] ?? '').toLowerCase() : '');

/**
 * `css` with every address it names rewritten by `r`, relative ones resolved against `base`. An
 * `@import` becomes the imported sheet's own text (wrapped in its conditions) or goes; `@namespace`
 * names are not addresses and stay.
 */
export function rewriteCss(css: string, base: string, r: CssResolver): string {
  let out = '';
  let i = 0;
  let from = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") i = stringEnd(css, i);
    else if (c === '/' && css[i + 1] === '*') i = commentEnd(css, i);
    // An unquoted address may hold an `@` (`url(/logo@import.png)`): not a rule.
    else if (!IDENT.test(css[i - 1] ?? ' ') && /^url\(/i.test(css.slice(i, i + 4))) i = readUrl(css, i + 4).end;
    else if (c === '@') {
      const name = atName(css, i);
      if (name === 'import' || name === 'namespace' || name === 'charset') {
        out += rewriteTokens(css.slice(from, i), (raw) => r.image(raw, base)).text;
        const end = scanTo(css, i, ';');
        if (name === 'namespace') out += css.slice(i, end);
        if (name === 'import') out += inlineImport(css.slice(i + 7, end).replace(/;$/, ''), base, r);
        i = from = end;
      } else if (name === 'font-face') {
        out += rewriteTokens(css.slice(from, i), (raw) => r.image(raw, base)).text;
        const open = scanTo(css, i, '{');
        const close = scanTo(css, open, '}');
        const inside = css.slice(open, close).replace(/\}$/, '');
        out += `${css.slice(i, open)}${rewriteFontFace(inside, base, r)}}`;
        i = from = close;
      } else i++;
    } else i++;
  }
  return out + rewriteTokens(css.slice(from), (raw) => r.image(raw, base)).text;
}

/** One `@import`'s prelude (after the keyword) → the sheet's text in its conditions, or nothing. */
function inlineImport(prelude: string, base: string, r: CssResolver): string {
  const p = prelude.trim();
  let raw: string;
  let rest: string;
  if (/^url\(/i.test(p)) {
    const u = readUrl(p, 4);
    raw = u.raw;
    rest = p.slice(u.end);
  } else if (p[0] === '"' || p[0] === "'") {
    const end = stringEnd(p, 0);
    raw = unescapeCss(p.slice(1, end - 1));
    rest = p.slice(end);
  } else return '';
  const text = r.sheet(raw, base);
  return text === null ? '' : wrapImport(text, rest);
}
