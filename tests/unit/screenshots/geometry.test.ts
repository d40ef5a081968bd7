import { describe, expect, it } from 'vitest';
import {
  MAX_PAGE_CSS_HEIGHT,
  clipRects,
  inflateRects,
  placeTile,
  planTiles,
  scaleRects,
  thumbSize,
  translateRects,
  unionRects,
  heldStill,
  type Tile,
} from '../../../utils/screenshots/geometry';

/** Replays a plan the way the browser would: which page row ends up on each image row. */
function stitch(tiles: Tile[], scrollHeight: number, viewportHeight: number, height: number): number[] {
  const image = new Array<number>(height).fill(-1);
  for (const t of tiles) {
    // The browser clamps the scroll position; the plan must already be within it.
    expect(t.scrollY).toBe(Math.min(t.scrollY, Math.max(0, scrollHeight - viewportHeight)));
    expect(t.drawY).toBe(t.scrollY + t.cropTop);
    expect(t.cropTop).toBeGreaterThanOrEqual(0);
    expect(t.cropTop + t.height).toBeLessThanOrEqual(viewportHeight);
    for (let row = t.cropTop; row < t.cropTop + t.height; row++) {
      expect(image[t.drawY + row - t.cropTop]).toBe(-1); // each image row is drawn once
      image[t.drawY + row - t.cropTop] = t.scrollY + row; // the page row a capture shows there
    }
  }
  return image;
}

describe('planTiles', () => {
  const cases: [scrollHeight: number, viewportHeight: number][] = [
    [800, 800],
    [500, 800],
    [1600, 800],
    [2000, 800],
    [2001, 800],
    [801, 800],
    [12_345, 937],
    [1, 1],
  ];
  it.each(cases)('a page of %i in a viewport of %i: every row once, in place', (scrollHeight, viewportHeight) => {
    const plan = planTiles({ scrollHeight, viewportHeight, maxHeight: MAX_PAGE_CSS_HEIGHT });
    expect(plan.truncated).toBe(false);
    expect(plan.height).toBe(scrollHeight);
    const image = stitch(plan.tiles, scrollHeight, viewportHeight, plan.height);
    expect(image).toEqual(Array.from({ length: scrollHeight }, (_, row) => row));
  });

  it('clamps the last tile to the bottom and crops its overlap', () => {
    const plan = planTiles({ scrollHeight: 2000, viewportHeight: 800, maxHeight: MAX_PAGE_CSS_HEIGHT });
    expect(plan.tiles).toEqual([
      { scrollY: 0, drawY: 0, cropTop: 0, height: 800 },
      { scrollY: 800, drawY: 800, cropTop: 0, height: 800 },
      { scrollY: 1200, drawY: 1600, cropTop: 400, height: 400 },
    ]);
  });

  it('cuts a page taller than the limit and says so', () => {
    const plan = planTiles({ scrollHeight: 50_000, viewportHeight: 1000, maxHeight: 16_384 });
    expect(plan).toMatchObject({ height: 16_384, truncated: true });
    expect(plan.tiles).toHaveLength(17);
    expect(plan.tiles.at(-1)).toEqual({ scrollY: 16_000, drawY: 16_000, cropTop: 0, height: 384 });
    const image = stitch(plan.tiles, 50_000, 1000, plan.height);
    expect(image).toEqual(Array.from({ length: 16_384 }, (_, row) => row));
  });

  it('is not truncated at exactly the limit', () => {
    expect(planTiles({ scrollHeight: 16_384, viewportHeight: 1000, maxHeight: 16_384 }).truncated).toBe(false);
  });

  it('survives an empty page and a zero viewport', () => {
    expect(planTiles({ scrollHeight: 0, viewportHeight: 0, maxHeight: 100 })).toEqual({
      tiles: [{ scrollY: 0, drawY: 0, cropTop: 0, height: 1 }],
      height: 1,
      truncated: false,
    });
  });
});

