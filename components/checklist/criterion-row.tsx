import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, AnswerEvidenceInput, AnswerState, Criterion } from '../../utils/checklist/schema';
import type { Suggestion } from '../../utils/checklist/suggestions';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import { EvidenceBlock, useEvidenceEditor, type PickableScreenshot } from './answer-evidence';
import { isTextField, rowKeyAction } from './row-keys';

export interface AnswerChange {
  state: AnswerState;
  value?: number;
  comment: string;
  evidence: AnswerEvidenceInput[];
}

/** What the evaluator has typed or chosen but not sent yet. */
export interface Draft {
  comment?: string;
  /** "No" was chosen and waits for its comment. */
  pendingNo?: boolean;
}

export const KEYS_HINT_ID = 'checklist-keys';

/** Focus the browser shows as from the keyboard (false where `:focus-visible` is unknown). */
const focusVisible = (target: EventTarget | null) => {
  try {
    return target instanceof Element && target.matches(':focus-visible');
  } catch {
    return false;
  }
};
export const itemId = (criterionId: string) => `criterion-${criterionId}`;
export const stateOf = (a: Answer | undefined) => a?.state ?? 'none';

export function answerText(t: ChecklistMessages, lang: Lang, c: Criterion, a: Answer | undefined): string {
  if (!a) return t.notAnswered;
  if (a.state === 'yes' && a.value !== undefined) {
    if (c.answer.kind === 'scale') return t.scaleValue(a.value);
    if (c.answer.kind === 'number') return t.numberValue(a.value, c.answer.unit[lang]);
  }
  return a.state === 'na' ? t.naTitle : t.answers[a.state];
}

export interface RowProps {
  t: ChecklistMessages;
  lang: Lang;
  criterion: Criterion;
  answer: Answer | undefined;
  suggestion: Suggestion | undefined;
  draft: Draft | undefined;
  setDraft: (id: string, draft: Draft | undefined) => void;
  commentRequiredOnNo: boolean;
  screenshots: PickableScreenshot[];
  canAnswer: boolean;
  /** The row in the tab order (one row at a time: arrows move between rows). */
  active: boolean;
  /** Its comment and evidence are shown: the row in use, or a "No" waiting for its comment. */
  open: boolean;
  onActivate: (id: string) => void;
  /** Opens the row's details (and closes the row open before). */
  onOpen: (id: string) => void;
  /** Moves the focus to another row: -1 / +1, or the first / last. */
  onMove: (from: string, to: -1 | 1 | 'first' | 'last') => void;
  onAnswer: (criterionId: string, change: AnswerChange) => void;
  onTakeScreenshot: () => Promise<string>;
  onLinkReplay: () => number | undefined;
}

/**
 * One criterion as a compact row: the question, its chips (knock-out, suggestion) and the answer
 * buttons on one line; the help, the suggestion's reason, the comment and the evidence open below it
 * while the row is in use, and by themselves on "No".
 */
