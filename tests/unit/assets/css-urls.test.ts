import { describe, expect, it } from 'vitest';
import { kindByExtension, resolveCssUrl, stylesheetUrls } from '../../../utils/assets/css-urls';

const SHEET = 'https://cdn.shop.example/assets/css/theme.css?v=3';

describe('stylesheetUrls', () => {
  it('finds imports, the first source of each font face and the images, resolved against the sheet', () => {
    const css = `
      @import url("base.css");
      @import 'print.css' print;
      /* url(commented.png) is no address */
      @font-face { font-family: "Inter"; src: local("Inter"), url(../fonts/inter.woff2) format("woff2"), url('../fonts/inter.woff') format("woff"); }
      .hero { background: url( "/img/hero.jpg" ) center / cover; }
      .icon::before { background-image: url(icons/cart.svg), url(data:image/png;base64,AAAA); }
      .filter { filter: url(#blur); mask: url(blob:https://shop.example/1); }
      .badge { background: url(//static.shop.example/badge.png); }
      .odd { background: url(odd\\ name.png); }
      .font-file { src: url(/fonts/extra.ttf); }
    `;
    expect(stylesheetUrls(css, SHEET)).toEqual([
      { url: 'https://cdn.shop.example/assets/css/base.css', kind: 'stylesheet' },
      { url: 'https://cdn.shop.example/assets/css/print.css', kind: 'stylesheet' },
      { url: 'https://cdn.shop.example/assets/fonts/inter.woff2', kind: 'font' },
      { url: 'https://cdn.shop.example/img/hero.jpg', kind: 'image' },
      { url: 'https://cdn.shop.example/assets/css/icons/cart.svg', kind: 'image' },
      { url: 'https://static.shop.example/badge.png', kind: 'image' },
      { url: 'https://cdn.shop.example/assets/css/odd%20name.png', kind: 'image' },
      { url: 'https://cdn.shop.example/fonts/extra.ttf', kind: 'font' },
    ]);
  });

  it('gives each address once, with the kind it was first found as', () => {
    const css = '@font-face{font-family:A;src:url(a.woff2)} .x{background:url(a.woff2)} .y{background:url(p.png)} .z{background:url("p.png")}';
    expect(stylesheetUrls(css, SHEET)).toEqual([
      { url: 'https://cdn.shop.example/assets/css/a.woff2', kind: 'font' },
      { url: 'https://cdn.shop.example/assets/css/p.png', kind: 'image' },
    ]);
  });

  it('stops at the most addresses asked for', () => {
    const css = Array.from({ length: 20 }, (_, i) => `.s${i}{background:url(s${i}.png)}`).join('');
    expect(stylesheetUrls(css, SHEET, 5)).toHaveLength(5);
  });
});

describe('resolveCssUrl and kindByExtension', () => {
  it('resolves http(s) files only', () => {
    expect(resolveCssUrl(' a.png ', 'https://shop.example/css/s.css')?.href).toBe('https://shop.example/css/a.png');
    expect(resolveCssUrl('#f', SHEET)).toBeUndefined();
    expect(resolveCssUrl('', SHEET)).toBeUndefined();
    expect(resolveCssUrl('data:image/gif;base64,R0lGOD', SHEET)).toBeUndefined();
    expect(resolveCssUrl('javascript:alert(1)', SHEET)).toBeUndefined();
  });

  it('tells fonts and sheets by their extension, images otherwise', () => {
    expect(kindByExtension(new URL('https://s.example/f.WOFF2'))).toBe('font');
    expect(kindByExtension(new URL('https://s.example/a.eot?#iefix'))).toBe('font');
    expect(kindByExtension(new URL('https://s.example/more.css'))).toBe('stylesheet');
    expect(kindByExtension(new URL('https://s.example/img'))).toBe('image');
  });
});
