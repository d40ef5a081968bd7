import { describe, expect, it } from 'vitest';
import { reportEn, reportFr } from '../../../../utils/i18n/report-messages';
import { browserName } from '../../../../utils/report/browser-name';

/** Every string of a catalogue, functions called with sample arguments. */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = Array.from({ length: (value as () => unknown).length }, (_, i) => (i === 0 ? 2 : 'x'));
    return [[`${path}()`, String((value as (...a: unknown[]) => unknown)(...args))]];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('report catalogues', () => {
  it('have the same keys', () => {
    const keys = (m: object) => texts(m).map(([p]) => p);
    expect(keys(reportEn)).toEqual(keys(reportFr));
  });

  it.each([
    ['fr', reportFr],
    ['en', reportEn],
  ] as const)('%s has no empty text', (_, m) => {
    expect(texts(m).filter(([, t]) => t.trim() === '')).toEqual([]);
  });

  it('write French with typographic apostrophes and non-breaking spaces', () => {
    const fr = texts(reportFr);
    expect(fr.filter(([, t]) => t.includes("'"))).toEqual([]);
    expect(fr.filter(([, t]) => / [:;?!»]/.test(t) || /« /.test(t))).toEqual([]);
  });

  it('write English with typographic apostrophes', () => {
    expect(texts(reportEn).filter(([, t]) => t.includes("'"))).toEqual([]);
  });
});

describe('browserName', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome 156 · Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153 · Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0', 'Edge 150 · Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15', 'Safari 18 · macOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Mobile Safari/537.36', 'Chrome 150 · Android'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 'Firefox 140 · Linux'],
  ])('%s → %s', (ua, expected) => {
    expect(browserName(ua)).toBe(expected);
  });

  it('says so when it cannot tell', () => {
    expect(browserName(undefined)).toBe('Unknown browser');
    expect(browserName('')).toBe('Unknown browser');
    expect(browserName('curl/8.0', 'Navigateur inconnu')).toBe('Navigateur inconnu');
  });
});
