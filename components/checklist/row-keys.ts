import type { AnswerState, Criterion } from '../../utils/checklist/schema';

/** What a key pressed on a criterion row does. */
export type RowKeyAction =
  | { kind: 'move'; to: -1 | 1 | 'first' | 'last' }
  | { kind: 'answer'; state: AnswerState; value?: number }
  | { kind: 'comment' }
  | { kind: 'capture' }
  | { kind: 'replay' };

/** A field where letters are text, not shortcuts. */
export const isTextField = (target: EventTarget | null) =>
  target instanceof Element && target.closest('input, textarea, select, [contenteditable]') !== null;

/**
 * The criterion rows' keys, in one place (the help overlay lists the same): arrows and J / K move,
 * O or Y yes, N no, A not applicable, U not checked, 1–5 a rating, C comment, S screenshot, R replay moment.
 * A read-only row only moves.
 */
export function rowKeyAction(key: string, kind: Criterion['answer']['kind'], canAnswer: boolean): RowKeyAction | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (k === 'ArrowDown' || k === 'j') return { kind: 'move', to: 1 };
  if (k === 'ArrowUp' || k === 'k') return { kind: 'move', to: -1 };
  if (k === 'Home') return { kind: 'move', to: 'first' };
  if (k === 'End') return { kind: 'move', to: 'last' };
  if (!canAnswer) return undefined;
  if (k === 'a') return { kind: 'answer', state: 'na' };
  if (k === 'u') return { kind: 'answer', state: 'unchecked' };
  if (kind === 'yes-no' && (k === 'y' || k === 'o')) return { kind: 'answer', state: 'yes' };
  if (kind === 'yes-no' && k === 'n') return { kind: 'answer', state: 'no' };
  if (kind === 'scale' && /^[1-5]$/.test(k)) return { kind: 'answer', state: 'yes', value: Number(k) };
  if (k === 'c') return { kind: 'comment' };
  if (k === 's') return { kind: 'capture' };
  if (k === 'r') return { kind: 'replay' };
  return undefined;
}
