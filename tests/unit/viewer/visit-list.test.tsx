// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, $$, mount, root, type } from '../support/mount';
import { VisitList } from '../../../components/viewer/visit-list';
import type { VisitRowData } from '../../../components/viewer/visit-row';
import { viewerEn, viewerFr } from '../../../utils/i18n/viewer-messages';
import type { MissionSummary } from '../../../utils/report/bundle-summary';
import { submittedReview } from '../../../utils/report/review';
import { ALL_MISSIONS, NO_MISSION } from '../../../utils/report/visits-by-mission';

const noop = { reportUrl: (id: string) => `/report.html?bundle=${id}`, onStatus: vi.fn(), onReviewer: vi.fn(), onComments: vi.fn(), onReexport: vi.fn(), onDelete: vi.fn() };

const summer: MissionSummary = { id: 'summer', sha256: 'a'.repeat(64), agency: 'Agence Test', title: { fr: 'Soldes d’été', en: 'Summer sales' } };
const quick: MissionSummary = { id: 'mystere-quick-visit', sha256: 'b'.repeat(64), agency: 'Mystère', title: { fr: 'Visite rapide', en: 'Quick visit' } };

const row = (id: string, mission?: MissionSummary): VisitRowData => ({
  id,
  summary: { site: `${id}.example`, startedAt: Date.UTC(2025, 6, 1), score: null, outcome: 'unknown', evaluator: '', ...(mission && { mission }) },
  criteria: [],
  review: submittedReview(1),
});
const visits = [row('a', summer), row('b'), row('c', quick), row('d', { ...summer, sha256: 'c'.repeat(64) })];

/** The list with its filter kept in state, as the page keeps it (in the address). */
function Harness({ lang = 'en', initial = ALL_MISSIONS, onChoice }: { lang?: 'fr' | 'en'; initial?: string; onChoice?: (c: string) => void }) {
  const [choice, setChoice] = useState(initial);
  return (
    <VisitList
      t={lang === 'fr' ? viewerFr : viewerEn}
      lang={lang}
      visits={visits}
      missionChoice={choice}
      onMissionChoice={(c) => {
        onChoice?.(c);
        setChoice(c);
      }}
      {...noop}
    />
  );
}

const headings = () => $$('.mission-group h3').map((h) => h.textContent);
const shownIds = () => $$('[data-testid=viewer-visit]').map((r) => r.dataset.visitId);
const filter = () => $<HTMLSelectElement>('[data-testid=viewer-mission-filter]');

describe('VisitList', () => {
  it('says so when nothing is imported, and shows nothing while reading', async () => {
    await mount(<VisitList t={viewerFr} lang="fr" visits={[]} missionChoice={ALL_MISSIONS} onMissionChoice={vi.fn()} {...noop} />);
    expect($('[data-testid=viewer-empty]').textContent).toBe(viewerFr.empty);
    expect($$('[data-testid=viewer-mission-filter]')).toEqual([]);
    await act(() => render(<VisitList t={viewerFr} lang="fr" visits={undefined} missionChoice={ALL_MISSIONS} onMissionChoice={vi.fn()} {...noop} />, root));
    expect(root.innerHTML).toBe('');
  });

  it('puts a heading per mission, with its title, agency and number of visits, over its own table', async () => {
    await mount(<Harness />);
    expect(headings()).toEqual(['Summer sales – Agence Test, 2 visits', 'Quick visit – Mystère, 1 visit', 'No mission, 1 visit']);
    expect($$('[data-testid=viewer-mission-group]').map((g) => g.dataset.missionId)).toEqual(['summer', 'mystere-quick-visit', '']);
    expect(shownIds()).toEqual(['a', 'd', 'c', 'b']);
    // Each table is named by its group's heading.
    for (const group of $$('[data-testid=viewer-mission-group]')) {
      const table = $('table', group);
      expect($(`#${table.getAttribute('aria-labelledby') ?? 'none'}`, group).tagName).toBe('H3');
    }
    expect($$('.mission-group > p.meta').map((p) => p.textContent)).toEqual([viewerEn.missionVersions(2)]);
  });

  it('speaks French in French', async () => {
    await mount(<Harness lang="fr" />);
    expect(headings()).toEqual(['Soldes d’été – Agence Test, 2 visites', 'Visite rapide – Mystère, 1 visite', 'Sans mission, 1 visite']);
    expect([...filter().options].map((o) => o.textContent)).toEqual([
      'Toutes les missions (4)',
      'Soldes d’été – Agence Test (2)',
      'Visite rapide – Mystère (1)',
      'Sans mission (1)',
    ]);
    expect($('label[for=viewer-mission-filter]').textContent).toBe(viewerFr.missionFilter);
  });

  it('filters on one mission, on the visits without one, or shows all, from a labelled select', async () => {
    const choices: string[] = [];
    await mount(<Harness onChoice={(c) => choices.push(c)} />);
    expect(filter().id).toBe('viewer-mission-filter');
    expect($(`label[for=${filter().id}]`).textContent).toBe('Filter by mission');
    expect([...filter().options].map((o) => o.value)).toEqual([ALL_MISSIONS, 'summer', 'mystere-quick-visit', NO_MISSION]);
    expect($('[data-testid=viewer-shown-count]').textContent).toBe('Showing 4 of 4 visits.');

    await type(filter(), 'summer', 'change');
    expect(shownIds()).toEqual(['a', 'd']);
    expect(headings()).toEqual(['Summer sales – Agence Test, 2 visits']);
    expect($('[data-testid=viewer-shown-count]').textContent).toBe('Showing 2 of 4 visits.');

    await type(filter(), NO_MISSION, 'change');
    expect(shownIds()).toEqual(['b']);
    expect(headings()).toEqual(['No mission, 1 visit']);

    await type(filter(), ALL_MISSIONS, 'change');
    expect(shownIds()).toEqual(['a', 'd', 'c', 'b']);
    expect(choices).toEqual(['summer', NO_MISSION, ALL_MISSIONS]);
  });

  it('shows every visit for a choice no visit has any more, the select saying so', async () => {
    await mount(<Harness initial="winter" />);
    expect(shownIds()).toEqual(['a', 'd', 'c', 'b']);
    expect(filter().value).toBe(ALL_MISSIONS);
    await mount(<Harness initial="mystere-quick-visit" />);
    expect(shownIds()).toEqual(['c']);
    expect(filter().value).toBe('mystere-quick-visit');
  });
});
