import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, AnswerEvidenceInput, AnswerState, Checklist, Criterion } from '../../utils/checklist/schema';
import type { ChecklistScore } from '../../utils/checklist/score';
import type { Suggestion } from '../../utils/checklist/suggestions';
import type { ChecklistMessages } from '../../utils/i18n/checklist-messages';
import type { Lang } from '../../utils/i18n/messages';
import type { PageType } from '../../utils/schema/page-type';
import { replayTime } from '../evidence/notes';
import './checklist.css';

/** The most evidence one answer keeps (see the answer schema). */
const MAX_EVIDENCE = 20;

export interface AnswerChange {
  state: AnswerState;
  value?: number;
  comment: string;
  evidence: AnswerEvidenceInput[];
}

export interface PickableScreenshot {
  id: string;
  thumbUrl: string;
  label: string;
}

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
  /** The current page and moment of its replay, if the page is recorded. */
  /** "This replay moment": now, or undefined when the visit has no page to link. */
  onLinkReplay: () => number | undefined;
}

/** What the evaluator has typed or chosen but not sent yet. */
interface Draft {
  comment?: string;
  /** "No" was chosen and waits for its comment. */
  pendingNo?: boolean;
}

const KEYS_HINT_ID = 'checklist-keys';
const stateOf = (a: Answer | undefined) => a?.state ?? 'none';

function answerText(t: ChecklistMessages, lang: Lang, c: Criterion, a: Answer | undefined): string {
  if (!a) return t.notAnswered;
  if (a.state === 'yes' && a.value !== undefined) {
    if (c.answer.kind === 'scale') return t.scaleValue(a.value);
    if (c.answer.kind === 'number') return t.numberValue(a.value, c.answer.unit[lang]);
  }
  return a.state === 'na' ? t.naTitle : t.answers[a.state];
}

function ScoreText({ t, score }: { t: ChecklistMessages; score: number | null }) {
  if (score !== null) return <>{t.percent(score)}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t.noScore}</span>
    </>
  );
}

/**
 * The checklist in the side panel: progress and score, the criteria asked on the current page
 * first, then every section as a collapsible group.
 */
