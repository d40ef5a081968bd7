// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, click, mount, root, type, catalogueKeys } from '../support/mount';
import { AbandonDialog } from '../../../components/evidence/abandon';
import { VisitOutcome } from '../../../components/evidence/journey';
import { NoteList } from '../../../components/evidence/notes';
import { ScreenshotViewer } from '../../../components/evidence/screenshots';
import { factsLine, SignalList } from '../../../components/evidence/signals';
import { evidenceEn, evidenceFr } from '../../../utils/i18n/evidence-messages';
import { ABANDON_REASONS, type Annotation } from '../../../utils/schema/evidence';

const t = evidenceFr;

describe('AbandonDialog', () => {
  const open = (onConfirm = vi.fn(), onCancel = vi.fn()) =>
    mount(<AbandonDialog t={t} busy={false} onConfirm={onConfirm} onCancel={onCancel} />);

  it('offers exactly the reason codes, after a disabled empty choice', async () => {
    await open();
    const options = [...$<HTMLSelectElement>('[data-testid=abandon-reason]').options];
    expect(options.map((o) => o.value)).toEqual(['', ...ABANDON_REASONS]);
    expect(options[0]!.disabled).toBe(true);
    expect(options.slice(1).every((o) => !o.disabled)).toBe(true);
  });

  it('cannot be confirmed until a reason is chosen, then sends the reason and the trimmed comment', async () => {
    const onConfirm = vi.fn();
    await open(onConfirm);
    const confirm = $<HTMLButtonElement>('[data-testid=abandon-confirm]');
    expect(confirm.disabled).toBe(true);
    await type($('[data-testid=abandon-comment]'), '  Frais de port cachés  ');
    await type($('[data-testid=abandon-reason]'), 'extra-costs', 'change');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('extra-costs', 'Frais de port cachés');
  });

  it('takes focus on opening, closes on Escape and gives focus back to the opener', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onCancel = vi.fn();
    await open(vi.fn(), onCancel);
    expect(document.activeElement).toBe($('[data-testid=abandon-reason]'));
    await act(() => {
      $('[data-testid=abandon-comment]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onCancel).toHaveBeenCalled();
    await act(() => render(null, root));
    expect(document.activeElement).toBe(opener);
  });
});

describe('NoteList', () => {
  const notes = [{ id: 'n1', at: Date.UTC(2025, 0, 1, 10, 0, 0), offset: 83_000, text: 'Guide des tailles muet', pageTitle: 'Derby cuir' }];

  it('adds the trimmed text with the button, and only when there is text', async () => {
    const onAdd = vi.fn();
    await mount(<NoteList t={t} lang="fr" notes={notes} onAdd={onAdd} onEdit={vi.fn()} onDelete={vi.fn()} />);
    const add = $<HTMLButtonElement>('[data-testid=note-add]');
    expect(add.disabled).toBe(true);
    await type($('[data-testid=note-input]'), '  Le panier se vide  ');
    await click(add);
    expect(onAdd).toHaveBeenCalledWith('Le panier se vide');
    expect($<HTMLTextAreaElement>('[data-testid=note-input]').value).toBe('');
  });

  it('adds with Ctrl+Enter', async () => {
    const onAdd = vi.fn();
    await mount(<NoteList t={t} lang="fr" notes={[]} onAdd={onAdd} onEdit={vi.fn()} onDelete={vi.fn()} />);
    const input = $<HTMLTextAreaElement>('[data-testid=note-input]');
    await type(input, 'Vite');
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    expect(onAdd).toHaveBeenCalledWith('Vite');
  });

  it('shows each note with its replay time and page, and edits it inline', async () => {
    const onEdit = vi.fn();
    await mount(<NoteList t={t} lang="fr" notes={notes} onAdd={vi.fn()} onEdit={onEdit} onDelete={vi.fn()} />);
    const item = $('[data-testid=note-item]');
    expect(item.textContent).toContain('01:23');
    expect(item.textContent).toContain('Derby cuir');
    await click($('[data-testid=note-edit]'));
    await type($('[data-testid=note-edit-input]'), ' Le guide ne s’ouvre pas ');
    await click($('[data-testid=note-save]'));
    expect(onEdit).toHaveBeenCalledWith('n1', 'Le guide ne s’ouvre pas');
  });
});

describe('SignalList', () => {
  const signals: Parameters<typeof SignalList>[0]['signals'] = [
    { id: 's1', type: 'js-error', at: 1_000, pageTitle: 'Chaussures', facts: { error: 'error', message: 'x is undefined' } },
    { id: 's2', type: 'rage-click', at: 3_000, pageTitle: 'Derby', selector: '#size-guide', facts: { clicks: 4 } },
    { id: 's3', type: 'js-error', at: 2_000, pageTitle: 'Chaussures', facts: { error: 'rejection', message: 'nope' } },
  ];

  it('lists signals newest first, each with its type as an attribute, and counts per type', async () => {
    await mount(<SignalList t={t} lang="fr" signals={signals} />);
    const items = [...root.querySelectorAll('[data-testid=signal-item]')];
    expect(items.map((i) => i.getAttribute('data-signal-type'))).toEqual(['rage-click', 'js-error', 'js-error']);
    expect(items[0]!.querySelector('code')!.textContent).toBe('#size-guide');
    const counts = [...root.querySelectorAll('[data-testid=signal-count]')].map((c) => [c.getAttribute('data-signal-type'), c.textContent]);
    expect(counts).toEqual([
      ['rage-click', 'Clics répétés (rage)\u00a0: 1'],
      ['js-error', 'Erreur JavaScript\u00a0: 2'],
    ]);
  });

  it('says so when there is none', async () => {
    await mount(<SignalList t={evidenceEn} lang="en" signals={[]} />);
    expect(root.textContent).toContain(evidenceEn.noSignals);
  });

  it('writes facts as a readable line, durations in seconds', () => {
    expect(factsLine(t, { waited: 3200, resolved: false })).toBe('attente\u00a0: 3,2\u00a0s · résolue\u00a0: non');
    expect(factsLine(evidenceEn, { url: '/api/x', status: 0 })).toBe('address: /api/x · status: network error');
    expect(factsLine(t, { error: 'rejection', clicks: 4 })).toBe('type\u00a0: promesse rejetée · clics\u00a0: 4');
  });
});

describe('VisitOutcome', () => {
  it('carries the kind and stage, the reason and the signals that led there', async () => {
    await mount(
      <VisitOutcome
        t={t}
        outcome={{ kind: 'abandoned', stage: 'cart', declared: true, reason: 'extra-costs', signalIds: ['a', 'b'] }}
      />,
    );
    const el = $('[data-testid=visit-outcome]');
    expect([el.getAttribute('data-outcome'), el.getAttribute('data-stage')]).toEqual(['abandoned', 'cart']);
    expect(el.textContent).toContain('Abandon à l’étape « Panier »');
    expect(el.textContent).toContain('Frais supplémentaires');
    expect(el.textContent).toContain('2 signaux');
  });

  it('says an order was placed', async () => {
    await mount(<VisitOutcome t={t} outcome={{ kind: 'converted', stage: 'confirmation', signalIds: [] }} />);
    const el = $('[data-testid=visit-outcome]');
    expect(el.getAttribute('data-outcome')).toBe('converted');
    expect(el.textContent).toContain('Commande passée');
  });
});

describe('ScreenshotViewer', () => {
  it('annotates the whole image from the keyboard, and requires a caption', async () => {
    const onSave = vi.fn<(a: Annotation[]) => void>();
    await mount(
      <ScreenshotViewer t={t} imageUrl="data:," width={1280} height={800} annotations={[]} onSave={onSave} onClose={vi.fn()} />,
    );
    expect($('[data-testid=screenshot-viewer]')).toBeTruthy();
    await click($('[data-testid=annotation-whole]'));
    await click($('[data-testid=annotation-save]'));
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alert]')!.textContent).toBe(t.captionRequired);
    await type($('[data-testid=annotation-caption]'), ' Bandeau trop grand ');
    await click($('[data-testid=annotation-save]'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toEqual([expect.objectContaining({ x: 0, y: 0, w: 1, h: 1, caption: 'Bandeau trop grand' })]);
    expect(root.querySelectorAll('[data-testid=annotation-rect]')).toHaveLength(1);
  });
});

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(catalogueKeys(evidenceEn).sort()).toEqual(catalogueKeys(evidenceFr).sort());
  });

  it('format seconds in each language', () => {
    expect(evidenceFr.seconds(3200)).toBe('3,2\u00a0s');
    expect(evidenceEn.seconds(3200)).toBe('3.2 s');
    expect(evidenceFr.seconds(10_000)).toBe('10\u00a0s');
  });

  it('fall back to a general message for an unknown error code', () => {
    expect(evidenceFr.errorText('tab-hidden')).toBe('Affichez l’onglet de la visite pour faire une capture.');
    expect(evidenceEn.errorText('constructor')).toBe(evidenceEn.errorText('internal'));
  });
});
