// @vitest-environment happy-dom
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportArea } from '../../../components/viewer/import-area';
import { VisitList } from '../../../components/viewer/visit-list';
import { viewerFr } from '../../../utils/i18n/viewer-messages';
import { submittedReview } from '../../../utils/report/review';
import { imported } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The page's structure (names, labels, headers, roles) checked as the end-to-end test checks the
 * built page; colours need a real layout and are left to that test.
 */
describe('viewer components', () => {
  it('have no WCAG A/AA violation axe can see without a layout', async () => {
    document.documentElement.lang = 'fr';
    document.title = viewerFr.pageTitle;
    const main = document.createElement('main');
    document.body.append(main);
    const on = { reportUrl: (id: string) => `/report.html?bundle=${id}`, onStatus: vi.fn(), onReviewer: vi.fn(), onComments: vi.fn(), onReexport: vi.fn(), onDelete: vi.fn() };
    const visits = [
      imported({ id: 'a', review: { ...submittedReview(1), status: 'in-review' }, criteria: [{ id: 'c1', question: { fr: 'Prix\u00a0?', en: 'Price?' }, state: 'no', comment: 'x' }] }),
      imported({ id: 'b' }),
      imported({
        id: 'c',
        summary: {
          ...imported().summary,
          mission: { id: 'summer', sha256: 'a'.repeat(64), agency: 'Agence Test', title: { fr: 'Soldes d’été', en: 'Summer sales' } },
        },
      }),
    ];
    await act(() =>
      render(
        <>
          <h1>{viewerFr.title}</h1>
          <ImportArea t={viewerFr} done="" results={[{ name: 'a.zip', ok: false, error: { code: 'not-a-zip' } }, { name: 'b.zip', ok: true }]} onFiles={vi.fn()} />
          <h2>{viewerFr.listTitle}</h2>
          <VisitList t={viewerFr} lang="fr" visits={visits} missionChoice="" onMissionChoice={vi.fn()} {...on} />
        </>,
        main,
      ),
    );
    const result = await axe.run(document, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(0);
  });
});
