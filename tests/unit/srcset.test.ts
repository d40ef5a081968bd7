import { describe, expect, it } from 'vitest';
import { srcsetParts } from '../../utils/srcset';

describe('srcsetParts', () => {
  it('splits candidates as browsers do, and gives the attribute back when joined', () => {
    const srcsets = ['a.jpg 1x, b.jpg 2x', ' /i.jpg?w=400,h=2 400w ,/j.jpg 800w', 'x.png, y.png,,', 'image-set(a) 1x, c.jpg (a, b) 2x', '', ' , '];
    for (const s of srcsets) expect(srcsetParts(s).map((p) => p.lead + p.url + p.trailing + p.descriptor).join('')).toBe(s);
    expect(srcsetParts(' /i.jpg?w=400,h=2 400w ,/j.jpg 800w').map((p) => [p.url, p.descriptor.trim()])).toEqual([
      ['/i.jpg?w=400,h=2', '400w'],
      ['/j.jpg', '800w'],
    ]);
    expect(srcsetParts('x.png, y.png').map((p) => p.url)).toEqual(['x.png', 'y.png']);
  });
});
