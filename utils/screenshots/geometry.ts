/**
 * The arithmetic of a screenshot: which scroll positions stitch a full page, which part of each
 * capture goes where, and where the boxes that hide form values are painted. Lengths are CSS
 * pixels unless a function says otherwise.
 */

/** A rectangle; in viewport CSS pixels when it comes from the page. */
export type Rect = { x: number; y: number; width: number; height: number };

/** Tallest full page, in CSS pixels: beyond it the image is cut and marked truncated. */
export const MAX_PAGE_CSS_HEIGHT = 16_384;
/** Largest side of a canvas the browsers agree to draw and encode, in device pixels. */
export const MAX_CANVAS_PX = 32_767;

/**
 * One capture of a full page: scroll to `scrollY`, then copy the capture's rows
 * [cropTop, cropTop + height) to rows [drawY, drawY + height) of the page image.
 * Always `drawY = scrollY + cropTop`.
 */
export type Tile = { scrollY: number; drawY: number; cropTop: number; height: number };

/**
 * Plans a scroll-and-stitch capture. Tiles are one viewport apart; the last one is clamped to the
 * bottom (the browser clamps `scrollTo(y)` to `scrollHeight - viewportHeight`), so its top overlaps
 * the previous tile and is cropped. A page taller than `maxHeight` is cut there: `truncated`.
 */
export function planTiles(o: { scrollHeight: number; viewportHeight: number; maxHeight: number }): {
  tiles: Tile[];
  height: number;
  truncated: boolean;
} {
  const viewport = Math.max(1, Math.floor(o.viewportHeight));
  const scrollHeight = Math.max(0, Math.floor(o.scrollHeight));
  const height = Math.max(1, Math.min(scrollHeight, Math.floor(o.maxHeight)));
  const maxScroll = Math.max(0, scrollHeight - viewport);
  const tiles: Tile[] = [];
  for (let drawY = 0; drawY < height; drawY += viewport) {
    const scrollY = Math.min(drawY, maxScroll);
    const cropTop = drawY - scrollY;
    tiles.push({ scrollY, drawY, cropTop, height: Math.min(viewport - cropTop, height - drawY) });
  }
  return { tiles, height, truncated: scrollHeight > height };
}

/**
 * Where a tile's capture goes when the page did not scroll exactly where planned (scroll snapping, a
 * page that grew): the capture shows page rows [scrollY, scrollY + viewportHeight); the part of them
 * the tile is responsible for is copied, and nothing else. `height` is 0 when they do not meet.
 */
export function placeTile(tile: Tile, scrollY: number, viewportHeight: number): { srcY: number; destY: number; height: number } {
  const destY = Math.max(tile.drawY, scrollY);
  const end = Math.min(tile.drawY + tile.height, scrollY + viewportHeight);
  return { srcY: destY - scrollY, destY, height: Math.max(0, end - destY) };
}

/**
 * CSS pixels to image pixels. Rounded outwards, so a box never shrinks and no sliver of what it hides
 * is left at its edges.
 */
export function scaleRects(rects: readonly Rect[], scale: number): Rect[] {
  return rects.map((r) => {
    const x = Math.floor(r.x * scale);
    const y = Math.floor(r.y * scale);
    return { x, y, width: Math.ceil((r.x + r.width) * scale) - x, height: Math.ceil((r.y + r.height) * scale) - y };
  });
}

/** Grows each rectangle by `by` on every side: anti-aliased glyph edges spill past their boxes. */
export function inflateRects(rects: readonly Rect[], by: number): Rect[] {
  return rects.map((r) => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by }));
}

/** Moves rectangles by (dx, dy): from a viewport's coordinates to the page's. */
export function translateRects(rects: readonly Rect[], dx: number, dy: number): Rect[] {
  return rects.map((r) => ({ ...r, x: r.x + dx, y: r.y + dy }));
}

/**
 * Every rectangle of both lists, once: the boxes measured before and after a capture are all
 * painted, since the page may have moved between; most are the same and are painted once.
 */
export function unionRects(a: readonly Rect[], b: readonly Rect[]): Rect[] {
  const seen = new Set<string>();
  const out: Rect[] = [];
  for (const r of [...a, ...b]) {
    const key = `${r.x},${r.y},${r.width},${r.height}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** The parts of the rectangles inside `bounds`; those that do not meet it, or are empty, are dropped. */
export function clipRects(rects: readonly Rect[], bounds: Rect): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const x = Math.max(r.x, bounds.x);
    const y = Math.max(r.y, bounds.y);
    const right = Math.min(r.x + r.width, bounds.x + bounds.width);
    const bottom = Math.min(r.y + r.height, bounds.y + bounds.height);
    if (right > x && bottom > y) out.push({ x, y, width: right - x, height: bottom - y });
  }
  return out;
}

/**
 * The thumbnail of a `w` × `h` image: it fits in `maxW` × `maxH` and is never enlarged. An image
 * taller than the thumbnail's proportions (a full page) shows its top only: the first `sourceHeight`
 * rows are scaled, instead of the whole page shrunk to a sliver.
 */
export function thumbSize(w: number, h: number, maxW = 320, maxH = 480): { width: number; height: number; sourceHeight: number } {
  const sourceHeight = Math.max(1, Math.min(h, Math.round((w * maxH) / maxW)));
  const scale = Math.min(1, maxW / w, maxH / sourceHeight);
  return {
    width: Math.max(1, Math.round(w * scale)),
    height: Math.max(1, Math.round(sourceHeight * scale)),
    sourceHeight,
  };
}

/** What a measurement says about where things were on screen (see `heldStill`). */
export type ScreenState = {
  rects: readonly Rect[];
  scrollX: number;
  scrollY: number;
  viewportWidth: number;
  viewportHeight: number;
};

/**
 * Whether the page held still between two measurements taken around one capture: same scroll,
 * same viewport, and each box to hide where it was (within `slack` CSS px). When it did not — a
 * field focused by typing scrolls the page, a message pushes a form down — the picture may show a
 * third state that neither measurement covers, and is taken again.
 */
export function heldStill(a: ScreenState, b: ScreenState, slack = 2): boolean {
  if (a.scrollX !== b.scrollX || a.scrollY !== b.scrollY) return false;
  if (a.viewportWidth !== b.viewportWidth || a.viewportHeight !== b.viewportHeight) return false;
  if (a.rects.length !== b.rects.length) return false;
  return a.rects.every((r, i) => {
    const s = b.rects[i]!;
    return Math.abs(r.x - s.x) <= slack && Math.abs(r.y - s.y) <= slack && Math.abs(r.width - s.width) <= slack && Math.abs(r.height - s.height) <= slack;
  });
}
