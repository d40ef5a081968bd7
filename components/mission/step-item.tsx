import { useState } from 'preact/hooks';
import type { Lang } from '../../utils/i18n/messages';
import type { MissionMessages } from '../../utils/i18n/mission-messages';
import type { Step } from '../../utils/mission/schema';
import { STEP_STATUSES, type StepMark, type StepStatusValue } from '../../utils/mission/step-status';
import type { StepProgress } from '../../utils/mission/steps';

interface Props {
  t: MissionMessages;
  lang: Lang;
  step: Step;
  progress: StepProgress | undefined;
  mark: StepMark | undefined;
  current: boolean;
  canMark: boolean;
  /** Marks the step (null takes the mark back); failed and blocked come with the evaluator's why. */
  onMark: (stepId: string, status: StepStatusValue | null, comment: string) => void;
}

/** The element id of a step in the panel, for the completeness check's "Go to the step". */
export const stepElementId = (stepId: string) => `mission-step-${stepId}`;

/**
 * One step of the mission: what to do, whether the visit's pages reached it, and the evaluator's
 * mark — done at once, failed or blocked with a comment that says why (required).
 */
export function StepItem({ t, lang, step, progress, mark, current, canMark, onMark }: Props) {
  const [pending, setPending] = useState<Exclude<StepStatusValue, 'done'>>();
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const id = stepElementId(step.id);
  const reached = progress?.reached ?? false;
  const waitsForText = !reached && step.reached.some((c) => c.kind === 'text');
  const missingWhy = tried && comment.trim() === '';

  const choose = (status: StepStatusValue) => {
    if (status === 'done') {
      setPending(undefined);
      onMark(step.id, 'done', '');
      return;
    }
    setPending(status);
    setComment(mark?.status === status ? mark.comment : '');
    setTried(false);
  };
  const save = () => {
    setTried(true);
    if (!pending || comment.trim() === '') return;
    onMark(step.id, pending, comment.trim());
    setPending(undefined);
  };

  return (
    <li
      id={id}
      tabIndex={-1}
      class="mission-step"
      data-testid="mission-step"
      data-step-id={step.id}
      data-reached={String(reached)}
      data-status={mark?.status ?? 'none'}
      data-current={String(current)}
      aria-current={current ? 'step' : undefined}
    >
      <p class="step-instruction" id={`${id}-instruction`}>
        {step.instruction[lang]}
        {!step.required && <span class="badge">{t.optional}</span>}
      </p>
      <p class="meta" data-testid="step-reached">
        {reached ? (progress?.inOrder ? t.reached : t.reachedOutOfOrder) : t.notReached}
      </p>
      {waitsForText && <p class="hint">{t.textNotChecked}</p>}
      {mark && (
        <p class="meta" data-testid="step-mark">
          {t.marked(t.statuses[mark.status], mark.comment)}
        </p>
      )}
      {canMark && (
        <div class="buttons" role="group" aria-label={t.statusGroup(step.instruction[lang])}>
          {STEP_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              class="btn btn-small"
              aria-pressed={(pending ?? mark?.status) === status}
              data-testid={`step-${status}`}
              onClick={() => choose(status)}
            >
              {t.statuses[status]}
            </button>
          ))}
          {mark && (
            <button type="button" class="btn btn-quiet btn-small" data-testid="step-unmark" onClick={() => onMark(step.id, null, '')}>
              {t.unmark}
            </button>
          )}
        </div>
      )}
      {canMark && pending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label class="field">
            <span>
              {t.statuses[pending]} — {t.commentLabel}
            </span>
            <textarea
              data-testid="step-comment"
              rows={2}
              maxLength={5000}
              aria-required="true"
              autoFocus
              aria-invalid={missingWhy}
              aria-describedby={missingWhy ? `${id}-why` : undefined}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setPending(undefined);
              }}
            />
          </label>
          {missingWhy && (
            <p id={`${id}-why`} class="error" role="alert" data-testid="step-comment-required">
              {t.commentRequired}
            </p>
          )}
          <div class="buttons">
            <button type="submit" class="btn btn-primary btn-small" data-testid="step-save">
              {t.save}
            </button>
            <button type="button" class="btn btn-quiet btn-small" onClick={() => setPending(undefined)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
