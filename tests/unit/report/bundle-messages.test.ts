import { describe, expect, it } from 'vitest';
import { bundleEn, bundleErrorText, bundleFr } from '../../../utils/i18n/bundle-messages';
import { BUNDLE_DETAILS, BUNDLE_ERROR_CODES, type BundleError } from '../../../utils/report/bundle/errors';

const samples: BundleError[] = BUNDLE_ERROR_CODES.flatMap((code) => [
  { code },
  { code, path: 'visit.json', detail: '52428800' },
  ...Object.values(BUNDLE_DETAILS).map((detail) => ({ code, path: 'pages.0.url', detail })),
]);

describe('bundleErrorText', () => {
  it.each(samples)('explains %o in French and English, saying nothing was imported', (error) => {
    const fr = bundleErrorText(bundleFr, error);
    const en = bundleErrorText(bundleEn, error);
    expect(fr).not.toBe(en);
    expect(fr).toMatch(/[Rr]ien n’a été importé\./);
    expect(en).toMatch(/[Nn]othing was imported\./);
    expect(`${fr}${en}`).not.toMatch(/undefined|NaN|'/);
  });

  it('names the part concerned', () => {
    const error: BundleError = { code: 'hash-mismatch', path: 'visit.json' };
    expect(bundleErrorText(bundleFr, error)).toBe(
      'Le fichier visit.json a été modifié après l’export (empreinte SHA-256 différente)\u00a0: rien n’a été importé.',
    );
    expect(bundleErrorText(bundleEn, error)).toBe('visit.json was changed after export (SHA-256 mismatch): nothing was imported.');
  });

  it('says how large, in the reader’s units', () => {
    const error: BundleError = { code: 'too-large', detail: String(300 * 1024 * 1024) };
    expect(bundleErrorText(bundleFr, error)).toContain('300\u00a0Mo');
    expect(bundleErrorText(bundleEn, error)).toContain('300\u00a0MB');
  });

  it('has a sentence for every code, and a fallback for codes from elsewhere', () => {
    expect(Object.keys(bundleFr.errors).sort()).toEqual([...BUNDLE_ERROR_CODES].sort());
    expect(Object.keys(bundleEn.errors).sort()).toEqual([...BUNDLE_ERROR_CODES].sort());
    const alien = { code: 'constructor' } as unknown as BundleError;
    expect(bundleErrorText(bundleFr, alien)).toBe(bundleFr.unknown);
    expect(bundleErrorText(bundleEn, alien)).toBe(bundleEn.unknown);
  });
});
