import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MESSAGES, pickLang } from '../../utils/i18n/messages';
import { validSelectors } from '../../utils/recording/rrweb-options';
import { parseSelectorLines } from '../../utils/recording/selectors';
import { LANGUAGES, settingsSchema, type Settings } from '../../utils/schema/settings';
import { loadSettings, saveSettings } from '../../utils/settings';
import { OptionsChecklists } from './checklists';

const BUDGET_MIN = 1;
const BUDGET_MAX = 100_000;
const isValid = (s: string) => validSelectors([s], document).length === 1;

/** Masking rules and language. Selectors are checked before saving; a bad line is named. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [mask, setMask] = useState('');
  const [block, setBlock] = useState('');
  const [budget, setBudget] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  useEffect(() => {
    void loadSettings(browser.storage.local).then((s) => {
      setSettings(s);
      setMask(s.maskSelectors.join('\n'));
      setBlock(s.blockSelectors.join('\n'));
      setBudget(String(s.visitBudgetMb));
    });
  }, []);
  if (!settings) return null;
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());
  const all = MESSAGES[lang];
  const m = all.options;
  document.documentElement.lang = lang;

  const save = async (e: Event) => {
    e.preventDefault();
    const masked = parseSelectorLines(mask, isValid);
    const blocked = parseSelectorLines(block, isValid);
    for (const r of [masked, blocked]) {
      if ('line' in r) return setMessage({ kind: 'error', text: m.badSelector(r.line, r.selector) });
    }
    if (!('selectors' in masked) || !('selectors' in blocked)) return;
    const budgetMb = settingsSchema.shape.visitBudgetMb.safeParse(/^\s*\d+\s*$/.test(budget) ? Number(budget) : NaN);
    if (!budgetMb.success) return setMessage({ kind: 'error', text: m.badBudget(BUDGET_MIN, BUDGET_MAX) });
    const next = { ...settings, maskSelectors: masked.selectors, blockSelectors: blocked.selectors, visitBudgetMb: budgetMb.data };
    await saveSettings(browser.storage.local, next);
    setSettings(next);
    setMessage({ kind: 'ok', text: m.saved });
  };

  return (
    <main class="panel">
      <h1>{m.title}</h1>
      <form onSubmit={(e) => void save(e)}>
        <label class="field">
          <span>{m.language}</span>
          <select
            data-testid="settings-language"
            value={settings.language}
            onChange={(e) => setSettings({ ...settings, language: (e.currentTarget).value as Settings['language'] })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'auto' ? m.languageAuto : l === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="settings-comment-on-no"
            checked={settings.commentRequiredOnNo}
            onChange={(e) => setSettings({ ...settings, commentRequiredOnNo: e.currentTarget.checked })}
          />
          <span>{m.commentOnNo}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="settings-auto-audit"
            checked={settings.autoAudit}
            onChange={(e) => setSettings({ ...settings, autoAudit: e.currentTarget.checked })}
          />
          <span>{m.autoAudit}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="settings-keep-assets"
            checked={settings.keepAssets && !import.meta.env.FIREFOX}
            disabled={import.meta.env.FIREFOX}
            aria-describedby={import.meta.env.FIREFOX ? 'keep-assets-firefox' : undefined}
            onChange={(e) => setSettings({ ...settings, keepAssets: e.currentTarget.checked })}
          />
          <span>{m.keepAssets}</span>
        </label>
        {import.meta.env.FIREFOX && (
          <p class="notice" id="keep-assets-firefox" data-testid="keep-assets-firefox">
            {m.keepAssetsFirefox}
          </p>
        )}
        <label class="check">
          <input
            type="checkbox"
            data-testid="settings-keep-search-terms"
            checked={settings.keepSearchTerms}
            onChange={(e) => setSettings({ ...settings, keepSearchTerms: e.currentTarget.checked })}
          />
          <span>{m.keepSearchTerms}</span>
        </label>
        <label class="field">
          <span>{m.budget}</span>
          <input
            type="text"
            inputMode="numeric"
            data-testid="settings-visit-budget"
            value={budget}
            onInput={(e) => setBudget(e.currentTarget.value)}
          />
        </label>
        <p class="notice">{m.privacyNote}</p>
        <label class="field">
          <span>{m.mask}</span>
          <textarea data-testid="settings-mask" value={mask} onInput={(e) => setMask((e.currentTarget).value)} />
        </label>
        <label class="field">
          <span>{m.block}</span>
          <textarea data-testid="settings-block" value={block} onInput={(e) => setBlock((e.currentTarget).value)} />
        </label>
        {message && (
          <p class={message.kind === 'ok' ? 'notice' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="settings-message">
            {message.text}
          </p>
        )}
        <button type="submit" class="btn btn-primary" data-testid="settings-save">
          {m.save}
        </button>
      </form>
      <OptionsChecklists m={all} lang={lang} />
    </main>
  );
}
