import { describe, expect, it } from 'vitest';
import { matchesUrlPattern, urlPatternProblem } from '../../../utils/mission/url-pattern';

describe('matchesUrlPattern', () => {
  it.each<[string, string, boolean]>([
    ['/panier', 'https://shop.example/panier', true],
    ['/panier', 'https://shop.example/panier?utm_source=x', true],
    ['/panier', 'https://shop.example/panier/articles', false],
    ['/panier*', 'https://shop.example/panier/articles', true],
    ['/PANIER', 'https://shop.example/panier', true],
    ['/produit/*', 'https://shop.example/produit/robe-lin', true],
    ['/produit/*', 'https://shop.example/produits', false],
    ['/*/p/*', 'https://shop.example/femme/robes/p/123', true],
    ['*', 'https://shop.example/anything/at/all', true],
    ['/search?q=*', 'https://shop.example/search?q=robe', true],
    ['/search?q=*', 'https://shop.example/search', false],
    ['/catégorie/*', 'https://shop.example/cat%C3%A9gorie/robes', true],
    ['/basket', 'https://shop.example/app/#/basket', true],
    ['/app/', 'https://shop.example/app/#/basket', true],
    ['/checkout/*', 'https://shop.example/checkout/#payment', true],
    ['/a*b*c', 'https://shop.example/aXXbYYc', true],
    ['/a*b*c', 'https://shop.example/aXXbYY', false],
    ['/panier', 'not a url', false],
  ])('%s against %s: %s', (pattern, url, expected) => {
    expect(matchesUrlPattern(pattern, url)).toBe(expected);
  });

  it('stays fast on a pattern made to backtrack', () => {
    const started = performance.now();
    expect(matchesUrlPattern(`/${'*a'.repeat(40)}b`, `https://shop.example/${'a'.repeat(2000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('urlPatternProblem', () => {
  it.each([
    ['/panier*', undefined],
    ['*', 'start'],
    ['panier', 'start'],
    ['https://shop.example/panier', 'full-url'],
    ['/mon panier', 'space'],
    ['/#/panier', 'hash'],
  ])('%s: %s', (pattern, problem) => {
    expect(urlPatternProblem(pattern)).toBe(problem);
  });
});
