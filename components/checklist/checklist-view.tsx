import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Checklist, Criterion } from '../../utils/checklist/schema';
import type { ChecklistScore } from '../../utils/checklist/score';
import type { Suggestion } from '../../utils/checklist/suggestions';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import type { PageType } from '../../utils/schema/page-type';
import type { PickableScreenshot } from './answer-evidence';
import { ChecklistProgress } from './checklist-progress';
import { answerText, CriterionRow, itemId, KEYS_HINT_ID, stateOf, type AnswerChange, type Draft } from './criterion-row';
import './checklist.css';

export type { AnswerChange } from './criterion-row';
export type { PickableScreenshot } from './answer-evidence';

interface Props {
  t: ChecklistMessages;
  lang: Lang;
  checklist: Checklist;
  currentPageType: PageType | undefined;
  answers: Map<string, Answer>;
  suggestions: Map<string, Suggestion>;
  score: ChecklistScore;
  commentRequiredOnNo: boolean;
  screenshots: PickableScreenshot[];
  /** False once the visit has ended: everything is shown read-only. */
  canAnswer: boolean;
  onAnswer: (criterionId: string, change: AnswerChange) => void;
  /** Takes a screenshot of the shop's tab and resolves with its id. */
  onTakeScreenshot: () => Promise<string>;
  /** "This replay moment": now, or undefined when the visit has no page to link. */
  onLinkReplay: () => number | undefined;
}

const ROW = '[data-testid=criterion-item]';

/**
 * The checklist in the side panel: progress and score, the criteria asked on the current page as
 * compact rows, then every section folded. One row at a time is in the tab order; the arrows move
 * between rows and letters answer (see `row-keys.ts`).
 */
export function ChecklistView(props: Props) {
  const { t, lang, checklist, currentPageType, answers } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const [activeId, setActiveId] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const setDraft = (id: string, draft: Draft | undefined) =>
    setDrafts((prev) => {
      const next = new Map(prev);
      if (draft) next.set(id, draft);
      else next.delete(id);
      return next;
    });

  // A sent comment no longer needs its draft once the stored answer has it.
  useEffect(() => {
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const [id, d] of prev) if (!d.pendingNo && d.comment === answers.get(id)?.comment) next.delete(id);
      return next.size === prev.size ? prev : next;
    });
  }, [answers]);

  const forPage = (c: Criterion) => c.pages.includes('any') || (currentPageType !== undefined && c.pages.includes(currentPageType));
  const pageCriteria = checklist.sections.flatMap((s) => s.criteria.filter(forPage));
  const onPage = new Set(pageCriteria.map((c) => c.id));
  const all = checklist.sections.flatMap((s) => s.criteria);
  // The row in the tab order: the one last used, else the page's first unanswered criterion.
  const active = (activeId && all.some((c) => c.id === activeId) ? activeId : undefined) ??
    (pageCriteria.find((c) => !answers.has(c.id)) ?? pageCriteria[0] ?? all[0])?.id;

  const onMove = (from: string, to: -1 | 1 | 'first' | 'last') => {
    const rows = Array.from(rootRef.current?.querySelectorAll<HTMLElement>(ROW) ?? []).filter((r) => !r.closest('details:not([open])'));
    const i = rows.findIndex((r) => r.dataset.criterionId === from);
    const next = to === 'first' ? rows[0] : to === 'last' ? rows.at(-1) : rows[Math.min(Math.max(i + to, 0), rows.length - 1)];
    next?.focus();
    next?.scrollIntoView?.({ block: 'nearest' });
  };

  const row = (c: Criterion) => (
    <li key={c.id}>
      <CriterionRow
        {...props}
        criterion={c}
        answer={answers.get(c.id)}
        suggestion={props.suggestions.get(c.id)}
        draft={drafts.get(c.id)}
        setDraft={setDraft}
        active={active === c.id}
        open={openId === c.id || drafts.get(c.id)?.pendingNo === true}
        onActivate={setActiveId}
        onOpen={setOpenId}
        onMove={onMove}
      />
    </li>
  );

  return (
    <div class="checklist" data-testid="checklist" ref={rootRef}>
      <ChecklistProgress t={t} lang={lang} checklist={checklist} score={props.score} />
      {!props.canAnswer && (
        <p class="notice" data-testid="checklist-read-only">
          {t.readOnly}
        </p>
      )}
      <p id={KEYS_HINT_ID} class="visually-hidden">
        {props.canAnswer ? t.keyboardHint : t.keyboardHintReadOnly}
      </p>
      <section class="checklist-group" data-testid="page-criteria" aria-labelledby="page-criteria-title">
        <h2 id="page-criteria-title">
          {t.pageCriteriaTitle}{' '}
          <span class="count-badge" data-testid="page-criteria-count">
            {pageCriteria.length}
          </span>
        </h2>
        {pageCriteria.length === 0 ? <p class="empty">{t.pageCriteriaEmpty}</p> : <ul class="criteria">{pageCriteria.map(row)}</ul>}
      </section>
      <section class="checklist-group" aria-labelledby="all-sections-title">
        <h2 id="all-sections-title">{t.sectionsTitle}</h2>
        {checklist.sections.map((s) => {
          const progress = props.score.sections.find((p) => p.sectionId === s.id);
          return (
            <details key={s.id} class="checklist-details" data-testid="checklist-section" data-section-id={s.id}>
              <summary>
                <span class="section-title">{s.title[lang]}</span>
                {progress && (
                  <span class="count">
                    <span aria-hidden="true">
                      {progress.answered}/{progress.total}
                    </span>
                    <span class="visually-hidden">{t.answeredOf(progress.answered, progress.total)}</span>
                  </span>
                )}
              </summary>
              <ul class="criteria">
                {s.criteria.map((c) =>
                  onPage.has(c.id) ? (
                    <li key={c.id}>
                      <CriterionRef t={t} lang={lang} criterion={c} answer={answers.get(c.id)} />
                    </li>
                  ) : (
                    row(c)
                  ),
                )}
              </ul>
            </details>
          );
        })}
      </section>
    </div>
  );
}

/** A criterion already shown among the page's criteria: its answer, and a way to reach it. */
function CriterionRef({ t, lang, criterion: c, answer }: { t: ChecklistMessages; lang: Lang; criterion: Criterion; answer: Answer | undefined }) {
  const questionId = `${itemId(c.id)}-ref`;
  return (
    <div class="criterion criterion-ref" data-testid="criterion-ref" data-criterion-id={c.id} data-state={stateOf(answer)}>
      <p id={questionId} class="criterion-question">
        {c.question[lang]}
      </p>
      <p class="criterion-answer">
        {t.fact(t.answerGroup, answerText(t, lang, c, answer))}{' '}
        <button
          type="button"
          class="btn btn-quiet btn-small"
          aria-describedby={questionId}
          onClick={() => document.getElementById(itemId(c.id))?.focus()}
        >
          {t.answerAbove}
        </button>
      </p>
    </div>
  );
}