export function CriterionRow(p: RowProps) {
  const { t, lang, criterion: c, answer, suggestion, draft, canAnswer, active, open } = p;
  const id = itemId(c.id);
  const comment = draft?.comment ?? answer?.comment ?? '';
  const pendingNo = draft?.pendingNo === true;
  const [dismissed, setDismissed] = useState(false);
  const [numberText, setNumberText] = useState(answer?.value === undefined ? '' : String(answer.value));
  const rowRef = useRef<HTMLDivElement>(null);
  const answerGroup = useRef<HTMLDivElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const focusComment = useRef(false);
  const lastComment = useRef<string | undefined>(undefined);
  const answerRef = useRef(answer);
  answerRef.current = answer;

  const editor = useEvidenceEditor({
    t,
    answer,
    canAnswer,
    onChange: (evidence) => {
      const a = answerRef.current;
      if (a) p.onAnswer(c.id, { state: a.state, ...(a.value === undefined ? {} : { value: a.value }), comment: a.comment, evidence });
    },
    onTakeScreenshot: p.onTakeScreenshot,
    onLinkReplay: p.onLinkReplay,
  });

  // Opening above or below moves the row: keep it in view while it has the focus.
  useEffect(() => {
    const row = rowRef.current;
    if (row?.contains(document.activeElement)) row.scrollIntoView?.({ block: 'nearest' });
  }, [open]);

  // The comment field takes focus when asked (C, or "No" waiting for its comment), once it is shown.
  useEffect(() => {
    if (!focusComment.current || !commentField.current) return;
    focusComment.current = false;
    commentField.current.focus();
  });

  const send = (state: AnswerState, value: number | undefined, text: string, focus = true) => {
    const trimmed = text.trim();
    if (state === 'no' && p.commentRequiredOnNo && !trimmed) {
      p.setDraft(c.id, { comment: text, pendingNo: true });
      focusComment.current = focus;
      return;
    }
    lastComment.current = trimmed;
    p.onAnswer(c.id, { state, ...(value === undefined ? {} : { value }), comment: trimmed, evidence: answer?.evidence ?? [] });
    p.setDraft(c.id, { comment: trimmed });
  };

  const choose = (state: AnswerState, value?: number) => {
    if (!canAnswer) return;
    const same = answer && answer.state === state && answer.value === value && comment.trim() === answer.comment;
    if (same && !pendingNo) return;
    // "No" asks why: its details open and the comment field takes the focus (Escape goes back to the row).
    if (state === 'no') {
      focusComment.current = true;
      p.onOpen(c.id);
    }
    send(state, value, comment);
  };

  // A later edit of the comment is sent on blur or Save; "No" still needs one.
  const saveComment = (focus: boolean) => {
    if (pendingNo) return send('no', undefined, comment, focus);
    const text = comment.trim();
    if (!answer || text === answer.comment || text === lastComment.current) return;
    send(answer.state, answer.value, comment, focus);
  };

  const backToRow = () => rowRef.current?.focus();
  const cancelPending = () => {
    p.setDraft(c.id, undefined);
    backToRow();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    // Shift with a letter is the panel's (Shift+S captures without attaching, Shift+N writes a note).
    if (e.shiftKey && /^[a-z]$/i.test(e.key)) return;
    // Letters typed into a field are text, not shortcuts.
    if (isTextField(e.target)) return;
    const action = rowKeyAction(e.key, c.answer.kind, canAnswer);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') p.onMove(c.id, action.to);
    else if (action.kind === 'answer') choose(action.state, action.value);
    else if (action.kind === 'comment') {
      focusComment.current = true;
      p.onOpen(c.id);
      commentField.current?.focus();
    } else if (action.kind === 'capture') void editor.capture();
    else if (action.kind === 'replay') editor.linkReplay();
  };

  const help = c.help?.[lang].trim();
  const shown = pendingNo ? 'no' : answer?.state;
  const offer = canAnswer && suggestion && c.answer.kind === 'yes-no' && !dismissed && !pendingNo && (!answer || answer.state === 'unchecked');
  const showSave = canAnswer && (pendingNo || (answer !== undefined && comment.trim() !== answer.comment));
  const inner = active || open ? 0 : -1;

  const answerButton = (state: AnswerState, label = t.answers[state]) => (
    <button
      key={state}
      type="button"
      class={`answer-btn answer-${state}`}
      data-testid={`answer-${state}`}
      aria-pressed={shown === state}
      tabIndex={inner}
      title={state === 'na' ? t.naTitle : undefined}
      onClick={() => choose(state)}
    >
      {label}
    </button>
  );

  return (
    <div
      id={id}
      ref={rowRef}
      class={`criterion criterion-row state-${stateOf(answer)}${open ? ' is-open' : ''}`}
      data-testid="criterion-item"
      data-criterion-id={c.id}
      data-state={stateOf(answer)}
      data-suggested={suggestion?.answer}
      data-open={open ? 'true' : 'false'}
      role="group"
      aria-labelledby={`${id}-q`}
      aria-describedby={KEYS_HINT_ID}
      tabIndex={active ? 0 : -1}
      onKeyDown={onKeyDown}
      onFocusCapture={(e) => {
        p.onActivate(c.id);
        // Reached from the keyboard: the details open. A click on an answer does not open them, so
        // that the rows below do not move under the pointer.
        if (focusVisible(e.target)) p.onOpen(c.id);
      }}
      onClick={(e) => {
        p.onActivate(c.id);
        if (!(e.target instanceof Element && e.target.closest('button, input, textarea, select, a, label'))) p.onOpen(c.id);
      }}
    >
      <div class="criterion-line">
        {/* Before the question in the markup so that it floats beside it and the question's lines wrap under it. */}
        {canAnswer ? (
          <div ref={answerGroup} class="answer-buttons" role="group" aria-label={c.answer.kind === 'scale' ? t.scaleGroup : t.answerGroup}>
            {c.answer.kind === 'yes-no' && (['yes', 'no'] as const).map((s) => answerButton(s))}
            {c.answer.kind === 'scale' &&
              [1, 2, 3, 4, 5].map((n) => (
                <button
                  key={n}
                  type="button"
                  class="answer-btn answer-scale"
                  data-testid={`answer-${n}`}
                  aria-pressed={answer?.state === 'yes' && answer.value === n}
                  tabIndex={inner}
                  onClick={() => choose('yes', n)}
                >
                  {n}
                </button>
              ))}
            {c.answer.kind === 'number' && (
              <label class="number-field">
                <span class="visually-hidden">{t.numberLabel(c.answer.unit[lang])}</span>
                <input
                  type="number"
                  step="any"
                  inputMode="decimal"
                  data-testid="answer-number"
                  tabIndex={inner}
                  value={numberText}
                  onInput={(e) => setNumberText(e.currentTarget.value)}
                  onChange={(e) => {
                    const n = e.currentTarget.valueAsNumber;
                    if (Number.isFinite(n)) choose('yes', n);
                  }}
                />
                <span aria-hidden="true">{c.answer.unit[lang]}</span>
              </label>
            )}
            {answerButton('na')}
          </div>
        ) : (
          <p class="criterion-answer" data-testid="criterion-answer">
            {t.fact(t.answerGroup, answerText(t, lang, c, answer))}
          </p>
        )}
        <p id={`${id}-q`} class="criterion-question">
          {c.question[lang]}
          {c.knockout && (
            <span class="chip chip-knockout" title={t.knockoutHint}>
              {t.knockout}
            </span>
          )}
          {suggestion && c.answer.kind === 'yes-no' && (
            <span class={`chip chip-suggestion chip-${suggestion.answer}`} data-testid="suggestion-chip">
              {t.suggestedChip(t.answers[suggestion.answer])}
            </span>
          )}
        </p>
      </div>

      {!open && (answer?.comment || editor.list.length > 0) && (
        <p class="criterion-summary" data-testid="criterion-summary">
          {answer?.comment && <span class="summary-comment">{answer.comment}</span>}
          {editor.list.length > 0 && <span class="summary-evidence">{t.evidenceCount(editor.list.length)}</span>}
        </p>
      )}

      {open && (
        <div class="criterion-details" data-testid="criterion-details">
          {help && (
            <p id={`${id}-help`} class="criterion-help">
              {help}
            </p>
          )}
          <p class="criterion-meta">
            <span>{t.fact(t.weightLabel, t.weight(c.weight))}</span>
            {c.knockout && <span>{t.knockoutHint}</span>}
          </p>
          {suggestion && c.answer.kind === 'yes-no' && (
            <div class={offer ? 'suggestion' : 'suggestion suggestion-note'} data-testid="suggestion">
              <p id={`${id}-suggestion`}>{t.suggested(t.answers[suggestion.answer], suggestion.reason[lang])}</p>
              {offer && (
                <div class="buttons">
                  <button
                    type="button"
                    class="btn btn-primary btn-small"
                    data-testid="suggestion-confirm"
                    aria-describedby={`${id}-suggestion`}
                    onClick={() => choose(suggestion.answer)}
                  >
                    {t.confirmSuggestion}
                  </button>
                  <button
                    type="button"
                    class="btn btn-small"
                    data-testid="suggestion-other"
                    onClick={() => {
                      setDismissed(true);
                      answerGroup.current?.querySelector('button')?.focus();
                    }}
                  >
                    {t.otherAnswer}
                  </button>
                </div>
              )}
            </div>
          )}
          {canAnswer && (
            <div class="buttons answer-more">
              {answerButton('unchecked')}
            </div>
          )}
          {canAnswer ? (
            <div class="criterion-comment">
              <label class="field">
                <span>{t.commentLabel}</span>
                <textarea
                  ref={commentField}
                  data-testid="criterion-comment"
                  rows={2}
                  maxLength={5000}
                  aria-required={shown === 'no' && p.commentRequiredOnNo}
                  aria-invalid={pendingNo}
                  aria-describedby={pendingNo ? `${id}-required` : `${id}-comment-keys`}
                  aria-keyshortcuts="Control+Enter Escape"
                  value={comment}
                  onInput={(e) => p.setDraft(c.id, { comment: e.currentTarget.value, pendingNo })}
                  onBlur={() => saveComment(false)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      saveComment(true);
                      backToRow();
                    } else if (e.key === 'Escape') {
                      e.preventDefault();
                      if (pendingNo) cancelPending();
                      else {
                        saveComment(false);
                        backToRow();
                      }
                    }
                  }}
                />
              </label>
              <p id={`${id}-comment-keys`} class="hint">
                {t.commentKeys}
              </p>
              {pendingNo && (
                <p id={`${id}-required`} class="error" role="alert" data-testid="criterion-comment-required">
                  {t.commentRequired}
                </p>
              )}
              {showSave && (
                <div class="buttons">
                  <button type="button" class="btn btn-primary btn-small" data-testid="criterion-save" onClick={() => saveComment(true)}>
                    {t.save}
                  </button>
                  {pendingNo && (
                    <button type="button" class="btn btn-small" onClick={cancelPending}>
                      {t.cancel}
                    </button>
                  )}
                </div>
              )}
            </div>
          ) : (
            answer?.comment && <p class="item-text">{answer.comment}</p>
          )}
          <EvidenceBlock t={t} base={id} editor={editor} screenshots={p.screenshots} canAnswer={canAnswer} />
        </div>
      )}
    </div>
  );
}
