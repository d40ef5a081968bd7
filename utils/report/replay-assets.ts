import { srcsetParts } from '../srcset';
import { AssetResolver, type AssetLookup, type RewriteOptions } from './asset-resolver';
import type { ReplayEvent } from './replay-events';

export { dataUrlOf, lookupIn, mimeOf, noAssets } from './asset-resolver';
export type { AssetAnswer, AssetCopy, AssetKind, AssetLookup, AssetMissing, RewriteOptions } from './asset-resolver';

/**
 * The replay shows the shop from the visit's own copies of its images, fonts and style sheets, and
 * fetches nothing. rrweb's numbers are written here rather than imported (as in the privacy pass).
 */
const EVENT = { fullSnapshot: 2, incremental: 3, meta: 4 } as const;
const SOURCE = { mutation: 0, styleSheetRule: 8, styleDeclaration: 13, adoptedStyleSheet: 15 } as const;
const NODE = { element: 2, text: 3 } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** What the walk knows of the page being replayed: its base address, its elements' tags, its style texts. */
interface Page {
  base: string;
  tags: Map<number, string>;
  styleTexts: Set<number>;
  /** The `width` and `height` attributes of elements that have them, for a placeholder's size. */
  sizes: Map<number, Obj>;
}

const pick = (attributes: Obj): Obj =>
  Object.fromEntries((['width', 'height'] as const).flatMap((k) => (attributes[k] !== undefined && attributes[k] !== null ? [[k, attributes[k]]] : [])));
const emptyPage = (base: string): Page => ({ base, tags: new Map(), styleTexts: new Set(), sizes: new Map() });

/** Attributes naming an image, by tag ('*': any element). */
const IMAGE_ATTRIBUTES: Record<string, string[]> = {
  '*': ['background'],
  img: ['src', 'rr_dataURL'],
  input: ['src'],
  video: ['poster'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  // A mutation on an element whose addition the walk did not see: its `src` or `poster` shows as an image.
  '': ['src', 'poster'],
};
/** Media the replay never plays (and would fetch): their addresses go. */
const MEDIA = new Set(['video', 'audio', 'source', 'track']);

/**
 * The recording's events with every image, font and style sheet address pointing at the visit's copy
 * (`lookup`), resolved against the page's address (the Meta event's `href`, or its `<base>`): an image
 * not kept becomes a neutral placeholder of its size; a font or a sheet not kept is left out (the page
 * falls back on its other fonts and styles). Style sheets rrweb inlined (`_cssText`) stay, their
 * addresses rewritten; a `<link>` to a sheet becomes the sheet's text. The input is not changed: what
 * changes is copied.
 */
export function rewriteAssets(events: readonly ReplayEvent[], lookup: AssetLookup, options: RewriteOptions = {}): ReplayEvent[] {
  const r = new AssetResolver(lookup, options.urlOf);
  let page = emptyPage('about:blank');
  return events.map((event) => {
    if (!isObj(event.data)) return event;
    const data = event.data;
    switch (event.type) {
      case EVENT.meta:
        page = emptyPage(str(data.href) ? data.href : 'about:blank');
        return event;
      case EVENT.fullSnapshot: {
        page = emptyPage(baseOf(data.node, page.base) ?? page.base);
        return { ...event, data: { ...data, node: rewriteNode(data.node, r, page, '') } };
      }
      case EVENT.incremental:
        return { ...event, data: rewriteIncremental(data, r, page) };
      default:
        return event;
    }
  });
}

/** The document's `<base href>`, resolved against the page's address. */
function baseOf(node: unknown, pageUrl: string): string | undefined {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!isObj(n)) continue;
    if (n.type === NODE.element && str(n.tagName) && n.tagName.toLowerCase() === 'base' && isObj(n.attributes) && str(n.attributes.href)) {
      try {
        return new URL(n.attributes.href, pageUrl).href;
      } catch {
        return undefined;
      }
    }
    if (isList(n.childNodes)) stack.push(...n.childNodes.slice().reverse());
  }
  return undefined;
}

function rewriteNode(node: unknown, r: AssetResolver, page: Page, parentTag: string): unknown {
  if (!isObj(node)) return node;
  if (node.type === NODE.element) {
    const tag = str(node.tagName) ? node.tagName.toLowerCase() : '';
    if (typeof node.id === 'number') {
      page.tags.set(node.id, tag);
      if (isObj(node.attributes) && (node.attributes.width !== undefined || node.attributes.height !== undefined)) page.sizes.set(node.id, pick(node.attributes));
    }
    const out: Obj = { ...node };
    if (isObj(node.attributes)) out.attributes = rewriteAttributes(tag, node.attributes, r, page.base, node.attributes, true);
    if (isList(node.childNodes)) out.childNodes = node.childNodes.map((c) => rewriteNode(c, r, page, tag));
    return out;
  }
  if (node.type === NODE.text) {
    const css = node.isStyle === true || parentTag === 'style';
    if (css && typeof node.id === 'number') page.styleTexts.add(node.id);
    return css && str(node.textContent) && node.textContent ? { ...node, textContent: r.css(node.textContent, page.base) } : node;
  }
  return isList(node.childNodes) ? { ...node, childNodes: node.childNodes.map((c) => rewriteNode(c, r, page, parentTag)) } : node;
}

/**
 * An element's attributes (a full node's, or those a mutation changed): addresses rewritten, addresses
 * with nothing to show removed (`null`, which a mutation reads as "remove"; a full node just lacks them).
 * `size` holds the element's `width` and `height`, for an image's placeholder.
 */
