import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTypedCache, privacyPass, rememberSearchIn, rememberTyped, typedValues } from '../../../entrypoints/background/privacy';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';

/** What the evaluator typed, remembered in session storage for the privacy pass. */
const typed = (fields: Array<{ field: string; value: string; search?: boolean }>) =>
  rememberTyped({ type: 'recorder/typed', visitId: 'v1', fields: fields.map((f) => ({ search: false, ...f })) });

beforeEach(() => {
  fakeBrowser.reset();
  forgetTypedCache();
});

describe('typed values in memory', () => {
  it('keeps the latest value of each field, forgets emptied fields, and survives a worker that starts again', async () => {
    await typed([{ field: 'a:0', value: 'Maë' }, { field: 'a:1', value: 'Quenouillard' }]);
    await typed([{ field: 'a:0', value: 'Maëlys' }, { field: 'a:1', value: '  ' }]);
    forgetTypedCache();
    expect(await typedValues()).toEqual({ values: ['Maëlys'], searchTerms: [] });
  });

  it('keeps search terms apart, and none of them when the evaluator keeps search terms', async () => {
    await typed([{ field: 'a:0', value: 'lampe zinnwaldite', search: true }, { field: 'a:1', value: 'Maëlys' }]);
    expect(await typedValues()).toEqual({ values: ['Maëlys'], searchTerms: ['lampe zinnwaldite'] });
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, keepSearchTerms: true });
    expect(await typedValues()).toEqual({ values: ['Maëlys'], searchTerms: [] });
  });

  it('remembers at most 500 fields, the newest', async () => {
    for (let i = 0; i < 6; i++) await typed(Array.from({ length: 100 }, (_, j) => ({ field: `f${i}-${j}`, value: `valeur ${i}-${j}` })));
    const { values } = await typedValues();
    expect(values).toHaveLength(500);
    expect(values).not.toContain('valeur 0-0');
    expect(values).toContain('valeur 5-99');
  });

  it('reads only search parameters from an address', async () => {
    await rememberSearchIn('https://shop.example/recherche?s=bottines+fourrées&orderby=price&page=2', 'v1');
    await rememberSearchIn('not an address', 'v1');
    expect(await typedValues()).toEqual({ values: [], searchTerms: ['bottines fourrées'] });
    expect((await privacyPass()).text('Résultats : bottines fourrées, triées par price')).toBe('Résultats : ******** ********, triées par price');
  });
});
