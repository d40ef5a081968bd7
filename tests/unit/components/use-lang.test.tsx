// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { $, click, mount } from '../support/mount';
import { useLang } from '../../../components/ui/use-lang';
import type { SettingsArea } from '../../../utils/settings';

/** Settings kept in a plain object, as `browser.storage.local` keeps them. */
const area = (language?: string): SettingsArea => ({
  get: () => Promise.resolve(language ? { settings: { language } } : {}),
  set: () => Promise.resolve(),
});

function Probe({ settings, ui }: { settings: SettingsArea; ui: string }) {
  const [lang, setLang] = useLang(settings, ui);
  return (
    <button type="button" data-lang={lang} onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}>
      {lang}
    </button>
  );
}

const settled = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useLang', () => {
  it.each([
    ['the browser’s French', undefined, 'fr-FR', 'fr'],
    ['the browser’s other language', undefined, 'de', 'en'],
    ['the setting over the browser’s', 'en', 'fr-CA', 'en'],
    ['“auto”, the browser’s', 'auto', 'fr', 'fr'],
  ])('speaks %s, on the document too', async (_, language, ui, expected) => {
    await mount(<Probe settings={area(language)} ui={ui} />);
    await settled();
    expect($('button').dataset.lang).toBe(expected);
    expect(document.documentElement.lang).toBe(expected);
  });

  it('lets the page switch language', async () => {
    await mount(<Probe settings={area('fr')} ui="fr" />);
    await settled();
    await click($('button'));
    expect($('button').dataset.lang).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
