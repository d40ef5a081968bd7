/**
 * The size an image is kept at: what the page displayed (CSS pixels) times the screen's device pixel
 * ratio, in the image's own proportions, never larger than the image itself (no upscaling). Without
 * a displayed size (an image found in a style sheet) the image keeps its size, within `maxSide`.
 */
export function keptSize(
  natural: { width: number; height: number },
  displayed: { width?: number | undefined; height?: number | undefined } | undefined,
  dpr: number,
  maxSide = 2560,
): { width: number; height: number } {
  const { width, height } = natural;
  if (width <= 0 || height <= 0) return { width: Math.max(1, width), height: Math.max(1, height) };
  const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
  let scale = Math.min(1, maxSide / width, maxSide / height);
  const w = displayed?.width;
  const h = displayed?.height;
  if (w !== undefined && h !== undefined && w > 0 && h > 0) {
    // `object-fit: cover` shows the image larger than its box one way: the larger scale keeps it sharp.
    scale = Math.min(scale, Math.max((w * ratio) / width, (h * ratio) / height));
  }
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
