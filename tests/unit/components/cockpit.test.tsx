// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, $$, catalogueKeys, click, mount, root } from '../support/mount';
import { rowKeyAction } from '../../../components/checklist/row-keys';
import { ViewPanel, ViewTabs } from '../../../components/ui/view-tabs';
import { TopStrip } from '../../../components/visit/top-strip';
import { cockpitEn, cockpitFr } from '../../../utils/i18n/cockpit-messages';
import { MESSAGES } from '../../../utils/i18n/messages';

describe('the criterion rows’ keys', () => {
  it.each([
    ['ArrowDown', 'yes-no', { kind: 'move', to: 1 }],
    ['j', 'yes-no', { kind: 'move', to: 1 }],
    ['ArrowUp', 'yes-no', { kind: 'move', to: -1 }],
    ['K', 'yes-no', { kind: 'move', to: -1 }],
    ['Home', 'yes-no', { kind: 'move', to: 'first' }],
    ['End', 'yes-no', { kind: 'move', to: 'last' }],
    ['o', 'yes-no', { kind: 'answer', state: 'yes' }],
    ['Y', 'yes-no', { kind: 'answer', state: 'yes' }],
    ['n', 'yes-no', { kind: 'answer', state: 'no' }],
    ['a', 'yes-no', { kind: 'answer', state: 'na' }],
    ['u', 'yes-no', { kind: 'answer', state: 'unchecked' }],
    ['c', 'yes-no', { kind: 'comment' }],
    ['s', 'yes-no', { kind: 'capture' }],
    ['r', 'yes-no', { kind: 'replay' }],
    ['4', 'scale', { kind: 'answer', state: 'yes', value: 4 }],
    ['a', 'number', { kind: 'answer', state: 'na' }],
  ] as const)('%s on a %s criterion', (key, kind, action) => {
    expect(rowKeyAction(key, kind, true)).toEqual(action);
  });

  it.each([
    ['4', 'yes-no'],
    ['o', 'scale'],
    ['n', 'number'],
    ['x', 'yes-no'],
    ['Enter', 'yes-no'],
  ] as const)('%s does nothing on a %s criterion', (key, kind) => {
    expect(rowKeyAction(key, kind, true)).toBeUndefined();
  });

  it('only moves on a read-only row', () => {
    expect(rowKeyAction('ArrowDown', 'yes-no', false)).toEqual({ kind: 'move', to: 1 });
    for (const key of ['o', 'n', 'a', 'c', 's', 'r']) expect(rowKeyAction(key, 'yes-no', false)).toBeUndefined();
  });

  it('are all listed in the help overlay, in both languages', () => {
    for (const words of [cockpitFr, cockpitEn]) {
      const keys = words.keysGroups.flatMap((g) => g.keys.map(([k]) => k)).join(' ');
      for (const k of ['O', 'N', 'A', 'U', 'C', 'S', 'R', '?']) expect(keys).toContain(k);
    }
  });
});

describe('ViewTabs', () => {
  function Views({ onSelect }: { onSelect?: (id: string) => void }) {
    const [current, setCurrent] = useState<'a' | 'b' | 'c'>('a');
    const select = (id: 'a' | 'b' | 'c') => {
      onSelect?.(id);
      setCurrent(id);
    };
    return (
      <>
        <ViewTabs
          label="Vues"
          tabs={[
            { id: 'a', label: 'Grille', count: { shown: '3/80', said: '3 critères renseignés sur 80' } },
            { id: 'b', label: 'Parcours' },
            { id: 'c', label: 'Preuves' },
          ]}
          current={current}
          onSelect={select}
        />
        <ViewPanel id="a" current={current}>A</ViewPanel>
        <ViewPanel id="b" current={current}>B</ViewPanel>
        <ViewPanel id="c" current={current}>C</ViewPanel>
      </>
    );
  }
  const press = async (key: string) =>
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });

  it('is a tab list: one tab in the tab order, its count said in words, each panel labelled by its tab', async () => {
    await mount(<Views />);
    const tabs = $$('[role=tab]');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
      ['Grille3/80, 3 critères renseignés sur 80', 'true', 0],
      ['Parcours', 'false', -1],
      ['Preuves', 'false', -1],
    ]);
    const panels = $$('[role=tabpanel]');
    expect(panels.map((p) => [p.getAttribute('aria-labelledby'), p.hidden])).toEqual([
      [tabs[0]!.id, false],
      [tabs[1]!.id, true],
      [tabs[2]!.id, true],
    ]);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panels[0]!.id);
  });

  it('moves with the arrows, Home and End, wrapping around', async () => {
    const onSelect = vi.fn();
    await mount(<Views onSelect={onSelect} />);
    $<HTMLElement>('[role=tab][aria-selected=true]').focus();
    await press('ArrowRight');
    expect(document.activeElement?.textContent).toBe('Parcours');
    expect($<HTMLElement>('[role=tabpanel]:not([hidden])').textContent).toBe('B');
    await press('End');
    expect(document.activeElement?.textContent).toBe('Preuves');
    await press('ArrowRight');
    expect(document.activeElement?.textContent).toContain('Grille');
    await press('ArrowLeft');
    expect(document.activeElement?.textContent).toBe('Preuves');
    expect(onSelect.mock.calls.map((call: unknown[]) => call[0])).toEqual(['b', 'c', 'a', 'c']);
    await click($$('[role=tab]')[1]!);
    expect($<HTMLElement>('[role=tabpanel]:not([hidden])').textContent).toBe('B');
  });
});

describe('TopStrip', () => {
  it('shows the page and its type, the signals, and a capture only when one can be taken', async () => {
    const onSignals = vi.fn();
    const onCapture = vi.fn();
    await mount(
      <TopStrip m={MESSAGES.fr} t={cockpitFr} page={{ title: 'Derby en cuir', type: 'product' }} signals={3} onCapture={onCapture} capturing={false} onSignals={onSignals} onKeys={() => undefined} />,
    );
    expect($('[data-testid=strip-page]').textContent).toBe('Page en cours : Fiche produitDerby en cuir');
    expect($('[data-testid=strip-signals]').textContent).toBe('3 signaux');
    await click($('[data-testid=strip-signals]'));
    await click($('[data-testid=strip-capture]'));
    expect([onSignals.mock.calls.length, onCapture.mock.calls.length]).toEqual([1, 1]);
    await mount(<TopStrip m={MESSAGES.en} t={cockpitEn} page={undefined} signals={0} onCapture={undefined} capturing={false} onSignals={onSignals} onKeys={() => undefined} />);
    expect($('[data-testid=strip-page]').textContent).toContain('No page recorded yet');
    expect($('[data-testid=strip-signals]').textContent).toBe('No signal');
    expect(root.querySelector("[data-testid=strip-capture]")).toBeNull();
  });
});

describe('cockpit catalogue', () => {
  it('has the same keys in French and English', () => {
    expect(catalogueKeys(cockpitEn).sort()).toEqual(catalogueKeys(cockpitFr).sort());
    expect(cockpitEn.keysGroups.map((g) => g.keys.length)).toEqual(cockpitFr.keysGroups.map((g) => g.keys.length));
  });
});
