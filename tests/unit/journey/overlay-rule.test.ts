import { describe, expect, it } from 'vitest';
import { containsAbsolute, isPageFrame, laidOverRule, overlayOnPath, type BoxStyle, type OverlayTree } from '../../../utils/journey/overlay-rule';

/** A node of a plain tree: its name, its style, its parent (none under the body). */
interface Box {
  name: string;
  style: BoxStyle;
  parent?: Box;
}

const box = (name: string, position = 'static', parent?: Box, more: Partial<BoxStyle> = {}): Box => ({
  name,
  style: { position, zIndex: 'auto', ...more },
  parent,
});

/** Counts the style reads, to show that verdicts are kept. */
function treeOf(): OverlayTree<Box> & { reads: number } {
  const tree = {
    reads: 0,
    style(node: Box) {
      tree.reads++;
      return node.style;
    },
    parent: (node: Box) => node.parent,
  };
  return tree;
}

describe('containsAbsolute', () => {
  it.each<[string, Partial<BoxStyle>, boolean]>([
    ['static', {}, false],
    ['static, transform none, contain none', { transform: 'none', filter: 'none', contain: 'none', willChange: 'auto' }, false],
    ['relative', { position: 'relative' }, true],
    ['sticky', { position: 'sticky' }, true],
    ['fixed', { position: 'fixed' }, true],
    ['a transform', { transform: 'matrix(1, 0, 0, 1, 0, 0)' }, true],
    ['a filter', { filter: 'blur(2px)' }, true],
    ['contain: paint', { contain: 'paint' }, true],
    ['will-change: transform', { willChange: 'transform' }, true],
  ])('%s → %s', (_, more, expected) => {
    expect(containsAbsolute({ position: 'static', zIndex: 'auto', ...more })).toBe(expected);
  });
});

describe('laidOverRule', () => {
  it('takes a fixed box for one laid over the page, and neither a sticky nor a static one', () => {
    const isLaidOver = laidOverRule(treeOf());
    expect(isLaidOver(box('cookie banner', 'fixed'))).toBe(true);
    expect(isLaidOver(box('header', 'sticky'))).toBe(false);
    expect(isLaidOver(box('main'))).toBe(false);
  });

  it('does not take a hero banner’s text layer (absolute, z-index 10, inside the banner) for one', () => {
    const main = box('main');
    const banner = box('section.banner', 'relative', main);
    const content = box('div.banner__content', 'absolute', box('wrapper', 'static', banner), { zIndex: '10' });
    expect(laidOverRule(treeOf())(content)).toBe(false);
  });

  it('takes an absolute box against the page itself for one from z-index 10', () => {
    const wrapper = box('div#app');
    const isLaidOver = laidOverRule(treeOf());
    expect(isLaidOver(box('modal', 'absolute', wrapper, { zIndex: '1000' }))).toBe(true);
    expect(isLaidOver(box('decoration', 'absolute', wrapper, { zIndex: '2' }))).toBe(false);
    expect(isLaidOver(box('decoration', 'absolute', wrapper, { zIndex: 'auto' }))).toBe(false);
  });

  it('takes an absolute box inside a fixed one, even through a positioned box, for one, whatever its z-index', () => {
    const fixed = box('consent root', 'fixed');
    const relative = box('centring frame', 'relative', fixed);
    const isLaidOver = laidOverRule(treeOf());
    expect(isLaidOver(box('panel', 'absolute', relative))).toBe(true);
    expect(isLaidOver(box('panel', 'absolute', box('inner', 'static', fixed)))).toBe(true);
  });

  it('takes an absolute box inside an absolute layer of the page for one', () => {
    const layer = box('modal root', 'absolute', box('body child'), { zIndex: '50' });
    expect(laidOverRule(treeOf())(box('dialog', 'absolute', layer))).toBe(true);
  });

  it('stops at a transformed ancestor: a slide’s absolute caption in a carousel is the slide’s own', () => {
    const track = box('carousel track', 'static', box('main'), { transform: 'translateX(-100%)' });
    expect(laidOverRule(treeOf())(box('caption', 'absolute', box('slide', 'static', track), { zIndex: '10' }))).toBe(false);
  });

  it('reads each element’s style once per look, however many points share it', () => {
    const tree = treeOf();
    const isLaidOver = laidOverRule(tree);
    const banner = box('banner', 'relative', box('main'));
    const layers = [1, 2, 3].map((i) => box(`layer ${i}`, 'absolute', banner, { zIndex: '10' }));
    for (const layer of [...layers, ...layers]) isLaidOver(layer);
    // Three layers, the banner, and the main element (asked whether it sits in a layer).
    expect(tree.reads).toBe(5);
  });
});

