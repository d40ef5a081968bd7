// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cssPath } from '../../../utils/friction/css-path';

const el = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector} in the fixture`);
  return found;
};

beforeEach(() => {
  document.body.innerHTML = `
    <header id="top"><nav><a class="logo" href="/">Shop</a></nav></header>
    <main>
      <section class="products grid wide">
        <article class="card"><h2>A</h2><button class="btn btn-primary add" type="button">Add</button></article>
        <article class="card"><h2>B</h2><button class="btn btn-primary add" type="button">Add</button></article>
      </section>
      <form id="checkout"><p><span><input name="email" id="email"></span></p></form>
      <div id="twice"></div><div id="twice"><span class="css-1x2y3z4 Mui-root-with-a-very-long-generated-class-name ok">x</span></div>
      <div id="9lives"><b>nine</b></div>
      <ul><li>one</li><li>two</li><li><em>three</em></li></ul>
    </main>`;
});

describe('cssPath', () => {
  it.each([
    ['an element with a unique id', '#checkout', '#checkout'],
    ['an element under a named ancestor', 'header a', '#top > nav > a.logo'],
    ['the second of two same-tag siblings, with two classes at most', 'article:nth-of-type(2) button', 'main > section.products.grid > article.card:nth-of-type(2) > button.btn.btn-primary'],
    ['a deep element, four levels at most', 'li em', 'main > ul > li:nth-of-type(3) > em'],
    ['the body', 'body', 'body'],
    ['a child of the body', 'main', 'body > main'],
    ['an id the page uses twice, and no long class', '#twice span', 'body > main > div:nth-of-type(2) > span.css-1x2y3z4.ok'],
    ['an id that starts with a digit', '[id="9lives"] b', 'body > main > div:nth-of-type(3) > b'],
    ['an element whose own id is unique, inside others', '#email', '#email'],
  ])('names %s', (_, selector, path) => {
    expect(cssPath(el(selector))).toBe(path);
  });

  it('names the element it was given, as a selector of the page', () => {
    for (const selector of ['header a', 'article:nth-of-type(2) button', 'li em', '#twice span', '#email', 'section h2']) {
      const target = el(selector);
      expect(document.querySelector(cssPath(target))).toBe(target);
    }
  });

  it('stops at five levels of nesting, keeping the four nearest', () => {
    document.body.innerHTML = '<div><section><div><p><span><i>deep</i></span></p></div></section></div>';
    expect(cssPath(el('i'))).toBe('div > p > span > i');
  });

  it('names a custom element, and one whose name a selector cannot hold', () => {
    document.body.innerHTML = '<shop-cart><x-a.b>odd</x-a.b></shop-cart>';
    expect(cssPath(el('shop-cart'))).toBe('body > shop-cart');
    expect(cssPath(el('shop-cart').firstElementChild!)).toBe('body > shop-cart > *');
  });

  it('stays short whatever the page names its elements', () => {
    const long = `c${'x'.repeat(200)}`;
    document.body.innerHTML = `<div class="${long} a b c"><div class="${long}"><div><div><b class="${long} q">x</b></div></div></div></div>`;
    const path = cssPath(el('b'));
    expect(path).toBe('div > div > div > b.q');
  });
});
