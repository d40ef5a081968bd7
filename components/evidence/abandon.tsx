import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceMessages } from '../../utils/i18n/evidence-messages';
import type { Lang } from '../../utils/i18n/messages';
import { ABANDON_REASONS, type AbandonReason, type FunnelStage } from '../../utils/schema/evidence';
import { clockTime } from './notes';
import './evidence.css';

/**
 * Shows a native <dialog> as modal while mounted. Escape asks to close (the owner decides), and
 * focus goes to `initial` on open and back to what had it before (the opener) on close.
 */
export function useModal(onClose: () => void, initial: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    initial.current?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onCancel(e);
    };
    // The browser may still close it (Escape pressed twice): the owner must know.
    const onClosed = () => close.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKey);
    dialog.addEventListener('close', onClosed);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKey);
      dialog.removeEventListener('close', onClosed);
      if (previous?.isConnected) previous.focus();
    };
    // Opened once per mount; `initial` is a stable ref.
  }, []);
  return ref;
}

/** "I would leave here": opens the abandonment dialog. */
export function AbandonButton({ t, onOpen, disabled }: { t: EvidenceMessages; onOpen: () => void; disabled?: boolean }) {
  return (
    <div class="abandon-open">
      <button
        type="button"
        class="btn btn-warn btn-large"
        data-testid="abandon-open"
        aria-haspopup="dialog"
        aria-describedby="abandon-hint"
        disabled={disabled}
        onClick={onOpen}
      >
        {t.abandonOpen}
      </button>
      <p id="abandon-hint" class="hint">
        {t.abandonHint}
      </p>
    </div>
  );
}

interface DialogProps {
  t: EvidenceMessages;
  busy: boolean;
  error?: string | undefined;
  onConfirm: (reason: AbandonReason, comment: string) => void;
  onCancel: () => void;
}

/** The reason a real shopper would leave, and a comment; confirmed, it is kept with a screenshot. */
export function AbandonDialog({ t, busy, error, onConfirm, onCancel }: DialogProps) {
  const [reason, setReason] = useState<AbandonReason | ''>('');
  const [comment, setComment] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const dialog = useModal(onCancel, select);

  const submit = (e: Event) => {
    e.preventDefault();
    if (reason && !busy) onConfirm(reason, comment.trim());
  };

  return (
    <dialog ref={dialog} class="evidence-dialog" aria-labelledby="abandon-dialog-title" aria-describedby="abandon-dialog-intro" data-testid="abandon-dialog">
      <form onSubmit={submit}>
        <h2 id="abandon-dialog-title">{t.abandonDialogTitle}</h2>
        <p id="abandon-dialog-intro" class="hint">
          {t.abandonDialogIntro}
        </p>
        <label class="field">
          <span>{t.abandonReason}</span>
          <select
            ref={select}
            data-testid="abandon-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as AbandonReason | '')}
          >
            <option value="" disabled>
              {t.abandonChoose}
            </option>
            {ABANDON_REASONS.map((r) => (
              <option key={r} value={r}>
                {t.abandonReasons[r]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t.abandonComment}</span>
          <textarea
            data-testid="abandon-comment"
            maxLength={5000}
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
        </label>
        <p class="hint" role="status" aria-live="polite">
          {busy ? t.abandonBusy : ''}
        </p>
        {error && (
          <p class="error" role="alert" data-testid="abandon-error">
            {error}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="btn btn-primary" data-testid="abandon-confirm" disabled={!reason || busy}>
            {t.abandonConfirm}
          </button>
          <button type="button" class="btn" data-testid="abandon-cancel" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface ListedAbandonment {
  id: string;
  at: number;
  stage: FunnelStage;
  reason: AbandonReason;
  comment: string;
  pageTitle: string;
  screenshotId?: string | undefined;
}

/** The points where the evaluator declared a real shopper would leave, in order. */
export function AbandonmentList({ t, lang, items }: { t: EvidenceMessages; lang: Lang; items: ListedAbandonment[] }) {
  return (
    <section class="evidence-section" aria-labelledby="abandonments-title">
      <h2 id="abandonments-title">
        {t.abandonmentsTitle} <span class="count">({items.length})</span>
      </h2>
      <ul class="evidence-list">
        {items.map((a) => (
          <li key={a.id} class="evidence-item abandonment" data-testid="abandonment-item" data-reason={a.reason} data-stage={a.stage}>
            <div class="item-head">
              <strong>{t.abandonReasons[a.reason]}</strong>
              <span class="badge">{t.stages[a.stage]}</span>
            </div>
            {a.comment && <p class="item-text">{a.comment}</p>}
            <p class="item-meta">
              <span class="visually-hidden">{t.clockLabel} </span>
              <time dateTime={new Date(a.at).toISOString()}>{clockTime(a.at, lang)}</time>
              {' · '}
              <span class="visually-hidden">{t.pageLabel} </span>
              {a.pageTitle || t.untitledPage}
              {' · '}
              {a.screenshotId ? t.withScreenshot : t.withoutScreenshot}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
