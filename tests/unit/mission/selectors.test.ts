import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { validSelectors } from '../../../utils/recording/rrweb-options';
import { looksLikeSelector } from '../../../utils/mission/selectors';

const window = new Window({ url: 'https://shop.example/' });
const doc = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

const GOOD = [
  '.price',
  '#address',
  '[data-private]',
  'a[href^="mailto:"]',
  "input[name='card']",
  'h1, h2 > span',
  'div:has(> img)',
  'li:nth-child(2n+1)',
  ':is(.a, .b) ~ p',
  'a::before',
  '[class~=x] + b',
  '.\\31 23',
  '*',
];

const BAD = ['', '   ', 'div[', '##bad', ':::', '.a {', 'a;b', '<div>', '> a', 'a >', 'a,', ', a', 'a ,, b', 'a > > b', 'a:not()', '[]', '"a', 'a)', '.1a', 'a!b', 'a@b', 'a$b', 'a\\'];

describe('looksLikeSelector', () => {
  it.each(GOOD)('accepts %j', (selector) => {
    expect(looksLikeSelector(selector)).toBe(true);
  });

  it.each(BAD)('refuses %j', (selector) => {
    expect(looksLikeSelector(selector)).toBe(false);
  });

  it('never refuses what a CSS parser accepts, among these', () => {
    expect(GOOD.filter((selector) => validSelectors([selector], doc).length !== 1)).toEqual([]);
    expect(BAD.filter((selector) => selector.trim() && validSelectors([selector], doc).length === 1)).toEqual([]);
  });
});
