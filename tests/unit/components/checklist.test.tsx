// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, $$, click, mount, root, type, catalogueKeys } from '../support/mount';
import { ChecklistPicker } from '../../../components/checklist/checklist-picker';
import { ChecklistLibrary } from '../../../components/checklist/checklist-library';
import { cockpitFr } from '../../../utils/i18n/cockpit-messages';
import { ChecklistView, type AnswerChange } from '../../../components/checklist/checklist-view';
import type { Answer, Checklist, Criterion } from '../../../utils/checklist/schema';
import type { ChecklistScore } from '../../../utils/checklist/score';
import type { Suggestion } from '../../../utils/checklist/suggestions';
import { checklistEn, checklistFr } from '../../../utils/i18n/checklist-messages';

const t = checklistFr;
const item = (id: string) => $<HTMLElement>(`[data-testid=criterion-item][data-criterion-id="${id}"]`);
/** Opens a row's details as a click on its question does. */
const open = (id: string) => click($('.criterion-question', item(id)));

async function press(el: HTMLElement, key: string) {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

const criterion = (id: string, pages: Criterion['pages'], extra: Partial<Criterion> = {}): Criterion => ({
  id,
  question: { fr: `Question ${id} ?`, en: `Question ${id}?` },
  answer: { kind: 'yes-no' },
  weight: 2,
  knockout: false,
  pages,
  references: [{ kind: 'opquast', code: '1' }],
  ...extra,
});

const checklist: Checklist = {
  format: 'mystere-checklist',
  version: 1,
  id: 'test',
  title: { fr: 'Grille de test', en: 'Test checklist' },
  sections: [
    {
      id: 'home',
      title: { fr: 'Accueil', en: 'Home' },
      weight: 1,
      criteria: [criterion('h1', ['home']), criterion('h2', ['home', 'listing'])],
    },
    {
      id: 'product',
      title: { fr: 'Fiche produit', en: 'Product page' },
      weight: 1,
      criteria: [
        criterion('p1', ['product'], { knockout: true, help: { fr: 'Regardez sous le prix.', en: 'Look under the price.' } }),
        criterion('p2', ['product'], { answer: { kind: 'scale', min: 1, max: 5 } }),
        criterion('all', ['any']),
      ],
    },
  ],
};

const score: ChecklistScore = {
  overall: null,
  sections: [
    { sectionId: 'home', score: null, answered: 0, total: 2, left: 2 },
    { sectionId: 'product', score: null, answered: 0, total: 3, left: 3 },
  ],
  knockouts: [],
  answered: 0,
  total: 5,
};

/** Stored as the background stores it: "this replay moment" stamped on page-1, whose replay began at 1 000 000. */
const stored = (criterionId: string, change: AnswerChange): Answer => ({
  id: `v1/test/${criterionId}`,
  visitId: 'v1',
  checklistId: 'test',
  criterionId,
  pageId: 'page-1',
  at: 1,
  offset: 0,
  ...change,
  evidence: change.evidence.map((e) => (e.kind === 'moment' ? { kind: 'replay', pageId: 'page-1', offset: e.at - 1_000_000 } : e)),
});

type ViewProps = Parameters<typeof ChecklistView>[0];

/** The view with answers kept as the background would: each change stored and shown again. */
function Harness({ initial = [], ...props }: Partial<ViewProps> & { initial?: Answer[] }) {
  const [answers, setAnswers] = useState(new Map(initial.map((a) => [a.criterionId, a])));
  return (
    <ChecklistView
      t={t}
      lang="fr"
      checklist={checklist}
      currentPageType="product"
      suggestions={new Map()}
      score={score}
      commentRequiredOnNo={false}
      screenshots={[]}
      canAnswer
      onTakeScreenshot={() => Promise.resolve('shot-1')}
      onLinkReplay={() => 1_083_000}
      {...props}
      answers={answers}
      onAnswer={(id, change) => {
        props.onAnswer?.(id, change);
        setAnswers((prev) => new Map(prev).set(id, stored(id, change)));
      }}
    />
  );
}

describe('ChecklistView', () => {
  it('shows the criteria of the current page first, with their count, then every section', async () => {
    await mount(<Harness />);
    const group = $('[data-testid=page-criteria]');
    expect($('[data-testid=page-criteria-count]').textContent).toBe('3');
    expect($$('[data-testid=criterion-item]', group).map((i) => i.dataset.criterionId)).toEqual(['p1', 'p2', 'all']);
    // The page's criteria come before the sections.
    const first = $$('[data-testid=criterion-item]')[0]!;
    expect(first.dataset.criterionId).toBe('p1');
    // Folded, all of them: the page's criteria are above.
    const sections = $$('[data-testid=checklist-section]') as HTMLDetailsElement[];
    expect(sections.map((s) => [s.dataset.sectionId, s.open])).toEqual([
      ['home', false],
      ['product', false],
    ]);
    // Compact rows: no comment or evidence until a row is in use; one row in the tab order.
    expect(root.querySelector('[data-testid=criterion-comment]')).toBeNull();
    expect($$('[data-testid=criterion-item]').filter((i) => i.tabIndex === 0).map((i) => i.dataset.criterionId)).toEqual(['p1']);
    // Each criterion is answerable once; in its section a page criterion points back up.
    expect($$('[data-testid=criterion-item]').map((i) => i.dataset.criterionId).sort()).toEqual(['all', 'h1', 'h2', 'p1', 'p2']);
    expect($$('[data-testid=criterion-ref]', sections[1]).map((i) => i.dataset.criterionId)).toEqual(['p1', 'p2', 'all']);
    expect(new Set($$('[id]').map((e) => e.id)).size).toBe($$('[id]').length);
  });

  it('follows the page type, with only the "any" criteria when it is unknown', async () => {
    await mount(<Harness currentPageType="listing" />);
    expect($$('[data-testid=criterion-item]', $('[data-testid=page-criteria]')).map((i) => i.dataset.criterionId)).toEqual(['h2', 'all']);
    await act(() => render(<Harness currentPageType={undefined} />, root));
    expect($('[data-testid=page-criteria-count]').textContent).toBe('1');
  });

  it('sends "yes" at once, and marks the item with its state', async () => {
    const onAnswer = vi.fn();
    await mount(<Harness onAnswer={onAnswer} />);
    expect(item('p1').dataset.state).toBe('none');
    await click($('[data-testid=answer-yes]', item('p1')));
    expect(onAnswer).toHaveBeenCalledWith('p1', { state: 'yes', comment: '', evidence: [] });
    expect(item('p1').dataset.state).toBe('yes');
    expect($('[data-testid=answer-yes]', item('p1')).getAttribute('aria-pressed')).toBe('true');
    expect($<HTMLElement>('[data-testid=criterion-ref][data-criterion-id=p1]').dataset.state).toBe('yes');
  });

  it('holds a "no" until its required comment is written and saved', async () => {
    const onAnswer = vi.fn();
    await mount(<Harness onAnswer={onAnswer} commentRequiredOnNo />);
    await click($('[data-testid=answer-no]', item('p1')));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(item('p1').dataset.state).toBe('none');
    const comment = $<HTMLTextAreaElement>('[data-testid=criterion-comment]', item('p1'));
    expect(document.activeElement).toBe(comment);
    expect($('[role=alert]', item('p1')).textContent).toBe(t.commentRequired);
    await click($('[data-testid=criterion-save]', item('p1')));
    expect(onAnswer).not.toHaveBeenCalled();
    await type(comment, '  Prix barré illisible  ');
    await click($('[data-testid=criterion-save]', item('p1')));
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(onAnswer).toHaveBeenCalledWith('p1', { state: 'no', comment: 'Prix barré illisible', evidence: [] });
    expect(item('p1').dataset.state).toBe('no');
    expect(item('p1').querySelector('[role=alert]')).toBeNull();
  });

  it('sends a later comment edit on blur', async () => {
    const onAnswer = vi.fn();
    await mount(<Harness onAnswer={onAnswer} initial={[stored('p1', { state: 'yes', comment: '', evidence: [] })]} />);
    await open('p1');
    const comment = $<HTMLTextAreaElement>('[data-testid=criterion-comment]', item('p1'));
    await type(comment, 'Bien visible');
    await act(() => {
      comment.dispatchEvent(new FocusEvent('blur'));
    });
    expect(onAnswer).toHaveBeenCalledWith('p1', { state: 'yes', comment: 'Bien visible', evidence: [] });
  });

  it('answers from the keyboard on a focused item: O/Y, N, A, and 1–5 for a scale', async () => {
    const onAnswer = vi.fn();
    await mount(<Harness onAnswer={onAnswer} />);
    const p1 = item('p1');
    p1.focus();
    await press(p1, 'o');
    expect(item('p1').dataset.state).toBe('yes');
    await press(item('p1'), 'N');
    expect(item('p1').dataset.state).toBe('no');
    // "No" opens the row's details and puts the focus in its comment.
    expect(item('p1').dataset.open).toBe('true');
    expect(document.activeElement).toBe($('[data-testid=criterion-comment]', item('p1')));
    await press(item('p1'), 'a');
    expect(item('p1').dataset.state).toBe('na');
    await press(item('p1'), 'y');
    expect(item('p1').dataset.state).toBe('yes');
    await press(item('p2'), '4');
    expect(onAnswer).toHaveBeenLastCalledWith('p2', { state: 'yes', value: 4, comment: '', evidence: [] });
    expect($('[data-testid=answer-4]', item('p2')).getAttribute('aria-pressed')).toBe('true');
    await press(item('p1'), 'u');
    expect(item('p1').dataset.state).toBe('unchecked');
    // Typing in the comment is text, not a shortcut.
    onAnswer.mockClear();
    await press($('[data-testid=criterion-comment]', item('p1')), 'n');
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('moves between rows with the arrows, and C opens the comment', async () => {
    await mount(<Harness />);
    item('p1').focus();
    await press(item('p1'), 'ArrowDown');
    expect(document.activeElement).toBe(item('p2'));
    await press(item('p2'), 'j');
    expect(document.activeElement).toBe(item('all'));
    // The last row of the page's: the folded sections' rows are not reached.
    await press(item('all'), 'ArrowDown');
    expect(document.activeElement).toBe(item('all'));
    await press(item('all'), 'Home');
    expect(document.activeElement).toBe(item('p1'));
    expect($$('[data-testid=criterion-item]').filter((i) => i.tabIndex === 0).map((i) => i.dataset.criterionId)).toEqual(['p1']);
    await press(item('p1'), 'End');
    expect(document.activeElement).toBe(item('all'));
    await press(item('all'), 'c');
    expect(item('all').dataset.open).toBe('true');
    expect(document.activeElement).toBe($('[data-testid=criterion-comment]', item('all')));
    // Escape goes back to the row.
    await press($('[data-testid=criterion-comment]', item('all')), 'Escape');
    expect(document.activeElement).toBe(item('all'));
  });

  it('keeps a closed row to one line of comment and a count of its evidence', async () => {
    const initial = [stored('p1', { state: 'no', comment: 'Prix barré illisible', evidence: [{ kind: 'screenshot', screenshotId: 's1' }] })];
    await mount(<Harness initial={initial} />);
    expect(item('p1').dataset.open).toBe('false');
    expect($('[data-testid=criterion-summary]', item('p1')).textContent).toBe('Prix barré illisible1 preuve');
    await open('p1');
    expect(item('p1').querySelector('[data-testid=criterion-summary]')).toBeNull();
    expect($('[data-testid=criterion-comment]', item('p1'))).toBeTruthy();
    // Opening another row closes this one.
    await open('p2');
    expect([item('p1').dataset.open, item('p2').dataset.open]).toEqual(['false', 'true']);
  });

  it('shows a suggestion and applies it only when confirmed', async () => {
    const onAnswer = vi.fn();
    const suggestions = new Map<string, Suggestion>([
      ['p1', { answer: 'no', reason: { fr: '2 images sans texte alternatif', en: '2 images without alt text' } }],
    ]);
    await mount(<Harness onAnswer={onAnswer} suggestions={suggestions} />);
    expect(item('p1').dataset.suggested).toBe('no');
    expect($('[data-testid=suggestion-chip]', item('p1')).textContent).toBe('Suggéré\u00a0: Non');
    await open('p1');
    expect($('[data-testid=suggestion]', item('p1')).textContent).toContain('Suggéré\u00a0: Non — 2 images sans texte alternatif');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(item('p1').dataset.state).toBe('none');
    await click($('[data-testid=suggestion-confirm]', item('p1')));
    expect(onAnswer).toHaveBeenCalledWith('p1', { state: 'no', comment: '', evidence: [] });
    expect(item('p1').querySelector('[data-testid=suggestion-confirm]')).toBeNull();
  });

  it('lets the evaluator set a suggestion aside and answer otherwise', async () => {
    const suggestions = new Map<string, Suggestion>([['p1', { answer: 'yes', reason: { fr: 'HTTPS', en: 'HTTPS' } }]]);
    await mount(<Harness suggestions={suggestions} />);
    await open('p1');
    await click($('[data-testid=suggestion-other]', item('p1')));
    expect(item('p1').querySelector('[data-testid=suggestion-confirm]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid=answer-yes]', item('p1')));
  });

  it('carries each stored state as an attribute', async () => {
    const initial = (['yes', 'no', 'na', 'unchecked'] as const).map((state, i) =>
      stored(['h1', 'h2', 'p1', 'all'][i]!, { state, comment: 'x', evidence: [] }),
    );
    await mount(<Harness initial={initial} />);
    expect(['h1', 'h2', 'p1', 'all', 'p2'].map((id) => item(id).dataset.state)).toEqual(['yes', 'no', 'na', 'unchecked', 'none']);
  });

  it('attaches evidence only to an answer: a new screenshot, a chosen one, the replay moment', async () => {
    const onAnswer = vi.fn<(id: string, change: AnswerChange) => void>();
    const screenshots = [{ id: 'shot-0', thumbUrl: 'data:,', label: 'Derby cuir' }];
    await mount(<Harness onAnswer={onAnswer} screenshots={screenshots} />);
    await open('p1');
    const evidence = () => $('[data-testid=criterion-evidence]', item('p1'));
    expect($<HTMLButtonElement>('[data-testid=evidence-capture]', evidence()).disabled).toBe(true);
    await click($('[data-testid=answer-yes]', item('p1')));
    await click($('[data-testid=evidence-capture]', evidence()));
    expect(onAnswer).toHaveBeenLastCalledWith('p1', { state: 'yes', comment: '', evidence: [{ kind: 'screenshot', screenshotId: 'shot-1' }] });
    await click($('[data-testid=evidence-choose]', evidence()));
    await click($('[data-testid=evidence-pick][data-screenshot-id=shot-0]', evidence()));
    await click($('[data-testid=evidence-replay]', evidence()));
    expect(onAnswer.mock.lastCall![1]).toEqual({
      state: 'yes',
      comment: '',
      evidence: [
        { kind: 'screenshot', screenshotId: 'shot-1' },
        { kind: 'screenshot', screenshotId: 'shot-0' },
        { kind: 'moment', at: 1_083_000 },
      ],
    });
    const attached = $$('[data-testid=evidence-attached]', evidence());
    expect(attached.map((a) => a.textContent)).toContain('Moment du replay\u00a0: 01:23Retirer');
    await click($('[data-testid=evidence-remove]', attached[0]));
    expect(onAnswer.mock.lastCall![1].evidence).toHaveLength(2);
  });

  it('shows the progress, the score and the failed knock-outs', async () => {
    const scored: ChecklistScore = { ...score, overall: 72, knockouts: ['p1'], answered: 3 };
    await mount(<Harness score={scored} />);
    const progress = $('[data-testid=checklist-progress]');
    expect(progress.textContent).toContain('3 critères renseignés sur 5');
    expect($('[data-testid=progress-score]').textContent).toBe('Score\u00a0: 72\u00a0%');
    expect($('[data-testid=knockout-warning]').textContent).toContain('Question p1 ?');
    await act(() => render(<Harness />, root));
    expect($('[data-testid=progress-score]').textContent).toContain(t.noScore);
    expect(root.querySelector('[data-testid=knockout-warning]')).toBeNull();
  });

  it('is read-only once the visit has ended', async () => {
    const onAnswer = vi.fn();
    await mount(<Harness onAnswer={onAnswer} canAnswer={false} initial={[stored('p1', { state: 'no', comment: 'Illisible', evidence: [] })]} />);
    expect(root.querySelector('[data-testid=answer-yes]')).toBeNull();
    expect(root.querySelector('[data-testid=criterion-comment]')).toBeNull();
    expect($('[data-testid=criterion-answer]', item('p1')).textContent).toBe('Réponse\u00a0: Non');
    expect(item('p1').textContent).toContain('Illisible');
    await press(item('p1'), 'y');
    expect(onAnswer).not.toHaveBeenCalled();
  });
});

describe('ChecklistPicker', () => {
  const checklists = [
    { id: 'default', title: { fr: 'Grille Mystère', en: 'Mystère checklist' }, builtIn: true, criteria: 40 },
    { id: 'agency', title: { fr: 'Agence', en: 'Agency' }, builtIn: false, criteria: 1 },
  ];

  it('lists the checklists and selects one, with no import or export beside the evaluator’s work', async () => {
    const onSelect = vi.fn();
    await mount(<ChecklistPicker t={t} lang="fr" checklists={checklists} selectedId="default" onSelect={onSelect} />);
    const select = $<HTMLSelectElement>('[data-testid=checklist-select]');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Grille Mystère — 40 critères (intégrée)', 'Agence — 1 critère']);
    await act(() => {
      select.value = 'agency';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onSelect).toHaveBeenCalledWith('agency');
    expect(root.querySelector('[data-testid=checklist-export], [data-testid=checklist-import]')).toBeNull();
  });
});

describe('ChecklistLibrary (options page)', () => {
  const checklists = [
    { id: 'default', title: { fr: 'Grille Mystère', en: 'Mystère checklist' }, builtIn: true, criteria: 40 },
    { id: 'agency', title: { fr: 'Agence', en: 'Agency' }, builtIn: false, criteria: 1 },
  ];
  const library = (extra: Partial<Parameters<typeof ChecklistLibrary>[0]> = {}) => (
    <ChecklistLibrary t={t} words={cockpitFr.library} lang="fr" checklists={checklists} onImport={vi.fn()} importing={false} onExport={vi.fn()} {...extra} />
  );

  it('lists the checklists, each with its export, and an import', async () => {
    const onExport = vi.fn();
    await mount(library({ onExport }));
    expect($$('[data-testid=library-checklist]').map((li) => li.textContent)).toEqual([
      'Grille Mystère — 40 critères · intégréeExporter',
      'Agence — 1 critèreExporter',
    ]);
    const exports = $$('[data-testid=checklist-export]');
    expect(exports[1]!.getAttribute('aria-label')).toBe('Exporter la grille « Agence » (JSON)');
    await click(exports[1]!);
    expect(onExport).toHaveBeenCalledWith('agency');
    const input = $<HTMLInputElement>('[data-testid=checklist-import]');
    expect(input.accept).toBe('.json,application/json');
    expect(input.closest('label')!.textContent).toContain(t.importLabel);
  });

  it('lists the problems of a refused file, each with its path', async () => {
    await mount(
      library({
        importProblems: [
          { path: 'sections.0.criteria.2.id', message: 'Identifiant déjà utilisé' },
          { path: '', message: 'Ce n’est pas une grille Mystère' },
        ],
      }),
    );
    const error = $('[data-testid=checklist-import-error]');
    expect(error.getAttribute('role')).toBe('alert');
    expect($$('li', error).map((li) => [li.querySelector('code')!.textContent, li.textContent])).toEqual([
      ['sections.0.criteria.2.id', 'sections.0.criteria.2.id Identifiant déjà utilisé'],
      [t.wholeFile, `${t.wholeFile} Ce n’est pas une grille Mystère`],
    ]);
    expect(root.querySelector('[data-testid=checklist-import-ok]')).toBeNull();
  });

  it('confirms an import', async () => {
    await mount(library({ importedTitle: 'Agence' }));
    expect($('[data-testid=checklist-import-ok]').textContent).toBe('Grille « Agence » importée.');
  });
});

describe('checklist catalogue', () => {
  it('has the same keys in French and English', () => {
    expect(catalogueKeys(checklistEn).sort()).toEqual(catalogueKeys(checklistFr).sort());
  });
});
