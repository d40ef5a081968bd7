import { useState } from 'preact/hooks';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  testId?: string;
  /** The button's accessible name when its label alone is ambiguous (one of many "Delete"). */
  ariaLabel?: string;
}

/** A destructive action that asks once, inline, before acting. */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, testId, ariaLabel }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="btn btn-quiet" data-testid={testId} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="btn btn-danger" data-testid={testId && `${testId}-confirm`} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" class="btn btn-quiet" autoFocus onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </span>
  );
}
