/**
 * The answers the replay gives each address a recording uses: the stored copy (a `data:` URL, or what
 * the caller prefers), a placeholder for an image not kept, nothing for a font or a sheet not kept.
 */
import { toBase64 } from '../recording/codec';
import { placeholderImage } from './asset-placeholder';
import { rewriteCss, type CssResolver } from './css-urls';

/** What kind of address a recording uses it as. */
export type AssetKind = 'image' | 'font' | 'stylesheet';
/** A stored copy of what the shop served at an address. */
export interface AssetCopy {
  kind: AssetKind;
  mime: string;
  bytes: Uint8Array;
}
/** An address the capture saw but did not keep (over budget, private, too big…), with the size shown. */
export interface AssetMissing {
  missing: true;
  width?: number;
  height?: number;
}
export type AssetAnswer = AssetCopy | AssetMissing;
/**
 * What the replay knows of an address the recording uses (absolute, without its `#fragment`);
 * `undefined` when it knows nothing (treated as not kept).
 */
export type AssetLookup = (absoluteUrl: string) => AssetAnswer | undefined;

/** A visit whose assets were not kept: every image a placeholder, every font and sheet left out. */
export const noAssets: AssetLookup = () => undefined;

/** A lookup over the copies of a visit, by absolute address. */
export const lookupIn =
  (assets: ReadonlyMap<string, AssetAnswer>): AssetLookup =>
  (url) =>
    assets.get(url);

export interface RewriteOptions {
  /** The address the replay uses for a copy: a `data:` URL by default (the exported file needs one). */
  urlOf?: (copy: AssetCopy, address: string) => string;
}

const SAFE_MIME = /^[a-z]+\/[\w.+-]+$/i;
const FALLBACK_MIME: Record<AssetKind, string> = { image: 'application/octet-stream', font: 'font/woff2', stylesheet: 'text/css' };

/** The type each kind may declare: an image is never served as a page, whatever its copy says. */
const KIND_MIME: Record<AssetKind, RegExp> = { image: /^image\//, font: /^(font\/|application\/)/, stylesheet: /^text\/css$/ };

/** A copy's type as the replay serves it: one that could break out of a URL, or not of its kind, is replaced by its kind's. */
export const mimeOf = (copy: AssetCopy): string => {
  const mime = copy.mime.trim().toLowerCase();
  return SAFE_MIME.test(mime) && KIND_MIME[copy.kind].test(mime) ? mime : FALLBACK_MIME[copy.kind];
};

/** A copy as a `data:` URL. */
export const dataUrlOf = (copy: AssetCopy): string => `data:${mimeOf(copy)};base64,${toBase64(copy.bytes)}`;

/** Sheets inlined in sheets (`@import`) stop here: deeper, or in a loop, the rule is dropped. */
const MAX_IMPORT_DEPTH = 4;

/** How an address is read: left as is (`data:`, `#fragment`, empty), or the absolute address to look up. */
function classify(raw: string, base: string): { keep: true } | { keep: false; url: string | undefined } {
  const value = raw.trim();
  if (value === '' || value.startsWith('#') || /^data:/i.test(value)) return { keep: true };
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { keep: false, url: undefined };
  }
  if (url.protocol === 'data:') return { keep: true };
  url.hash = '';
  // javascript:, file:, about: and the like name nothing the capture could keep.
  return { keep: false, url: ['http:', 'https:', 'blob:'].includes(url.protocol) ? url.href : undefined };
}

/** Resolves a recording's addresses to stored copies, placeholders or nothing; remembers each answer. */
export class AssetResolver implements CssResolver {
  private readonly urls = new Map<string, string>();
  private readonly sheets = new Map<string, string | null>();
  private readonly importing = new Set<string>();

  constructor(
    private readonly lookup: AssetLookup,
    private readonly urlOf: (copy: AssetCopy, address: string) => string = dataUrlOf,
  ) {}

  private copy(url: string | undefined, kind: AssetKind): { url?: string; missing?: AssetMissing } {
    if (url === undefined) return {};
    const answer = this.lookup(url);
    if (!answer || 'missing' in answer) return { missing: answer };
    if (answer.kind !== kind) return {};
    let out = this.urls.get(url);
    if (out === undefined) this.urls.set(url, (out = this.urlOf(answer, url)));
    return { url: out };
  }

  /** An image's address: its copy, or a placeholder of its size (the capture's, else `size`). */
  image(raw: string, base: string, size?: { width?: unknown; height?: unknown }): string {
    const c = classify(raw, base);
    if (c.keep) return raw;
    const found = this.copy(c.url, 'image');
    return found.url ?? placeholderImage(found.missing?.width ?? size?.width, found.missing?.height ?? size?.height);
  }

  /** An image address that has a copy, or `null` (a `srcset` candidate without one is left out). */
  storedImage(raw: string, base: string): string | null {
    const c = classify(raw, base);
    return c.keep ? raw : (this.copy(c.url, 'image').url ?? null);
  }

  font(raw: string, base: string): string | null {
    const c = classify(raw, base);
    return c.keep ? raw : (this.copy(c.url, 'font').url ?? null);
  }

  /** A style sheet's text, its own addresses rewritten against its address, or `null` without a copy. */
  sheet(raw: string, base: string): string | null {
    const c = classify(raw, base);
    if (c.keep || c.url === undefined) return null;
    const url = c.url;
    if (this.sheets.has(url)) return this.sheets.get(url)!;
    if (this.importing.has(url) || this.importing.size >= MAX_IMPORT_DEPTH) return null;
    const answer = this.lookup(url);
    if (!answer || 'missing' in answer || answer.kind !== 'stylesheet') {
      this.sheets.set(url, null);
      return null;
    }
    this.importing.add(url);
    try {
      const text = new TextDecoder().decode(answer.bytes).replace(/^\uFEFF?\s*@charset\s+("[^"]*"|'[^']*')\s*;/i, '');
      const done = rewriteCss(text, url, this);
      this.sheets.set(url, done);
      return done;
    } finally {
      this.importing.delete(url);
    }
  }

  /** A style sheet or a `style` attribute's text, rewritten. */
  css(text: string, base: string): string {
    return rewriteCss(text, base, this);
  }
}