function rewriteAttributes(tag: string, changed: Obj, r: AssetResolver, base: string, size: Obj, full = false): Obj {
  const out: Obj = { ...changed };
  const images = new Set([...IMAGE_ATTRIBUTES['*']!, ...(IMAGE_ATTRIBUTES[tag] ?? [])]);
  for (const [name, value] of Object.entries(changed)) {
    if (name === 'style' && isObj(value)) out.style = rewriteStyleDiff(value, r, base);
    if (!str(value)) continue;
    if (name === 'style' || name === '_cssText') out[name] = r.css(value, base);
    else if (name === 'srcset' || name === 'imagesrcset') out[name] = rewriteSrcset(value, r, base);
    else if (images.has(name)) out[name] = r.image(value, base, size);
    else if (MEDIA.has(tag) && name === 'src') out[name] = isKept(value) ? value : null;
    else if (tag === 'use' && (name === 'href' || name === 'xlink:href')) out[name] = value.trim().startsWith('#') ? value : null;
  }
  if (tag === 'link' && str(changed.href)) Object.assign(out, inlineLink(changed.href, r, base));
  // An <img> known only by its srcset, none of it kept: its placeholder, rather than nothing.
  if (full && tag === 'img' && str(changed.srcset) && out.srcset === '' && !str(changed.src)) {
    out.src = r.image(/^[\s,]*(\S*?),*(\s|$)/.exec(changed.srcset)?.[1] ?? '', base, size);
  }
  // A full node has no "remove": what has nothing to show is left out.
  return full ? Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null)) : out;
}

const isKept = (value: string) => /^\s*(data:|#|$)/i.test(value);

/** A `<link>`: a style sheet with a copy becomes its text, as rrweb inlines one; any other loses its address. */
function inlineLink(href: string, r: AssetResolver, base: string): Obj {
  if (isKept(href)) return {};
  const text = r.sheet(href, base);
  return text === null ? { href: null, imagesrcset: null } : { href: null, rel: null, _cssText: text };
}

/** A `style` attribute changed by a mutation: `{ property: value | [value, priority] | false }`. */
function rewriteStyleDiff(diff: Obj, r: AssetResolver, base: string): Obj {
  return Object.fromEntries(
    Object.entries(diff).map(([p, v]) => [p, str(v) ? r.css(v, base) : isList(v) && str(v[0]) ? [r.css(v[0], base), ...v.slice(1)] : v]),
  );
}

/**
 * A `srcset` ("a.jpg 1x, b.jpg 2x"): each candidate with a copy points at it, the others are left
 * out (the browser then shows `src`, its copy or its placeholder). Parsed as browsers do: an address
 * runs to the next white space, a comma ends a candidate (none inside parentheses).
 */
export function rewriteSrcset(srcset: string, r: Pick<AssetResolver, 'storedImage'>, base: string): string {
  const kept: string[] = [];
  for (const { url, descriptor } of srcsetParts(srcset)) {
    if (!url) continue;
    const to = r.storedImage(url, base);
    const d = descriptor.trim();
    if (to !== null) kept.push(d ? `${to} ${d}` : to);
  }
  return kept.join(', ');
}

function rewriteIncremental(data: Obj, r: AssetResolver, page: Page): Obj {
  const css = (text: unknown) => (str(text) ? r.css(text, page.base) : text);
  const rules = (list: unknown) => (isList(list) ? list.map((a) => (isObj(a) && str(a.rule) ? { ...a, rule: css(a.rule) } : a)) : list);
  switch (data.source) {
    case SOURCE.mutation:
      return {
        ...data,
        ...(isList(data.adds)
          ? {
              adds: data.adds.map((a) => {
                if (!isObj(a)) return a;
                const parentTag = typeof a.parentId === 'number' ? (page.tags.get(a.parentId) ?? '') : '';
                return { ...a, node: rewriteNode(a.node, r, page, parentTag) };
              }),
            }
          : {}),
        ...(isList(data.texts)
          ? { texts: data.texts.map((t) => (isObj(t) && typeof t.id === 'number' && page.styleTexts.has(t.id) && str(t.value) ? { ...t, value: css(t.value) } : t)) }
          : {}),
        ...(isList(data.attributes)
          ? {
              attributes: data.attributes.map((a) => {
                if (!isObj(a) || !isObj(a.attributes)) return a;
                const id = typeof a.id === 'number' ? a.id : -1;
                const size = { ...page.sizes.get(id), ...pick(a.attributes) };
                if (size.width !== undefined || size.height !== undefined) page.sizes.set(id, size);
                return { ...a, attributes: rewriteAttributes(page.tags.get(id) ?? '', a.attributes, r, page.base, size) };
              }),
            }
          : {}),
      };
    case SOURCE.styleSheetRule:
      return { ...data, ...(isList(data.adds) ? { adds: rules(data.adds) } : {}), ...(str(data.replace) ? { replace: css(data.replace) } : {}), ...(str(data.replaceSync) ? { replaceSync: css(data.replaceSync) } : {}) };
    case SOURCE.styleDeclaration:
      return isObj(data.set) && str(data.set.value) ? { ...data, set: { ...data.set, value: css(data.set.value) } } : data;
    case SOURCE.adoptedStyleSheet:
      return isList(data.styles) ? { ...data, styles: data.styles.map((s) => (isObj(s) && isList(s.rules) ? { ...s, rules: rules(s.rules) } : s)) } : data;
    default:
      return data;
  }
}
