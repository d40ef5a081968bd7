/** Sizes beyond this are a page's mistake or a forgery, not an image's: the placeholder stays sane. */
const MAX_SIDE = 10_000;

const side = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?(px)?\s*$/.test(value) ? parseFloat(value) : NaN;
  return Number.isFinite(n) && n >= 1 ? Math.min(MAX_SIDE, Math.round(n)) : undefined;
};

/**
 * What the replay shows for an image that was not kept: a light grey box with a thin border, of the
 * image's size when known (from the capture, or the element's `width` and `height`); without a size it
 * has none of its own and fills the box the page gives it (an `<img>` without one is 300 × 150).
 */
export function placeholderImage(width?: unknown, height?: unknown): string {
  const w = side(width);
  const h = side(height);
  const size = w && h ? ` width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"` : w ? ` width="${w}"` : h ? ` height="${h}"` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"${size}><rect width="100%" height="100%" fill="#eeeeee" stroke="#c8c8c8" stroke-width="2"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
