import { useState } from 'preact/hooks';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  testId?: string;
}

/** A destructive action that asks once, inline, before acting. */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, onConfirm, testId }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="btn btn-quiet" data-testid={testId} onClick={() => setAsking(true)}>
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
