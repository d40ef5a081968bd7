// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CompletenessCheck } from '../../../components/mission/completeness-check';
import { MissionPicker, type PickedMission } from '../../../components/mission/mission-picker';
import { MissionView } from '../../../components/mission/mission-view';
import { missionEn, missionFr } from '../../../utils/i18n/mission-messages';
import type { MissingItem } from '../../../utils/mission/completeness';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { currentStep } from '../../../utils/mission/progress';
import { missionSchema, type Mission } from '../../../utils/mission/schema';
import type { StepMark } from '../../../utils/mission/step-status';
import type { ScenarioProgress } from '../../../utils/mission/steps';
import { validMissionFile } from '../mission/fixtures';
import { $, $$, catalogueKeys, click, mount, root, type } from '../support/mount';

const t = missionFr;
const DEADLINE = Date.parse('2025-07-14T18:00:00+02:00');
const mission: Mission = missionSchema.parse({
  ...validMissionFile(),
  steps: [
    ...validMissionFile().steps,
    {
      id: 'delivery',
      instruction: { fr: 'Allez jusqu’à la livraison.', en: 'Go on to delivery.' },
      reached: [{ kind: 'stage', stage: 'checkout' }, { kind: 'text', text: 'Mode de livraison' }],
      required: false,
      success: { fr: 'Les modes de livraison s’affichent.', en: 'The delivery options are shown.' },
    },
  ],
});

