import { privateZones } from '../recording/privacy';
import { MAX_ASSETS_ANSWERED, type PageAsset, type PageAssets } from '../messaging/capture-page';
import { stylesheetUrls } from './css-urls';

/**
 * The page's side of keeping its assets (issue 15): which images, style sheets and fonts it
 * displays, by address, with the displayed size of each image. Nothing is read from the cache here
 * (the background asks for each address it keeps: ./read-cached.ts), nothing in the page changes. What lies inside a masked or blocked zone
 * (the recorder's lists, the shop's markers, the evaluator's and the mission's rules) is left out,
 * as are `data:` and `blob:` addresses (the recording has the first; the second dies with the page).
 * Shadow roots are not walked.
 */

/** Elements read between two turns given to the page (`getComputedStyle` of each, and its ::before, ::after). */
export const SLICE_ELEMENTS = 500;
const PSEUDOS = [null, '::before', '::after'] as const;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s'"]*))\s*\)/gi;

/** An http(s) address, absolute; undefined for data:, blob:, about: and anything unreadable. */
function fetchable(raw: string | null | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type Options = {
  maskSelectors: readonly string[];
  blockSelectors: readonly string[];
  /** A turn given to the page every `SLICE_ELEMENTS` elements (none in tests). */
  pause?: () => Promise<void>;
  max?: number;
};

/**
 * The assets `doc` displays now: `<img>` (and `<picture>`'s) by `currentSrc`, the candidate the
 * browser chose, at its rendered size; video posters and image buttons; CSS `background-image` addresses of rendered elements and
 * their ::before/::after; `<link rel=stylesheet>`s; the first `url()` of each `@font-face` rule of
 * the readable sheets whose family the page loaded (`document.fonts`; every face where the browser
 * does not say). At most `max` addresses, each once (the first place found wins), with the page's
 * device pixel ratio.
 */
export async function discoverAssets(doc: Document, o: Options): Promise<PageAssets> {
  const win = doc.defaultView;
  const max = o.max ?? MAX_ASSETS_ANSWERED;
  const base = doc.baseURI;
  const hidden = privateZones(doc, o);
  // Memoised up the tree: a page of 20,000 elements asks of each, and most share their ancestors.
  const verdicts = new Map<Element, boolean>();
  const isPrivate = (el: Element): boolean => {
    const known = verdicts.get(el);
    if (known !== undefined) return known;
    const parent = el.parentElement;
    const verdict = (hidden !== '' && el.matches(hidden)) || (parent !== null && isPrivate(parent));
    verdicts.set(el, verdict);
    return verdict;
  };
  const found = new Map<string, PageAsset>();
  const add = (asset: PageAsset) => {
    if (found.size < max && !found.has(asset.url)) found.set(asset.url, asset);
  };

  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet" i][href]')) {
    if (link.disabled || isPrivate(link)) continue;
    const url = fetchable(link.getAttribute('href'), base);
    if (url) add({ url, kind: 'stylesheet' });
  }

  for (const img of doc.querySelectorAll('img')) {
    if (isPrivate(img)) continue;
    const url = fetchable(img.currentSrc || img.getAttribute('src'), base);
    if (!url) continue;
    const box = img.getBoundingClientRect();
    const rendered = typeof img.checkVisibility === 'function' ? img.checkVisibility() : box.width > 0 || box.height > 0;
    if (rendered) add({ url, kind: 'image', width: box.width, height: box.height });
    // Not shown now (a carousel's next slide, a closed menu): kept at its own size, unless it is a pixel.
    else if (img.complete && (img.naturalWidth > 1 || img.naturalHeight > 1)) add({ url, kind: 'image' });
  }

  // A video's poster and an image button show an image too (the video itself is not kept).
  for (const el of doc.querySelectorAll('video[poster], input[type="image" i][src]')) {
    if (isPrivate(el)) continue;
    const url = fetchable(el.getAttribute(el.localName === 'video' ? 'poster' : 'src'), base);
    const box = el.getBoundingClientRect();
    if (url && box.width > 0 && box.height > 0) add({ url, kind: 'image', width: box.width, height: box.height });
  }

  let count = 0;
  for (const el of doc.querySelectorAll('body *')) {
    if (found.size >= max) break;
    if (++count % SLICE_ELEMENTS === 0 && o.pause) await o.pause();
    if (!el.isConnected || isPrivate(el)) continue;
    const visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
    if (!visible) continue;
    let box: DOMRect | undefined;
    for (const pseudo of PSEUDOS) {
      const image = win?.getComputedStyle(el, pseudo).backgroundImage;
      if (!image || image === 'none' || !image.includes('url(')) continue;
      box ??= el.getBoundingClientRect();
      for (const m of image.matchAll(CSS_URL)) {
        const url = fetchable(m[1] ?? m[2] ?? m[3], base);
        // A pseudo-element's box is not its element's: its size is left unknown.
        if (url) add(pseudo ? { url, kind: 'image' } : { url, kind: 'image', width: box.width, height: box.height });
      }
    }
  }

  for (const url of loadedFontUrls(doc)) add({ url, kind: 'font' });
  return { dpr: win?.devicePixelRatio || 1, assets: [...found.values()] };
}

/** Family names as `document.fonts` and `font-family` write them, compared without quotes or case. */
const family = (name: string) => name.trim().replace(/^["']|["']$/g, '').toLowerCase();

/** The first `url()` of each `@font-face` rule in the sheets the page may read, of the families it loaded. */
function loadedFontUrls(doc: Document): string[] {
  const fonts = (doc as { fonts?: Iterable<FontFace> }).fonts;
  let loaded: Set<string> | undefined;
  if (fonts && typeof (fonts as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
    loaded = new Set([...fonts].filter((f) => f.status === 'loaded').map((f) => family(f.family)));
  }
  const urls: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: not read by the page, and not kept (`other-site`)
    }
    const base = sheet.href ?? doc.baseURI;
    for (const rule of Array.from(rules)) {
      const text = rule.cssText;
      if (!/^@font-face/i.test(text)) continue;
      const name = /font-family\s*:\s*([^;}]+)/i.exec(text)?.[1];
      if (loaded && name !== undefined && !loaded.has(family(name))) continue;
      const first = stylesheetUrls(text, base).find((u) => u.kind === 'font');
      if (first) urls.push(first.url);
    }
  }
  return urls;
}
