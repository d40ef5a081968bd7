import { ERROR_CODES } from '../../../utils/messaging/errors';
import { describe, expect, it } from 'vitest';
import { errorText, MESSAGES, pickLang } from '../../../utils/i18n/messages';
import { PAGE_TYPES } from '../../../utils/schema/page-type';
import { VISIT_STATUSES } from '../../../utils/schema/visit';

describe('pickLang', () => {
  it.each([
    ['auto', 'fr-FR', 'fr'],
    ['auto', 'fr', 'fr'],
    ['auto', 'FR-ca', 'fr'],
    ['auto', 'en-US', 'en'],
    ['auto', 'de', 'en'],
    ['auto', '', 'en'],
    ['en', 'fr-FR', 'en'],
    ['fr', 'en-US', 'fr'],
  ] as const)('%s with a %j browser → %s', (setting, ui, expected) => {
    expect(pickLang(setting, ui)).toBe(expected);
  });
});

type Kind = 'string' | 'function' | 'object';

/** Every key path of a catalogue with the kind of its value. */
function shape(value: unknown, path = ''): Array<[string, Kind]> {
  if (typeof value === 'string' || typeof value === 'function') return [[path, typeof value as Kind]];
  if (typeof value === 'object' && value !== null) {
    return [[path, 'object'], ...Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k))];
  }
  return [[path, typeof value as Kind]];
}

/** Every string of a catalogue, with functions called on sample arguments. */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    return [0, 1, 2].map((n) => [`${path}(${n})`, String((value as (...args: unknown[]) => unknown)(n, '.x'))]);
  }
  return Object.entries(value as object).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}

describe('catalogues', () => {
  const fr = new Map(shape(MESSAGES.fr));
  const en = new Map(shape(MESSAGES.en));

  it('have the same keys, each of the same kind', () => {
    expect([...en].sort()).toEqual([...fr].sort());
  });

  it('hold only strings, functions and objects', () => {
    const kinds = new Set([...fr.values(), ...en.values()]);
    expect([...kinds].every((k) => ['string', 'function', 'object'].includes(k))).toBe(true);
  });

  it.each(['fr', 'en'] as const)('%s has no empty text', (lang) => {
    expect(texts(MESSAGES[lang]).filter(([, t]) => t.trim() === '')).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('%s names every page type and visit status', (lang) => {
    expect(Object.keys(MESSAGES[lang].pageTypes).sort()).toEqual([...PAGE_TYPES].sort());
    expect(Object.keys(MESSAGES[lang].status).sort()).toEqual([...VISIT_STATUSES].sort());
  });

  it.each([
    [0, '0 page', '0 pages'],
    [1, '1 page', '1 page'],
    [2, '2 pages', '2 pages'],
  ])('counts %i pages', (n, fr, en) => {
    expect([MESSAGES.fr.pagesCount(n), MESSAGES.en.pagesCount(n)]).toEqual([fr, en]);
  });

  it('names the line and selector of a bad selector', () => {
    expect(MESSAGES.fr.options.badSelector(3, 'div[')).toContain('3');
    expect(MESSAGES.en.options.badSelector(3, 'div[')).toBe('Line 3: “div[” is not a valid CSS selector.');
  });
});

describe('errorText', () => {
  it('gives the text of a known code', () => {
    expect(errorText(MESSAGES.en, 'disk-full')).toBe(MESSAGES.en.errors['disk-full']);
    expect(errorText(MESSAGES.fr, 'no-such-visit')).toBe('Cette visite n’existe plus.');
  });

  it('has words for every error code of the protocol, in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(errorText(MESSAGES.fr, code), code).not.toBe('');
      expect(errorText(MESSAGES.en, code), code).not.toBe(errorText(MESSAGES.fr, code));
    }
  });

  it.each(['x', '', 'constructor', 'toString'])('falls back to internal for %j', (code) => {
    expect(errorText(MESSAGES.fr, code)).toBe(MESSAGES.fr.errors.internal);
    expect(errorText(MESSAGES.en, code)).toBe(MESSAGES.en.errors.internal);
  });
});
