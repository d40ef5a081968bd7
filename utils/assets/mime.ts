import type { AssetKind } from './schema';

const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  otf: 'font/otf',
  eot: 'application/vnd.ms-fontobject',
  css: 'text/css',
};

/**
 * The media type an asset is stored with: a style sheet is `text/css` whatever its server said; an
 * image keeps the server's `image/…` type, else its file's extension's; a font likewise (servers
 * often send fonts as `application/octet-stream`). Undefined for an image whose type cannot be told
 * (a page that answers an image's address with HTML has no image there).
 */
export function storedMime(kind: AssetKind, declared: string, url: string): string | undefined {
  if (kind === 'stylesheet') return 'text/css';
  let extension = '';
  try {
    extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    // no extension to go by
  }
  const byExtension = BY_EXTENSION[extension];
  if (kind === 'image') {
    if (declared.startsWith('image/')) return declared;
    return byExtension?.startsWith('image/') ? byExtension : undefined;
  }
  if (declared.startsWith('font/') || declared === 'application/font-woff' || declared === 'application/vnd.ms-fontobject') return declared;
  return byExtension?.startsWith('font/') || byExtension === 'application/vnd.ms-fontobject' ? byExtension : declared || 'application/octet-stream';
}