describe('isPageFrame', () => {
  const el = (localName: string, attributes: Record<string, string> = {}) => ({
    localName,
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
  });

  it.each<[string, ReturnType<typeof el>, boolean]>([
    ['header', el('header'), true],
    ['nav', el('nav'), true],
    ['role=navigation', el('div', { role: 'navigation' }), true],
    ['role=menu', el('ul', { role: 'menu' }), true],
    ['role=menubar', el('ul', { role: 'menubar' }), true],
    ['role=banner, around the overlay', el('div', { role: 'banner' }), true],
    ['an open details', el('details', { open: '' }), true],
    ['a closed details', el('details'), false],
    ['a dialog', el('div', { role: 'dialog', 'aria-modal': 'true' }), false],
    ['a consent region', el('div', { role: 'region', 'aria-label': 'Cookie banner' }), false],
    ['a section', el('section'), false],
  ])('%s → %s', (_, element, expected) => {
    expect(isPageFrame(element)).toBe(expected);
  });

  it('does not take a bar with role=banner for the frame when it is the overlay itself (WordPress’s Cookie Notice)', () => {
    expect(isPageFrame(el('div', { id: 'cookie-notice', role: 'banner' }), true)).toBe(false);
    // A header or a navigation laid over the page stays the frame.
    expect(isPageFrame(el('header'), true)).toBe(true);
    expect(isPageFrame(el('div', { role: 'navigation' }), true)).toBe(true);
  });
});

describe('overlayOnPath', () => {
  const path = (...names: string[]) => names;

  it('is the outermost covering element on the path (the banner, not its button)', () => {
    const covers = (n: string) => n.startsWith('cover');
    expect(overlayOnPath(path('button', 'cover panel', 'cover banner', 'main'), covers, () => false)).toBe('cover banner');
    expect(overlayOnPath(path('h1', 'main'), covers, () => false)).toBeUndefined();
  });

  it('is none when the page’s frame holds it (a menu in the header)', () => {
    const covers = (n: string) => n === 'mega menu';
    const frames = (n: string) => n === 'header' || n === 'details[open]';
    expect(overlayOnPath(path('link', 'mega menu', 'li', 'details[open]', 'nav', 'header'), covers, frames)).toBeUndefined();
    // The menu itself a frame element (a fixed <nav>).
    expect(overlayOnPath(path('link', 'mega menu'), covers, (n) => n === 'mega menu')).toBeUndefined();
  });

  it('keeps an overlay whose own parts are frame elements (a dialog’s <header>)', () => {
    const covers = (n: string) => n === 'dialog';
    const frames = (n: string) => n === 'header';
    expect(overlayOnPath(path('h2', 'header', 'dialog', 'main'), covers, frames)).toBe('dialog');
  });

  it('asks about the frame only once an overlay is found, telling which element is the overlay', () => {
    const asked: string[] = [];
    const frames = (n: string, cover: boolean) => {
      asked.push(cover ? `${n} (overlay)` : n);
      return false;
    };
    overlayOnPath(path('a', 'b', 'c'), () => false, frames);
    expect(asked).toEqual([]);
    overlayOnPath(path('a', 'b', 'c'), (n) => n === 'b', frames);
    expect(asked).toEqual(['b (overlay)', 'c']);
  });
});
