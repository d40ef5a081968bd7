import { describe, expect, it } from 'vitest';
import { exportFileName, safeFileName } from '../../utils/file-names';

const DAY = Date.UTC(2026, 10, 24, 12, 0);
/** What a file name may hold between `mystere-` and its date. */
const SAFE = /^[A-Za-z0-9_.-]+$/;

describe('exportFileName', () => {
  it.each([
    ['a plain host', 'shop.example', 'mystere-shop.example-2026-11-24.html'],
    ['a host with a port', 'shop.example:8080', 'mystere-shop.example-8080-2026-11-24.html'],
    ['an IP and port', '127.0.0.1:4173', 'mystere-127.0.0.1-4173-2026-11-24.html'],
    ['slashes and spaces', 'shop.example/ma boutique/../x', 'mystere-shop.example-ma-boutique-..-x-2026-11-24.html'],
    ['a backslash path', 'C:\\Windows\\system32', 'mystere-C-Windows-system32-2026-11-24.html'],
    ['runs of unsafe characters', 'a  ::  b', 'mystere-a-b-2026-11-24.html'],
    ['leading and trailing unsafe characters', '  /shop.example/  ', 'mystere-shop.example-2026-11-24.html'],
    ['full-width letters', 'ｓｈｏｐ．ｅｘａｍｐｌｅ', 'mystere-shop.example-2026-11-24.html'],
    ['an empty site', '', 'mystere-site-2026-11-24.html'],
    ['nothing but unsafe characters', '/// ? *', 'mystere-site-2026-11-24.html'],
    ['script', '<script>alert(1)</script>', 'mystere-script-alert-1-script-2026-11-24.html'],
  ])('makes a safe name of %s', (_, site, expected) => {
    expect(exportFileName(site, DAY, 'html')).toBe(expected);
  });

  it.each([
    ['accented letters', 'café-crème.fr'],
    ['non-Latin letters', '日本の店.jp'],
    ['an emoji', 'shop🛒.example'],
    ['control characters', 'shop\u0000\n\t.example'],
    ['quotes and pipes', '"shop"|<>?*.example'],
  ])('keeps only safe characters from %s', (_, site) => {
    const name = exportFileName(site, DAY, 'zip');
    const slug = name.slice('mystere-'.length, -'-2026-11-24.zip'.length);
    expect(name.startsWith('mystere-')).toBe(true);
    expect(name.endsWith('-2026-11-24.zip')).toBe(true);
    expect(slug).toMatch(SAFE);
  });

  it('cuts a long site to 60 characters', () => {
    const name = exportFileName(`${'a'.repeat(100)}.example`, DAY, 'html');
    expect(name).toBe(`mystere-${'a'.repeat(60)}-2026-11-24.html`);
  });

  it.each([
    ['the start of the UTC day', Date.UTC(2026, 0, 1, 0, 0), '2026-01-01'],
    ['the end of the UTC day', Date.UTC(2026, 0, 1, 23, 59, 59, 999), '2026-01-01'],
    ['a leap day', Date.UTC(2028, 1, 29, 10), '2028-02-29'],
    ['the epoch', 0, '1970-01-01'],
  ])('dates the file with %s in UTC', (_, startedAt, day) => {
    expect(exportFileName('shop.example', startedAt, 'html')).toBe(`mystere-shop.example-${day}.html`);
  });

  it.each([
    ['a suffix', 'review', 'mystere-shop.example-2026-11-24-review.zip'],
    ['a suffix with spaces and slashes', 'en revue / v2', 'mystere-shop.example-2026-11-24-en-revue-v2.zip'],
    ['an empty suffix', '', 'mystere-shop.example-2026-11-24.zip'],
    ['no suffix', undefined, 'mystere-shop.example-2026-11-24.zip'],
  ])('adds %s', (_, suffix, expected) => {
    expect(exportFileName('shop.example', DAY, 'zip', suffix)).toBe(expected);
  });

  it.each<['html' | 'zip']>([['html'], ['zip']])('ends with .%s', (extension) => {
    expect(exportFileName('shop.example', DAY, extension).endsWith(`-2026-11-24.${extension}`)).toBe(true);
  });
});

describe('exportFileName drops accents rather than cutting words', () => {
  it.each([
    ['café.fr', 'mystere-cafe.fr-2026-11-24.html'],
    ['Ünïcödé.de', 'mystere-Unicode.de-2026-11-24.html'],
  ])('%s → %s', (site, expected) => {
    expect(exportFileName(site, Date.UTC(2026, 10, 24, 9), 'html')).toBe(expected);
  });
});

describe('exportFileName names a re-exported bundle after its review', () => {
  it.each([
    ['shop.example', 'in-review', 'mystere-shop.example-2025-03-14-in-review.zip'],
    ['Boutique Été:8080', 'returned', 'mystere-Boutique-Ete-8080-2025-03-14-returned.zip'],
    ['', 'submitted', 'mystere-site-2025-03-14-submitted.zip'],
    ['../..', 'validated', 'mystere-site-2025-03-14-validated.zip'],
  ])('%j, %s → %s', (site, status, name) => {
    expect(exportFileName(site, Date.UTC(2025, 2, 14, 12), 'zip', status)).toBe(name);
  });
});

describe('safeFileName', () => {
  it.each([
    ['a checklist id', 'mystere-ecommerce', 'json', 'mystere-ecommerce.json'],
    ['an id with dots and underscores', 'agence_2.v3', 'json', 'agence_2.v3.json'],
    ['accents and spaces', 'Grille été 2026', 'json', 'Grille-ete-2026.json'],
    ['a path', '../../etc/passwd', 'html', 'etc-passwd.html'],
    ['nothing safe', '///', 'zip', 'mystere.zip'],
  ] as const)('makes a safe name of %s', (_, name, extension, expected) => {
    expect(safeFileName(name, extension)).toBe(expected);
  });
});
