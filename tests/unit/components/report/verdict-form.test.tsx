// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { VerdictForm } from '../../../../components/report/verdict-form';
import { reportUiEn as t } from '../../../../utils/i18n/report-ui-messages';
import { $, mount as mountNode, root, type } from '../../support/mount';

async function mount(onSave = vi.fn(() => Promise.resolve()), initial = { text: '', alias: '', final: false }) {
  await mountNode(<VerdictForm t={t} initial={initial} noWithoutComment={[{ criterionId: 'C3', question: 'Is the phone number shown?' }]} onSave={onSave} />);
  return onSave;
}

/** Clicks, then lets the save's promise settle before looking. */
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('VerdictForm', () => {
  it('labels its fields and lists "no" answers left without a comment', async () => {
    await mount();
    const text = $<HTMLTextAreaElement>('[data-testid=verdict-text]');
    const alias = $<HTMLInputElement>('[data-testid=verdict-alias]');
    expect(root.querySelector(`label[for="${text.id}"]`)?.textContent).toBe(t.verdictLabel);
    expect(root.querySelector(`label[for="${alias.id}"]`)?.textContent).toBe(t.aliasLabel);
    const issues = $('[data-testid=verdict-issues]');
    expect(issues.getAttribute('aria-live')).toBe('polite');
    expect(issues.textContent).toContain('Is the phone number shown?');
  });

  it('flags a 30-word sentence as it is typed, quoting it with its word count', async () => {
    await mount();
    const sentence = `${Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')}.`;
    await type($('[data-testid=verdict-text]'), `Short one. ${sentence}`);
    const long = root.querySelector('[data-testid=verdict-issues] [data-issue=long-sentence]');
    expect(long?.getAttribute('data-words')).toBe('30');
    expect(long?.textContent).toContain('30-word');
    expect(long?.textContent).toContain(sentence);
    expect(root.querySelectorAll('[data-issue=long-sentence]')).toHaveLength(1);
  });

  it('refuses to mark an empty verdict as final, with an alert, and saves nothing', async () => {
    const onSave = await mount();
    await type($('[data-testid=verdict-text]'), '   ');
    await click($('[data-testid=verdict-final]'));
    expect($('[role=alert]').textContent).toBe(t.emptyFinal);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a draft and a final verdict, and says when', async () => {
    const onSave = await mount();
    await type($('[data-testid=verdict-alias]'), '  Eva  ');
    await type($('[data-testid=verdict-text]'), 'The shop is trusted.');
    await click($('[data-testid=verdict-save]'));
    expect(onSave).toHaveBeenLastCalledWith({ text: 'The shop is trusted.', alias: 'Eva', final: false });
    expect($('[data-testid=verdict-status]').textContent).toMatch(/^Saved at \d\d:\d\d$/);
    await click($('[data-testid=verdict-final]'));
    expect(onSave).toHaveBeenLastCalledWith({ text: 'The shop is trusted.', alias: 'Eva', final: true });
    expect($('[data-testid=verdict-status]').textContent).toMatch(/^Saved as final at/);
    expect(root.textContent).toContain(t.final);
  });

  it('shows an error from saving', async () => {
    await mount(vi.fn(() => Promise.reject(new Error('disk full'))), { text: 'Fine.', alias: 'Eva', final: false });
    await click($('[data-testid=verdict-save]'));
    expect($('[role=alert]').textContent).toBe(t.saveFailed('disk full'));
  });
});
