// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, $$, mount, root } from '../support/mount';
import { setReviewer } from '../../../components/viewer/review-helpers';
import { VisitTable } from '../../../components/viewer/visit-table';
import type { VisitRowData } from '../../../components/viewer/visit-row';
import { viewerEn, viewerFr } from '../../../utils/i18n/viewer-messages';
import { moveReview, setReviewComment, submittedReview, type ReviewStatus } from '../../../utils/report/review';

const options = () => [...$<HTMLSelectElement>('[data-testid=visit-review-status]').options].map((o) => o.value);

async function choose(status: ReviewStatus) {
  await act(() => {
    const select = $<HTMLSelectElement>('[data-testid=visit-review-status]');
    select.value = status;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function typeAndLeave(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    el.dispatchEvent(new FocusEvent('blur'));
  });
}

const visit = (over: Partial<VisitRowData> = {}): VisitRowData => ({
  id: 'v1',
  summary: {
    site: 'shop.example',
    startedAt: Date.UTC(2025, 2, 14, 12),
    score: 72.5,
    outcome: 'abandoned',
    stage: 'cart',
    evaluator: 'Alex',
    checklistTitle: { fr: 'Grille', en: 'Checklist' },
  },
  criteria: [
    { id: 'c1', question: { fr: 'Prix visible\u00a0?', en: 'Price shown?' }, state: 'no', comment: 'Caché.' },
    { id: 'c2', question: { fr: 'Panier\u00a0?', en: 'Cart?' }, state: 'yes', comment: '' },
  ],
  review: submittedReview(1),
  ...over,
});

const noop = { reportUrl: (id: string) => `/report.html?bundle=${id}`, onStatus: vi.fn(), onReviewer: vi.fn(), onComments: vi.fn(), onReexport: vi.fn(), onDelete: vi.fn() };

/** The table with the review kept as the page keeps it: every change goes through the review helpers. */
function Harness({ onChange }: { onChange?: (v: VisitRowData) => void }) {
  const [row, setRow] = useState(visit());
  const update = (change: (v: VisitRowData) => VisitRowData) =>
    setRow((v) => {
      const next = change(v);
      onChange?.(next);
      return next;
    });
  return (
    <VisitTable
      t={viewerEn}
      lang="en"
      visits={[row]}
      {...noop}
      onStatus={(_id, status) =>
        update((v) => {
          const moved = moveReview(v.review, status, 2);
          return 'error' in moved ? v : { ...v, review: moved };
        })
      }
      onReviewer={(_id, name) => update((v) => ({ ...v, review: setReviewer(v.review, name, 3) }))}
      onComments={(_id, changes) =>
        update((v) => ({ ...v, review: changes.reduce((r, c) => setReviewComment(r, c.criterionId, c.text, 4), v.review) }))
      }
    />
  );
}

describe('VisitTable', () => {
  it('shows one row per visit, in the order given, with its facts and a report link in a new tab', async () => {
    await mount(<VisitTable t={viewerEn} lang="en" visits={[visit({ id: 'new' }), visit({ id: 'old' })]} {...noop} />);
    const rows = $$('[data-testid=viewer-visit]');
    expect(rows.map((r) => r.dataset.visitId)).toEqual(['new', 'old']);
    const text = rows[0]!.textContent;
    for (const fact of ['shop.example', 'Checklist', 'Alex', '72.5\u00a0/\u00a0100', 'Abandoned at “Cart”']) expect(text).toContain(fact);
    expect($$('thead th').map((th) => th.getAttribute('scope'))).toEqual(Array(8).fill('col'));
    const link = $<HTMLAnchorElement>('[data-testid=viewer-open-report]');
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual(['/report.html?bundle=new', '_blank', 'noopener']);
  });

  it('names each visit’s mission in the viewer’s language, or says it followed none', async () => {
    const mission = { id: 'agence-test-juillet', sha256: 'a'.repeat(64), agency: 'Agence Test', title: { fr: 'Mission de test', en: 'Test mission' } };
    const quick = { id: 'mystere-quick-visit', sha256: 'b'.repeat(64), agency: 'Mystère', title: { fr: 'Visite rapide', en: 'Quick visit' } };
    const visits = [visit({ id: 'm', summary: { ...visit().summary, mission } }), visit({ id: 'q', summary: { ...visit().summary, mission: quick } }), visit({ id: 'old' })];
    const cells = () => $$('[data-testid=visit-mission]').map((td) => td.textContent);
    await mount(<VisitTable t={viewerEn} lang="en" visits={visits} {...noop} />);
    expect(cells()).toEqual(['Test mission', 'Quick visit', 'No mission']);
    await mount(<VisitTable t={viewerFr} lang="fr" visits={visits} {...noop} />);
    expect(cells()).toEqual(['Mission de test', 'Visite rapide', 'Sans mission']);
    expect($$('thead th')[1]?.textContent).toBe('Mission');
  });

  it('moves the review only along the allowed steps, showing comments while reviewing', async () => {
    const changes: VisitRowData[] = [];
    await mount(<Harness onChange={(v) => changes.push(v)} />);
    expect(options()).toEqual(['submitted', 'in-review']);
    expect($$('[data-testid=review-comment]')).toEqual([]);

    await choose('in-review');
    expect(options()).toEqual(['in-review', 'validated', 'returned']);
    expect($$('[data-testid=review-comment]').map((c) => c.dataset.criterionId)).toEqual(['c1', 'c2']);

    await choose('returned');
    expect(options()).toEqual(['returned', 'in-review']);
    expect($$('[data-testid=review-comment]')).toHaveLength(2);

    await choose('in-review');
    await choose('validated');
    expect(options()).toEqual(['validated', 'in-review']);
    expect($$('[data-testid=review-comment]')).toEqual([]);
    expect(changes.at(-1)?.review.history.map((h) => h.status)).toEqual(['submitted', 'in-review', 'returned', 'in-review', 'validated']);
  });

  it('saves a comment when its field is left, and the reviewer’s name', async () => {
    const changes: VisitRowData[] = [];
    await mount(<Harness onChange={(v) => changes.push(v)} />);
    await choose('in-review');
    const c1 = $<HTMLTextAreaElement>('[data-testid=review-comment][data-criterion-id=c1]');
    await typeAndLeave(c1, '  Show the price.  ');
    expect(changes.at(-1)?.review.comments).toEqual([{ criterionId: 'c1', text: 'Show the price.', at: 4 }]);
    const count = changes.length;
    await act(() => {
      c1.dispatchEvent(new FocusEvent('blur'));
    });
    expect(changes).toHaveLength(count);

    await typeAndLeave($<HTMLInputElement>('[data-testid=visit-reviewer]'), 'Sam');
    expect(changes.at(-1)?.review.reviewer).toBe('Sam');
    expect($<HTMLLabelElement>(`label[for="${c1.id}"]`).textContent).toBe('Comment on c1: Price shown?');
  });

  it('saves every changed comment with the button', async () => {
    const onComments = vi.fn();
    await mount(
      <VisitTable t={viewerEn} lang="en" visits={[visit({ review: { ...submittedReview(1), status: 'returned' } })]} {...noop} onComments={onComments} />,
    );
    await act(() => {
      for (const el of root.querySelectorAll<HTMLTextAreaElement>('[data-testid=review-comment]')) {
        el.value = `About ${el.dataset.criterionId}`;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(() => $('[data-testid=review-save]').click());
    expect(onComments).toHaveBeenCalledWith('v1', [
      { criterionId: 'c1', text: 'About c1' },
      { criterionId: 'c2', text: 'About c2' },
    ]);
  });

  it('re-exports, and deletes only once confirmed', async () => {
    const onReexport = vi.fn();
    const onDelete = vi.fn();
    await mount(<VisitTable t={viewerFr} lang="fr" visits={[visit()]} {...noop} onReexport={onReexport} onDelete={onDelete} />);
    await act(() => $('[data-testid=viewer-reexport]').click());
    expect(onReexport).toHaveBeenCalledWith('v1');
    await act(() => $('[data-testid=viewer-delete]').click());
    expect(onDelete).not.toHaveBeenCalled();
    await act(() => $('[data-testid=viewer-delete-confirm]').click());
    expect(onDelete).toHaveBeenCalledWith('v1');
  });

  it('shows a re-export in progress', async () => {
    await mount(<VisitTable t={viewerFr} lang="fr" visits={[visit()]} exportingId="v1" {...noop} />);
    const button = $<HTMLButtonElement>('[data-testid=viewer-reexport]');
    expect([button.disabled, button.textContent]).toEqual([true, viewerFr.reexporting]);
  });
});
