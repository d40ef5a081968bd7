import { describe, expect, it } from 'vitest';
import { rewriteCss, unescapeCss, type CssResolver } from '../../../../utils/report/css-urls';

const BASE = 'https://shop.test/css/site.css';
/** Names each address by what it became, resolved against the base it was given. */
const resolver = (sheets: Record<string, string> = {}, fonts: string[] = []): CssResolver => ({
  image: (raw, base) => `IMG<${new URL(raw, base).href}>`,
  font: (raw, base) => (fonts.includes(new URL(raw, base).href) ? `FONT<${new URL(raw, base).href}>` : null),
  sheet: (raw, base) => sheets[new URL(raw, base).href] ?? null,
});

describe('rewriteCss', () => {
  it('rewrites url() in every spelling, resolved against the sheet', () => {
    const css = `a{background:url(a.png)}b{background:URL( 'b c.png' )}c{background:url("../d.png")}`;
    expect(rewriteCss(css, BASE, resolver())).toBe(
      'a{background:url("IMG<https://shop.test/css/a.png>")}b{background:url("IMG<https://shop.test/css/b%20c.png>")}c{background:url("IMG<https://shop.test/d.png>")}',
    );
  });

  it('reads image-set() strings as addresses, with or without url()', () => {
    expect(rewriteCss(`a{background:-webkit-image-set("x.png" 1x, url(y.png) 2x)}`, BASE, resolver())).toBe(
      'a{background:-webkit-image-set("IMG<https://shop.test/css/x.png>" 1x, url("IMG<https://shop.test/css/y.png>") 2x)}',
    );
  });

  it('keeps @font-face src candidates with a font, drops the others, and src when none is left', () => {
    const fonts = ['https://shop.test/f/b.woff'];
    const css = '@media screen{@font-face{font-family:A;src:url(/f/a.woff2) format("woff2"),url(/f/b.woff) format("woff");font-display:swap}}@font-face{font-family:C;src:url(/f/c.woff2)}';
    expect(rewriteCss(css, BASE, resolver({}, fonts))).toBe(
      '@media screen{@font-face{font-family:A;src: url("FONT<https://shop.test/f/b.woff>") format("woff");font-display:swap}}@font-face{font-family:C}',
    );
  });

  it('inlines @import in its conditions (media, supports, layer), or drops it', () => {
    const sheets = { 'https://shop.test/css/a.css': 'A{}', 'https://shop.test/b.css': 'B{}' };
    const out = rewriteCss(`@charset "utf-8";@import url(a.css) layer(base) supports(display: grid) print and (min-width: 1px);@import '/b.css';@import "gone.css";x{}`, BASE, resolver(sheets));
    expect(out).toBe('@layer base {\n@supports (display: grid) {\n@media print and (min-width: 1px) {\nA{}\n}}}\nB{}\nx{}');
  });

  it('leaves @namespace, strings, comments and look-alike names alone', () => {
    const css = '@namespace svg url(http://www.w3.org/2000/svg);a::after{content:"url(x.png)"}/* url(y.png) */b{background:myurl(z.png)}';
    expect(rewriteCss(css, BASE, resolver())).toBe(css);
  });

  it('reads an @ inside an unquoted address as part of it, not as a rule', () => {
    expect(rewriteCss('a{background:url(/logo@import.png)}b{}', BASE, resolver())).toBe('a{background:url("IMG<https://shop.test/logo@import.png>")}b{}');
  });

  it('undoes escapes before resolving, and writes the result back quoted', () => {
    expect(unescapeCss('a\\28 b\\)c\\"d\\\ne\\0')).toBe('a(b)c"de\ufffd');
    expect(rewriteCss(`a{background:url(x\\(1\\).png)}b{background:url("q\\"uote.png")}`, BASE, { ...resolver(), image: (raw) => `[${raw}]` })).toBe(
      'a{background:url("[x(1).png]")}b{background:url("[q\\22 uote.png]")}',
    );
  });

  it('ends on broken text without throwing or losing what follows', () => {
    expect(rewriteCss('a{background:url(x.png', BASE, resolver())).toBe('a{background:url("IMG<https://shop.test/css/x.png>")');
    expect(rewriteCss('a{content:"open', BASE, resolver())).toBe('a{content:"open');
    expect(rewriteCss('/* open url(x)', BASE, resolver())).toBe('/* open url(x)');
    expect(rewriteCss('@font-face{src:url(/f.woff)', BASE, resolver())).toBe('@font-face{}');
    // Nested image-set() is not CSS: no recursion, and its url()s are still rewritten.
    const deep = `a{background:${'image-set('.repeat(50_000)}url(x.png)${')'.repeat(50_000)}}`;
    expect(rewriteCss(deep, BASE, resolver())).toContain('url("IMG<https://shop.test/css/x.png>")');
  });
});
