import type { AssetKind } from './schema';

/**
 * The addresses a style sheet uses — `@import`s, fonts of its `@font-face` rules, images of
 * everything else — resolved against the sheet's own address, as the browser resolves them
 * (CSS Values 4, "Relative URLs": https://www.w3.org/TR/css-values-4/#relative-urls).
 */

export type SheetUrl = { url: string; kind: AssetKind };

/** The most addresses taken from one sheet: a generated sheet of sprites is bounded all the same. */
export const MAX_SHEET_URLS = 500;

const COMMENT = /\/\*[\s\S]*?\*\//g;
const FONT_FACE = /@font-face\s*\{[^}]*\}/gi;
/** An unquoted url()'s address: anything but a space, a quote or `)`, unless escaped (`url(a\ b.png)`). */
const UNQUOTED = String.raw`((?:\\.|[^)\s'"\\])*)`;
const IMPORT = new RegExp(String.raw`@import\s+(?:url\(\s*(?:"([^"]*)"|'([^']*)'|${UNQUOTED})\s*\)|"([^"]*)"|'([^']*)')`, 'gi');
const URL_FN = new RegExp(String.raw`url\(\s*(?:"([^"]*)"|'([^']*)'|${UNQUOTED})\s*\)`, 'gi');
const FONT_FILE = /\.(?:woff2?|ttf|otf|eot)$/i;

/** The kind of an address found outside `@font-face` and `@import`, from its file's extension. */
export function kindByExtension(url: URL): AssetKind {
  if (FONT_FILE.test(url.pathname)) return 'font';
  if (/\.css$/i.test(url.pathname)) return 'stylesheet';
  return 'image';
}

/** `raw` resolved against `base`, when it is an http(s) address of a file (not data:, blob:, nor `#fragment` alone). */
export function resolveCssUrl(raw: string, base: string): URL | undefined {
  // CSS escapes in an unquoted url() (`url(a\ b.png)`) stand for the character itself.
  const text = raw.trim().replace(/\\([^0-9a-f\n])/gi, '$1');
  if (!text || text.startsWith('#')) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every address `css` uses, each once (the first kind found wins): `@import`s first, then fonts, then the rest in the order written; `@import`
 * as `stylesheet`, the first `url()` of each `@font-face` as `font`, other `url()` by their extension (a font
 * or a sheet file keeps its kind; anything else is an image). `image-set()` strings without
 * `url()` are left out.
 */
export function stylesheetUrls(css: string, sheetUrl: string, max = MAX_SHEET_URLS): SheetUrl[] {
  const text = css.replace(COMMENT, ' ');
  const found = new Map<string, AssetKind>();
  const add = (raw: string | undefined, kind: AssetKind | undefined) => {
    if (raw === undefined || found.size >= max) return;
    const url = resolveCssUrl(raw, sheetUrl);
    if (url && !found.has(url.href)) found.set(url.href, kind ?? kindByExtension(url));
  };
  const taken: [number, number][] = [];
  for (const m of text.matchAll(IMPORT)) {
    add(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5], 'stylesheet');
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(FONT_FACE)) {
    // The first source is the one a current browser takes (woff2 first, by custom); the others are fallbacks.
    const u = URL_FN.exec(m[0]);
    URL_FN.lastIndex = 0;
    if (u) add(u[1] ?? u[2] ?? u[3], 'font');
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(URL_FN)) {
    if (taken.some(([from, to]) => m.index >= from && m.index < to)) continue;
    add(m[1] ?? m[2] ?? m[3], undefined);
  }
  return [...found].map(([url, kind]) => ({ url, kind }));
}
