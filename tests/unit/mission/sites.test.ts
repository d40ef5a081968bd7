import { describe, expect, it } from 'vitest';
import { missionOrigins, originProblem, toOrigin } from '../../../utils/mission/sites';

describe('originProblem and toOrigin', () => {
  it.each([
    ['https://shop.example', undefined, 'https://shop.example'],
    ['HTTPS://Shop.Example/', undefined, 'https://shop.example'],
    ['http://127.0.0.1:8080', undefined, 'http://127.0.0.1:8080'],
    ['https://shop.example:443', undefined, 'https://shop.example'],
    ['https://boutique.exemple.fr', undefined, 'https://boutique.exemple.fr'],
  ])('%s is the origin %s', (text, problem, origin) => {
    expect(originProblem(text)).toBe(problem);
    expect(toOrigin(text)).toBe(origin);
  });

  it.each([
    ['shop.example', 'scheme'],
    ['ftp://shop.example', 'scheme'],
    ['//shop.example', 'scheme'],
    ['https://', 'unreadable'],
    ['https://sh op.example', 'unreadable'],
    ['https://me:pw@shop.example', 'credentials'],
    ['https://shop.example/fr', 'path'],
    ['https://shop.example?x=1', 'path'],
    ['https://shop.example/#top', 'path'],
  ])('%s: %s', (text, problem) => {
    expect(originProblem(text)).toBe(problem);
  });
});

describe('missionOrigins', () => {
  it('gives the mission’s sites, or the origin the visit starts on', () => {
    expect(missionOrigins(['https://a.example', 'https://b.example'], 'https://c.example/x')).toEqual(['https://a.example', 'https://b.example']);
    expect(missionOrigins([], 'https://c.example/produit/1?x#y')).toEqual(['https://c.example']);
    expect(missionOrigins([], 'about:blank')).toEqual([]);
    expect(missionOrigins([], 'nothing')).toEqual([]);
  });
});