async function keydown(el: Element, key: string) {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('MissionPicker', () => {
  const missions: PickedMission[] = [
    { mission: QUICK_VISIT_MISSION, builtIn: true, checklistTitle: undefined },
    { mission, builtIn: false, checklistTitle: 'Grille rapide' },
  ];
  const picker = (over: Partial<Parameters<typeof MissionPicker>[0]> = {}) => (
    <MissionPicker
      t={t}
      lang="fr"
      confirmLabel="Confirmer"
      cancelLabel="Annuler"
      missions={missions}
      selectedId="agence-test-juillet"
      now={DEADLINE + 1}
      onSelect={() => undefined}
      onDelete={() => undefined}
      onImport={() => undefined}
      importing={false}
      {...over}
    />
  );

  it('lists the Quick visit and the imported missions with their agency, steps, sites and deadline', async () => {
    await mount(picker());
    const options = $$('[data-testid=mission-option]');
    expect(options.map((o) => o.dataset.missionId)).toEqual(['mystere-quick-visit', 'agence-test-juillet']);
    expect(options[0]!.textContent).toContain('Visite rapide');
    expect(options[0]!.textContent).toContain('intégrée');
    expect(options[0]!.textContent).toContain(t.sites(t.startSite));
    expect(options[1]!.textContent).toContain('Agence\u00a0: Agence Test · 4 étapes');
    expect(options[1]!.textContent).toContain('Sites\u00a0: shop.example');
    // Past its deadline, said so.
    expect($('[data-testid=mission-option-deadline]', options[1]).dataset.state).toBe('past');
    expect($('[data-testid=mission-option-deadline]', options[1]).textContent).toContain(t.pastDue);
    expect(options[0]!.querySelector('[data-testid=mission-delete]')).toBeNull();
  });

  it('chooses a mission with its radio button, and shows the chosen one’s brief, persona and checklist', async () => {
    const onSelect = vi.fn();
    await mount(picker({ onSelect }));
    const radios = $$('[data-testid=mission-radio]') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    expect(radios[0]!.getAttribute('aria-describedby')).toBe('mission-mystere-quick-visit-facts');
    await act(() => {
      radios[0]!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onSelect).toHaveBeenCalledWith('mystere-quick-visit');
    const brief = $('[data-testid=mission-brief]');
    expect(brief.textContent).toContain('Visitez la boutique.');
    expect($('[data-testid=mission-persona]', brief).textContent).toContain('Nom d’emprunt\u00a0: Claire M.');
    expect(brief.textContent).toContain('Cette mission utilise la grille « Grille rapide ».');
  });

  it('deletes an imported mission only once confirmed', async () => {
    const onDelete = vi.fn();
    await mount(picker({ onDelete }));
    const remove = $('[data-testid=mission-delete]');
    expect(remove.getAttribute('aria-label')).toBe('Supprimer la mission « Mission de test »');
    await click(remove);
    expect(onDelete).not.toHaveBeenCalled();
    expect(root.textContent).toContain(t.confirmDelete);
    await click($('[data-testid=mission-delete-confirm]'));
    expect(onDelete).toHaveBeenCalledWith('agence-test-juillet');
  });

  it('lists the problems of a refused file, each with its place in the file, and confirms an import', async () => {
    await mount(picker({ importProblems: [{ path: 'steps[1] (product) › instruction', message: 'champ obligatoire manquant' }, { path: '', message: 'Trop' }] }));
    const error = $('[data-testid=mission-import-error]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(t.importFailed(2));
    expect($$('li', error).map((li) => li.querySelector('code')!.textContent)).toEqual(['steps[1] (product) › instruction', t.wholeFile]);
    await mount(picker({ importedTitle: 'Mission de test' }));
    expect($('[data-testid=mission-import-ok]').textContent).toBe('Mission « Mission de test » importée et choisie.');
    expect($<HTMLInputElement>('[data-testid=mission-import]').accept).toBe('.json,application/json');
  });
});

describe('MissionView', () => {
  const progress: ScenarioProgress = {
    steps: [
      { stepId: 'home', reached: true, pageId: 'p1', at: 1, pageIds: ['p1'], inOrder: true },
      { stepId: 'product', reached: false, pageIds: [], inOrder: false },
      { stepId: 'basket', reached: true, pageId: 'p0', at: 0, pageIds: ['p0'], inOrder: false },
      { stepId: 'delivery', reached: false, pageIds: [], inOrder: false },
    ],
    orderFollowed: false,
  };
  const view = (over: Partial<Parameters<typeof MissionView>[0]> = {}) => {
    const marks: Record<string, StepMark> = over.marks ?? {};
    return (
      <MissionView
        t={t}
        lang="fr"
        mission={mission}
        progress={progress}
        marks={marks}
        current={currentStep(mission.steps, progress, marks)}
        now={DEADLINE - 5 * 3600_000}
        canMark
        onMark={() => undefined}
        {...over}
      />
    );
  };
  const step = (id: string) => $(`[data-testid=mission-step][data-step-id="${id}"]`);

  it('shows the current step (the first required one neither reached nor marked) with its instruction and success', async () => {
    await mount(view());
    const current = $('[data-testid=mission-current-step]');
    expect(current.dataset.stepId).toBe('product');
    expect(current.textContent).toContain('Produit');
    expect(current.textContent).toContain('Réussite\u00a0: Produit : fait');
    expect(step('product').getAttribute('aria-current')).toBe('step');
    await mount(view({ marks: { product: { status: 'blocked', comment: 'Rupture', at: 1 } } }));
    // Every required step reached or marked: the optional one left.
    expect($('[data-testid=mission-current-step]').dataset.stepId).toBe('delivery');
  });

  it('tells for each step whether the pages reached it, in order or not, and when a text condition waits for the evaluator', async () => {
    await mount(view());
    expect($$('[data-testid=mission-step]').map((li) => [li.dataset.stepId, li.dataset.reached, $('[data-testid=step-reached]', li).textContent])).toEqual([
      ['home', 'true', t.reached],
      ['product', 'false', t.notReached],
      ['basket', 'true', t.reachedOutOfOrder],
      ['delivery', 'false', t.notReached],
    ]);
    expect(step('delivery').textContent).toContain(t.textNotChecked);
    expect(step('product').textContent).not.toContain(t.textNotChecked);
  });

  it('counts the steps reached; the list is open for an agency’s mission and folded for the Quick visit', async () => {
    await mount(view());
    const box = $<HTMLDetailsElement>('[data-testid=mission-steps]');
    expect(box.open).toBe(true);
    expect($('summary', box).textContent).toBe('Étapes (2\u00a0atteintes sur 4)');
    const quick: ScenarioProgress = { steps: QUICK_VISIT_MISSION.steps.map((s) => ({ stepId: s.id, reached: false, pageIds: [], inOrder: false })), orderFollowed: true };
    await mount(view({ mission: QUICK_VISIT_MISSION, progress: quick, current: currentStep(QUICK_VISIT_MISSION.steps, quick) }));
    expect($<HTMLDetailsElement>('[data-testid=mission-steps]').open).toBe(false);
  });

  it('marks a step done at once; failed or blocked only with a comment saying why', async () => {
    const onMark = vi.fn();
    await mount(view({ onMark }));
    const product = step('product');
    expect($('[role=group]', product).getAttribute('aria-label')).toBe('Marquer l’étape « Produit »');
    await click($('[data-testid=step-done]', product));
    expect(onMark).toHaveBeenLastCalledWith('product', 'done', '');
    await click($('[data-testid=step-failed]', product));
    expect($('[data-testid=step-failed]', product).getAttribute('aria-pressed')).toBe('true');
    await click($('[data-testid=step-save]', product));
    expect($('[data-testid=step-comment-required]', product).getAttribute('role')).toBe('alert');
    expect($('[data-testid=step-comment]', product).getAttribute('aria-invalid')).toBe('true');
    expect(onMark).toHaveBeenCalledTimes(1);
    await type($<HTMLTextAreaElement>('[data-testid=step-comment]', product), '  Le bouton ne répond pas ');
    await click($('[data-testid=step-save]', product));
    expect(onMark).toHaveBeenLastCalledWith('product', 'failed', 'Le bouton ne répond pas');
    expect(product.querySelector('[data-testid=step-comment]')).toBeNull();
  });

  it('shows a mark, takes it back, and closes the comment with Escape', async () => {
    const onMark = vi.fn();
    await mount(view({ onMark, marks: { basket: { status: 'blocked', comment: 'Rupture de stock', at: 1 } } }));
    const basket = step('basket');
    expect(basket.dataset.status).toBe('blocked');
    expect($('[data-testid=step-mark]', basket).textContent).toBe('Marquée\u00a0: Bloquée — Rupture de stock');
    await click($('[data-testid=step-blocked]', basket));
    expect($<HTMLTextAreaElement>('[data-testid=step-comment]', basket).value).toBe('Rupture de stock');
    await keydown($('[data-testid=step-comment]', basket), 'Escape');
    expect(basket.querySelector('[data-testid=step-comment]')).toBeNull();
    await click($('[data-testid=step-unmark]', basket));
    expect(onMark).toHaveBeenCalledWith('basket', null, '');
  });

  it('offers no marks once the visit has ended', async () => {
    await mount(view({ canMark: false }));
    expect(root.querySelector('[data-testid=step-done]')).toBeNull();
  });

  it('shows the deadline, warns within the hour and alerts once past; and the persona', async () => {
    await mount(view());
    expect($('[data-testid=mission-deadline]').dataset.state).toBe('ok');
    expect(root.querySelector('[data-testid=mission-deadline] [role=status], [data-testid=mission-deadline] [role=alert]')).toBeNull();
    expect($('[data-testid=mission-deadline] time').getAttribute('datetime')).toBe('2025-07-14T18:00:00+02:00');
    await mount(view({ now: DEADLINE - 20 * 60_000 }));
    expect($('[data-testid=mission-deadline] [role=status]').textContent).toBe(t.deadlineSoon(20));
    await mount(view({ now: DEADLINE }));
    expect($('[data-testid=mission-deadline] [role=alert]').textContent).toBe(t.deadlinePast);
    expect($('[data-testid=mission-persona]').textContent).toContain('Appareil\u00a0: ordinateur');
  });

  it('says when every step is reached or marked', async () => {
    const marks: Record<string, StepMark> = { product: { status: 'done', comment: '', at: 1 }, delivery: { status: 'done', comment: '', at: 1 } };
    await mount(view({ marks }));
    expect($('[data-testid=mission-current-step]').textContent).toBe(t.allStepsDone);
  });
});

describe('CompletenessCheck', () => {
  const items: MissingItem[] = [
    { id: 'step/product', kind: 'step', refId: 'product', label: { fr: 'Étape ni atteinte ni marquée\u00a0: Produit', en: 'Step: Product' } },
    { id: 'evidence/basket-shot', kind: 'screenshot', refId: 'basket-shot', label: { fr: 'Capture d’écran manquante\u00a0: panier', en: 'Screenshot' } },
    { id: 'evidence/delivery-note', kind: 'note', refId: 'delivery-note', label: { fr: 'Note manquante\u00a0: livraison', en: 'Note' } },
    { id: 'evidence/d05', kind: 'answer', refId: 'd05', label: { fr: 'Réponse manquante\u00a0: D05', en: 'Answer' } },
  ];
  const check = (over: Partial<Parameters<typeof CompletenessCheck>[0]> = {}) => (
    <CompletenessCheck
      t={t}
      lang="fr"
      items={items}
      explanations={{}}
      busy={false}
      onGo={() => undefined}
      onCapture={() => undefined}
      onExplain={() => undefined}
      onStop={() => undefined}
      onCancel={() => undefined}
      {...over}
    />
  );
  const row = (id: string) => $(`[data-testid=missing-item][data-item-id="${id}"]`);

  it('is a dialog named by its title, focused when it opens, listing each missing item with its way to complete it', async () => {
    await mount(check());
    const dialog = $('[data-testid=completeness-check]');
    expect([dialog.getAttribute('role'), dialog.getAttribute('aria-labelledby')]).toEqual(['dialog', 'completeness-title']);
    expect(document.activeElement?.id).toBe('completeness-title');
    expect($('#completeness-intro').textContent).toBe(t.checkIntro(4));
    expect($$('[data-testid=missing-item]').map((li) => [li.dataset.kind, $('[data-testid=missing-complete]', li).textContent])).toEqual([
      ['step', t.goStep],
      ['screenshot', t.takeScreenshot],
      ['note', t.goNote],
      ['answer', t.goAnswer],
    ]);
  });

  it('goes to a step, a note or a criterion, and takes a screenshot at once', async () => {
    const onGo = vi.fn();
    const onCapture = vi.fn();
    await mount(check({ onGo, onCapture }));
    await click($('[data-testid=missing-complete]', row('evidence/d05')));
    expect(onGo).toHaveBeenCalledWith(items[3]);
    await click($('[data-testid=missing-complete]', row('evidence/basket-shot')));
    expect(onCapture).toHaveBeenCalledTimes(1);
    expect(onGo).toHaveBeenCalledTimes(1);
  });

  it('keeps Stop until every item is explained, then lets it go on', async () => {
    const onExplain = vi.fn();
    const onStop = vi.fn();
    await mount(check({ onExplain, onStop }));
    const stop = $<HTMLButtonElement>('[data-testid=completeness-stop]');
    expect(stop.disabled).toBe(true);
    expect($('[data-testid=completeness-left]').textContent).toBe(t.checkLeft(4));
    const save = $<HTMLButtonElement>('[data-testid=missing-explain]', row('step/product'));
    expect(save.disabled).toBe(true);
    await type($<HTMLTextAreaElement>('[data-testid=missing-explanation]', row('step/product')), ' Aucun produit sous 80 € ');
    await click(save);
    expect(onExplain).toHaveBeenCalledWith('step/product', 'Aucun produit sous 80 €');

    const explained = Object.fromEntries(items.map((item) => [item.id, 'Expliqué ici.']));
    await mount(check({ onStop, explanations: explained }));
    expect($$('[data-testid=missing-item]').every((li) => li.dataset.explained === 'true')).toBe(true);
    expect($<HTMLTextAreaElement>('[data-testid=missing-explanation]', row('step/product')).value).toBe('Expliqué ici.');
    expect($('[data-testid=completeness-left]').textContent).toBe(t.checkLeft(0));
    await click($('[data-testid=completeness-stop]'));
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it('lets Stop go on once every item is completed (the list empties), and goes back to the visit with Escape', async () => {
    const onCancel = vi.fn();
    await mount(check({ items: [], onCancel }));
    expect($('#completeness-intro').textContent).toBe(t.checkComplete);
    expect($<HTMLButtonElement>('[data-testid=completeness-stop]').disabled).toBe(false);
    await keydown($('[data-testid=completeness-stop]'), 'Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('mission catalogue', () => {
  it('has the same keys in French and English', () => {
    expect(catalogueKeys(missionEn).sort()).toEqual(catalogueKeys(missionFr).sort());
  });
});