describe('placeTile', () => {
  const tile: Tile = { scrollY: 800, drawY: 800, cropTop: 0, height: 800 };

  it('is the plan when the page scrolled where asked', () => {
    expect(placeTile(tile, 800, 800)).toEqual({ srcY: 0, destY: 800, height: 800 });
    expect(placeTile({ scrollY: 1200, drawY: 1600, cropTop: 400, height: 400 }, 1200, 800)).toEqual({ srcY: 400, destY: 1600, height: 400 });
  });

  it('copies only the rows the tile owns when the page stopped short', () => {
    expect(placeTile(tile, 700, 800)).toEqual({ srcY: 100, destY: 800, height: 700 });
  });

  it('does not spill into the next tile when the page went further', () => {
    expect(placeTile(tile, 900, 800)).toEqual({ srcY: 0, destY: 900, height: 700 });
  });

  it('copies nothing when the page did not move at all', () => {
    expect(placeTile(tile, 0, 800).height).toBe(0);
  });
});

describe('rectangles', () => {
  it('scales outwards, so a box never shrinks', () => {
    expect(scaleRects([{ x: 10.4, y: 0.6, width: 5.2, height: 1 }], 2)).toEqual([{ x: 20, y: 1, width: 12, height: 3 }]);
    expect(scaleRects([{ x: 1, y: 1, width: 1, height: 1 }], 1.5)).toEqual([{ x: 1, y: 1, width: 2, height: 2 }]);
  });

  it('inflates and translates', () => {
    expect(inflateRects([{ x: 5, y: 5, width: 10, height: 2 }], 1)).toEqual([{ x: 4, y: 4, width: 12, height: 4 }]);
    expect(translateRects([{ x: 5, y: 5, width: 10, height: 2 }], 0, 800)).toEqual([{ x: 5, y: 805, width: 10, height: 2 }]);
  });

  it('unites two measurements, each box once', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 0, y: 5, width: 10, height: 10 };
    const c = { x: 20, y: 0, width: 1, height: 1 };
    expect(unionRects([a, b], [b, c, a])).toEqual([a, b, c]);
  });

  it('clips to the viewport and drops what is outside or empty', () => {
    const rects = [
      { x: -10, y: -10, width: 20, height: 20 },
      { x: 90, y: 50, width: 20, height: 10 },
      { x: 200, y: 0, width: 10, height: 10 },
      { x: 10, y: 10, width: 0, height: 10 },
      { x: 0, y: 100, width: 10, height: 10 },
    ];
    expect(clipRects(rects, { x: 0, y: 0, width: 100, height: 100 })).toEqual([
      { x: 0, y: 0, width: 10, height: 10 },
      { x: 90, y: 50, width: 10, height: 10 },
    ]);
    expect(clipRects(rects, { x: 80, y: 40, width: 100, height: 100 })).toEqual([{ x: 90, y: 50, width: 20, height: 10 }]);
  });
});

describe('thumbSize', () => {
  it('fits a screen capture in the box, keeping its proportions', () => {
    expect(thumbSize(2560, 1440)).toEqual({ width: 320, height: 180, sourceHeight: 1440 });
  });

  it('shows the top of a full page instead of a sliver', () => {
    expect(thumbSize(1280, 16_384)).toEqual({ width: 320, height: 480, sourceHeight: 1920 });
  });

  it('never enlarges a small image', () => {
    expect(thumbSize(200, 100)).toEqual({ width: 200, height: 100, sourceHeight: 100 });
  });

  it('takes other limits', () => {
    expect(thumbSize(1000, 1000, 100, 100)).toEqual({ width: 100, height: 100, sourceHeight: 1000 });
  });
});

describe('heldStill', () => {
  const field = { x: 10, y: 200, width: 300, height: 40 };
  const state = { rects: [field], scrollX: 0, scrollY: 0, viewportWidth: 1280, viewportHeight: 800 };

  it('holds for the same scroll, viewport and boxes, within a pixel or two', () => {
    expect(heldStill(state, { ...state, rects: [{ ...field, y: 201.5 }] })).toBe(true);
  });

  it('fails when typing scrolled the page between the measurements', () => {
    expect(heldStill(state, { ...state, scrollY: 180, rects: [{ ...field, y: 20 }] })).toBe(false);
  });

  it('fails when a box moved, appeared or the viewport changed', () => {
    expect(heldStill(state, { ...state, rects: [{ ...field, y: 260 }] })).toBe(false);
    expect(heldStill(state, { ...state, rects: [field, field] })).toBe(false);
    expect(heldStill(state, { ...state, viewportWidth: 1000 })).toBe(false);
  });
});
