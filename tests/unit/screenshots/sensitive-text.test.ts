import { describe, expect, it } from 'vitest';
import { TypedMatcher } from '../../../utils/privacy/typed';
import { sensitiveSpans } from '../../../utils/screenshots/sensitive-text';

const parts = (text: string, typed: string[] = []) => sensitiveSpans(text, new TypedMatcher(typed)).map((s) => text.slice(s.from, s.from + s.length));

describe('sensitiveSpans', () => {
  it.each([
    ['Reçu envoyé à jane.doe@example.com hier', ['jane.doe@example.com']],
    ['Carte 4111 1111 1111 1111 acceptée', ['4111 1111 1111 1111']],
    ['Code 6280-4417-2093-5561', ['6280-4417-2093-5561']],
    ['Appelez le 06.12.34.56.78', ['06.12.34.56.78']],
    ['Tailles 36 38 40, 1 299,00 €, le 12/03/2024', []],
    ['Rien à cacher', []],
  ])('%s', (text, expected) => {
    expect(parts(text)).toEqual(expected);
  });

  it('finds every echo of a typed piece, whatever its case', () => {
    expect(parts('Bonjour JANE, merci Jane', ['jane'])).toEqual(['JANE', 'Jane']);
  });

  it('ignores an empty typed piece', () => {
    expect(parts('Bonjour', [''])).toEqual([]);
  });
});

describe('sensitiveSpans with what was typed in the visit', () => {
  it('finds a value typed on another page, in capitals, without accents, and one word of it', () => {
    const typed = ['Aurélianne Quennevrille', '23 allée Ombrelune'];
    expect(parts('Livraison : AURELIANNE QUENNEVRILLE, 23 allee Ombrelune — merci Aurélianne', typed)).toEqual([
      'AURELIANNE QUENNEVRILLE',
      '23 allee Ombrelune',
      'Aurélianne',
    ]);
  });

  it('finds phone numbers in the US format', () => {
    expect(parts('Téléphone (555) 123-4567')).toEqual(['(555) 123-4567']);
  });
});
