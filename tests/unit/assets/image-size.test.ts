import { describe, expect, it } from 'vitest';
import { keptSize } from '../../../utils/assets/image-size';

describe('keptSize', () => {
  it('keeps an image at its displayed size × the device pixel ratio, in its proportions', () => {
    expect(keptSize({ width: 2000, height: 1000 }, { width: 300, height: 150 }, 2)).toEqual({ width: 600, height: 300 });
    expect(keptSize({ width: 2000, height: 1000 }, { width: 300, height: 150 }, 1)).toEqual({ width: 300, height: 150 });
  });

  it('never makes an image larger than it is', () => {
    expect(keptSize({ width: 200, height: 100 }, { width: 400, height: 200 }, 2)).toEqual({ width: 200, height: 100 });
  });

  it('keeps a covering image sharp on its longer side (object-fit: cover)', () => {
    // A 1000×1000 image shown in a 400×100 box: its width is what is seen.
    expect(keptSize({ width: 1000, height: 1000 }, { width: 400, height: 100 }, 1)).toEqual({ width: 400, height: 400 });
  });

  it('without a displayed size, keeps the image’s own size within the longest side allowed', () => {
    expect(keptSize({ width: 800, height: 600 }, undefined, 2)).toEqual({ width: 800, height: 600 });
    expect(keptSize({ width: 5120, height: 1280 }, {}, 1)).toEqual({ width: 2560, height: 640 });
    expect(keptSize({ width: 800, height: 600 }, { width: 0, height: 0 }, 1)).toEqual({ width: 800, height: 600 });
  });

  it('takes a bad pixel ratio as 1 and never gives a zero size', () => {
    expect(keptSize({ width: 1000, height: 10 }, { width: 100, height: 1 }, Number.NaN)).toEqual({ width: 100, height: 1 });
    expect(keptSize({ width: 1000, height: 2 }, { width: 10, height: 0.01 }, 0)).toEqual({ width: 10, height: 1 });
  });
});