export function ChecklistView(props: Props) {
  const { t, lang, checklist, currentPageType, answers } = props;
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
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

  const item = (c: Criterion) => (
    <li key={c.id}>
      <CriterionItem {...props} criterion={c} answer={answers.get(c.id)} suggestion={props.suggestions.get(c.id)} draft={drafts.get(c.id)} setDraft={setDraft} />
    </li>
  );

  return (
    <div class="checklist" data-testid="checklist">
      <Progress {...props} />
      {!props.canAnswer && (
        <p class="notice" data-testid="checklist-read-only">
          {t.readOnly}
        </p>
      )}
      <p id={KEYS_HINT_ID} class="visually-hidden">
        {t.keyboardHint}
      </p>
      <section class="checklist-group" data-testid="page-criteria" aria-labelledby="page-criteria-title">
        <h2 id="page-criteria-title">
          {t.pageCriteriaTitle}{' '}
          <span class="count-badge" data-testid="page-criteria-count">
            {pageCriteria.length}
          </span>
        </h2>
        {pageCriteria.length === 0 ? <p class="empty">{t.pageCriteriaEmpty}</p> : <ul class="criteria">{pageCriteria.map(item)}</ul>}
      </section>
      <section class="checklist-group" aria-labelledby="all-sections-title">
        <h2 id="all-sections-title">{t.sectionsTitle}</h2>
        {checklist.sections.map((s) => {
          const progress = props.score.sections.find((p) => p.sectionId === s.id);
          const current = currentPageType !== undefined && s.criteria.some((c) => c.pages.includes(currentPageType));
          return (
            <details key={s.id} class="checklist-details" data-testid="checklist-section" data-section-id={s.id} open={current}>
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
                    item(c)
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

function Progress({ t, lang, checklist, score }: Props) {
  const questions = new Map(checklist.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.question[lang]] as const)));
  return (
    <section class="checklist-progress" data-testid="checklist-progress" aria-labelledby="checklist-progress-title">
      <h2 id="checklist-progress-title">{t.progressTitle}</h2>
      <p class="progress-line">
        <span data-testid="progress-answered">{t.answeredOf(score.answered, score.total)}</span>
        <span data-testid="progress-score" data-score={score.overall ?? ""}>
          {t.fact(t.scoreLabel, '')}
          <strong>
            <ScoreText t={t} score={score.overall} />
          </strong>
        </span>
      </p>
      <progress class="progress-bar" aria-hidden="true" max={Math.max(score.total, 1)} value={score.answered} />
      {score.knockouts.length > 0 && (
        <div class="knockout-warning" data-testid="knockout-warning">
          <p>
            <strong>{t.knockoutTitle(score.knockouts.length)}</strong>
          </p>
          <ul>
            {score.knockouts.map((id) => (
              <li key={id} data-criterion-id={id}>
                {questions.get(id) ?? id}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="section-progress">
        {checklist.sections.map((s) => {
          const p = score.sections.find((x) => x.sectionId === s.id);
          if (!p) return null;
          return (
            <li key={s.id} data-testid="section-progress" data-section-id={s.id}>
              <span class="section-title">{s.title[lang]}</span>
              <span class="section-numbers">
                <span aria-hidden="true">
                  {p.answered}/{p.total}
                </span>
                <span class="visually-hidden">{t.answeredOf(p.answered, p.total)}</span>
                {' · '}
                <ScoreText t={t} score={p.score} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const itemId = (criterionId: string) => `criterion-${criterionId}`;

/** A criterion already shown among the page's criteria: its answer, and a way to reach it. */
function CriterionRef({ t, lang, criterion: c, answer }: { t: ChecklistMessages; lang: Lang; criterion: Criterion; answer: Answer | undefined }) {
  const questionId = `${itemId(c.id)}-ref`;
  return (
    <div class="criterion criterion-ref" data-testid="criterion-ref" data-criterion-id={c.id} data-state={stateOf(answer)}>
      <p id={questionId} class="criterion-question">
        {c.question[lang]}
      </p>
      <p class="criterion-answer">{t.fact(t.answerGroup, answerText(t, lang, c, answer))}</p>
      <button
        type="button"
        class="btn btn-quiet btn-small"
        aria-describedby={questionId}
        onClick={() => document.getElementById(itemId(c.id))?.focus()}
      >
        {t.answerAbove}
      </button>
    </div>
  );
}

interface ItemProps extends Props {
  criterion: Criterion;
  answer: Answer | undefined;
  suggestion: Suggestion | undefined;
  draft: Draft | undefined;
  setDraft: (id: string, draft: Draft | undefined) => void;
}

/** One criterion: question, help, suggestion, answer, comment and evidence. */
function CriterionItem(p: ItemProps) {
  const { t, lang, criterion: c, answer, suggestion, draft, canAnswer } = p;
  const id = itemId(c.id);
  const comment = draft?.comment ?? answer?.comment ?? '';
  const pendingNo = draft?.pendingNo === true;
  const [helpOpen, setHelpOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [numberText, setNumberText] = useState(answer?.value === undefined ? '' : String(answer.value));
  const itemRef = useRef<HTMLDivElement>(null);
  const answerGroup = useRef<HTMLDivElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const focusComment = useRef(false);
  const lastComment = useRef<string | undefined>(undefined);
  const answerRef = useRef(answer);
  answerRef.current = answer;

  // The comment field takes focus when "No" waits for its comment.
  useEffect(() => {
    if (!focusComment.current) return;
    focusComment.current = false;
    commentField.current?.focus();
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
    send(state, value, comment);
  };

  // A later edit of the comment is sent on blur or Save; "No" still needs one.
  const saveComment = (focus: boolean) => {
    if (pendingNo) return send('no', undefined, comment, focus);
    const text = comment.trim();
    if (!answer || text === answer.comment || text === lastComment.current) return;
    send(answer.state, answer.value, comment, focus);
  };

  const cancelPending = () => {
    p.setDraft(c.id, undefined);
    itemRef.current?.focus();
  };

  const changeEvidence = (evidence: AnswerEvidenceInput[]) => {
    const a = answerRef.current;
    if (!a) return;
    p.onAnswer(c.id, { state: a.state, ...(a.value === undefined ? {} : { value: a.value }), comment: a.comment, evidence });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    // Letters typed into a field are text, not shortcuts.
    if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select')) return;
    const key = e.key.toLowerCase();
    const kind = c.answer.kind;
    let next: [AnswerState, number?] | undefined;
    if (key === 'a') next = ['na'];
    else if (kind === 'yes-no' && (key === 'y' || key === 'o')) next = ['yes'];
    else if (kind === 'yes-no' && key === 'n') next = ['no'];
    else if (kind === 'scale' && /^[1-5]$/.test(key)) next = ['yes', Number(key)];
    if (!next) return;
    e.preventDefault();
    choose(...next);
  };

  const help = c.help?.[lang].trim();
  const shown = pendingNo ? 'no' : answer?.state;
  const offer =
    canAnswer && suggestion && c.answer.kind === 'yes-no' && !dismissed && !pendingNo && (!answer || answer.state === 'unchecked');
  const showSave = canAnswer && (pendingNo || (answer !== undefined && comment.trim() !== answer.comment));

  const answerButton = (state: AnswerState) => (
    <button
      key={state}
      type="button"
      class={`answer-btn answer-${state}`}
      data-testid={`answer-${state}`}
      aria-pressed={shown === state}
      title={state === 'na' ? t.naTitle : undefined}
      onClick={() => choose(state)}
    >
      {t.answers[state]}
    </button>
  );

  return (
    <div
      id={id}
      ref={itemRef}
      class={`criterion state-${stateOf(answer)}`}
      data-testid="criterion-item"
      data-criterion-id={c.id}
      data-state={stateOf(answer)}
      data-suggested={suggestion?.answer}
      role="group"
      aria-labelledby={`${id}-q`}
      aria-describedby={canAnswer ? KEYS_HINT_ID : undefined}
      tabIndex={canAnswer ? 0 : undefined}
      onKeyDown={canAnswer ? onKeyDown : undefined}
    >
      <div class="criterion-head">
        <p id={`${id}-q`} class="criterion-question">
          {c.question[lang]}
        </p>
        {help && (
          <button
            type="button"
            class="help-toggle"
            title={t.help}
            aria-expanded={helpOpen}
            aria-controls={`${id}-help`}
            onClick={() => setHelpOpen(!helpOpen)}
          >
            <span aria-hidden="true">?</span>
            <span class="visually-hidden">{t.help}</span>
          </button>
        )}
      </div>
      {help && (
        <p id={`${id}-help`} class="criterion-help" hidden={!helpOpen}>
          {help}
        </p>
      )}
      <p class="criterion-meta">
        <span>{t.fact(t.weightLabel, t.weight(c.weight))}</span>
        {c.knockout && (
          <span class="knockout-tag" title={t.knockoutHint}>
            {t.knockout}
          </span>
        )}
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

      {canAnswer ? (
        <div ref={answerGroup} class="answer-buttons" role="group" aria-label={c.answer.kind === 'scale' ? t.scaleGroup : t.answerGroup}>
          {c.answer.kind === 'yes-no' && (['yes', 'no'] as const).map(answerButton)}
          {c.answer.kind === 'scale' &&
            [1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                class="answer-btn answer-scale"
                data-testid={`answer-${n}`}
                aria-pressed={answer?.state === 'yes' && answer.value === n}
                onClick={() => choose('yes', n)}
              >
                {n}
              </button>
            ))}
          {c.answer.kind === 'number' && (
            <label class="number-field">
              <span>{t.numberLabel(c.answer.unit[lang])}</span>
              <input
                type="number"
                step="any"
                inputMode="decimal"
                data-testid="answer-number"
                value={numberText}
                onInput={(e) => setNumberText(e.currentTarget.value)}
                onChange={(e) => {
                  const n = e.currentTarget.valueAsNumber;
                  if (Number.isFinite(n)) choose('yes', n);
                }}
              />
            </label>
          )}
          {answerButton('na')}
          {answerButton('unchecked')}
        </div>
      ) : (
        <p class="criterion-answer" data-testid="criterion-answer">
          {t.fact(t.answerGroup, answerText(t, lang, c, answer))}
        </p>
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
              aria-describedby={pendingNo ? `${id}-required` : undefined}
              value={comment}
              onInput={(e) => p.setDraft(c.id, { comment: e.currentTarget.value, pendingNo })}
              onBlur={() => saveComment(false)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  saveComment(true);
                } else if (e.key === 'Escape' && pendingNo) {
                  e.preventDefault();
                  cancelPending();
                }
              }}
            />
          </label>
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

      <EvidenceBlock
        t={t}
        base={id}
        answer={answer}
        screenshots={p.screenshots}
        canAnswer={canAnswer}
        onChange={changeEvidence}
        onTakeScreenshot={p.onTakeScreenshot}
        onLinkReplay={p.onLinkReplay}
      />
    </div>
  );
}

interface EvidenceProps {
  t: ChecklistMessages;
  base: string;
  answer: Answer | undefined;
  screenshots: PickableScreenshot[];
  canAnswer: boolean;
  onChange: (evidence: AnswerEvidenceInput[]) => void;
  onTakeScreenshot: () => Promise<string>;
  /** "This replay moment": now, or undefined when the visit has no page to link. */
  onLinkReplay: () => number | undefined;
}

const sameEvidence = (a: AnswerEvidenceInput, b: AnswerEvidenceInput) =>
  a.kind === 'screenshot'
    ? b.kind === 'screenshot' && a.screenshotId === b.screenshotId
    : a.kind === 'replay'
      ? b.kind === 'replay' && a.pageId === b.pageId && a.offset === b.offset
      : b.kind === 'moment' && a.at === b.at;

/** An answer's evidence: capture now, pick a screenshot, link the replay moment; remove. */
function EvidenceBlock({ t, base, answer, screenshots, canAnswer, onChange, onTakeScreenshot, onLinkReplay }: EvidenceProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [picking, setPicking] = useState(false);
  // Shown at once, until the stored answer comes back with it.
  const [optimistic, setOptimistic] = useState<AnswerEvidenceInput[]>();
  const captureButton = useRef<HTMLButtonElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setOptimistic(undefined), [answer]);

  const list = optimistic ?? answer?.evidence ?? [];
  const listRef = useRef(list);
  listRef.current = list;
  const enabled = canAnswer && answer !== undefined;
  const full = list.length >= MAX_EVIDENCE;
  const hintId = `${base}-evidence-hint`;

  const update = (next: AnswerEvidenceInput[]) => {
    listRef.current = next;
    setOptimistic(next);
    onChange(next);
  };
  const add = (e: AnswerEvidenceInput) => {
    const now = listRef.current;
    if (now.length < MAX_EVIDENCE && !now.some((x) => sameEvidence(x, e))) update([...now, e]);
  };
  const capture = async () => {
    setBusy(true);
    setError(undefined);
    try {
      add({ kind: 'screenshot', screenshotId: await onTakeScreenshot() });
    } catch {
      setError(t.captureFailed);
    } finally {
      setBusy(false);
    }
  };
  const linkReplay = () => {
    // The background stamps the moment with its page and replay offset, as it stamps all evidence.
    const at = onLinkReplay();
    setError(at !== undefined ? undefined : t.noReplay);
    if (at !== undefined) add({ kind: 'moment', at });
  };
  const labelOf = (e: AnswerEvidenceInput) => {
    if (e.kind === 'replay') return t.replayEvidence(replayTime(e.offset));
    if (e.kind === 'moment') return t.replayMomentPending;
    return t.screenshotEvidence(screenshots.find((s) => s.id === e.screenshotId)?.label ?? t.missingScreenshot);
  };

  if (!canAnswer && list.length === 0) return null;
  return (
    <div class="criterion-evidence" data-testid="criterion-evidence" role="group" aria-labelledby={`${base}-evidence`}>
      <p id={`${base}-evidence`} class="evidence-title">
        {t.evidenceTitle}
        {list.length > 0 && <span class="count"> ({list.length})</span>}
      </p>
      {canAnswer && (
        <>
          <div class="buttons">
            <button
              type="button"
              ref={captureButton}
              class="btn btn-small"
              data-testid="evidence-capture"
              aria-describedby={enabled ? undefined : hintId}
              disabled={!enabled || busy || full}
              onClick={() => void capture()}
            >
              {t.captureNow}
            </button>
            <button
              type="button"
              ref={chooseButton}
              class="btn btn-small"
              data-testid="evidence-choose"
              aria-expanded={picking && enabled}
              aria-controls={`${base}-picker`}
              aria-describedby={enabled ? undefined : hintId}
              disabled={!enabled || full}
              onClick={() => setPicking(!picking)}
            >
              {t.chooseScreenshot}
            </button>
            <button
              type="button"
              class="btn btn-small"
              data-testid="evidence-replay"
              aria-describedby={enabled ? undefined : hintId}
              disabled={!enabled || full}
              onClick={linkReplay}
            >
              {t.linkReplay}
            </button>
          </div>
          {!enabled && (
            <p id={hintId} class="hint">
              {t.evidenceNeedsAnswer}
            </p>
          )}
          {enabled && full && <p class="hint">{t.evidenceFull}</p>}
          <p class="live-status" role="status">
            {busy ? t.capturing : ''}
          </p>
          {error && (
            <p class="error" role="alert" data-testid="evidence-error">
              {error}
            </p>
          )}
          <div id={`${base}-picker`} class="shot-picker" hidden={!picking || !enabled}>
            {screenshots.length === 0 ? (
              <p class="empty">{t.noScreenshots}</p>
            ) : (
              <ul>
                {screenshots.map((s) => {
                  const attached = list.some((e) => e.kind === 'screenshot' && e.screenshotId === s.id);
                  return (
                    <li key={s.id}>
                      <button
                        type="button"
                        class="shot-pick"
                        data-testid="evidence-pick"
                        data-screenshot-id={s.id}
                        disabled={attached}
                        onClick={() => {
                          add({ kind: 'screenshot', screenshotId: s.id });
                          setPicking(false);
                          chooseButton.current?.focus();
                        }}
                      >
                        <img src={s.thumbUrl} alt="" />
                        <span>
                          {s.label}
                          {attached && <span class="count"> ({t.attached})</span>}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </>
      )}
      {list.length > 0 && (
        <ul class="evidence-attached">
          {list.map((e, i) => {
            const label = labelOf(e);
            const thumb = e.kind === 'screenshot' ? screenshots.find((s) => s.id === e.screenshotId)?.thumbUrl : undefined;
            return (
              <li key={e.kind === 'screenshot' ? e.screenshotId : e.kind === 'replay' ? `${e.pageId}@${e.offset}` : `moment@${e.at}`} data-testid="evidence-attached" data-kind={e.kind}>
                {thumb && <img src={thumb} alt="" />}
                <span class="evidence-label">{label}</span>
                {canAnswer && (
                  <button
                    type="button"
                    class="btn btn-quiet btn-small"
                    data-testid="evidence-remove"
                    aria-label={t.removeEvidence(label)}
                    onClick={() => {
                      update(list.filter((_, j) => j !== i));
                      captureButton.current?.focus();
                    }}
                  >
                    {t.remove}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
