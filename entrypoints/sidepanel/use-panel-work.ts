import { useEffect } from 'preact/hooks';

/** Without focus news, a span of work ends this long after the evaluator's last move in the panel. */
export const IDLE_MS = 5000;
/** A span still open is sent this often, so that closing the panel loses little of it. */
const TICK_MS = 2000;

export interface PanelWorkOptions {
  win: Window;
  now: () => number;
  send: (span: { from: number; to: number }) => void;
}

/**
 * Watches when the evaluator works in the panel, for the customer's clock
 * (utils/journey/customer-time.ts): from the moment the panel takes the focus, or is pressed, typed
 * into or scrolled, until it loses the focus or is hidden — or, where the browser tells nothing of
 * focus, `IDLE_MS` after the last move in it. Each span is sent as it grows and when it closes; the
 * background merges them. Returns a function that stops watching (and sends the open span).
 */
export function watchPanelWork(o: PanelWorkOptions): () => void {
  const { win, now, send } = o;
  const doc = win.document;
  let open: { from: number; last: number } | undefined;
  const close = (at: number) => {
    if (!open) return;
    send({ from: open.from, to: Math.max(open.from, at) });
    open = undefined;
  };
  const touch = () => {
    const t = now();
    if (open) open.last = t;
    else open = { from: t, last: t };
  };
  const onBlur = () => close(now());
  const onHidden = () => {
    if (doc.visibilityState === 'hidden') close(now());
  };
  const tick = () => {
    if (!open) return;
    const t = now();
    if (doc.hasFocus() && doc.visibilityState === 'visible') open.last = t;
    else if (t - open.last > IDLE_MS) return close(open.last + IDLE_MS);
    send({ from: open.from, to: t });
  };
  const moves = ['pointerdown', 'keydown', 'input', 'wheel', 'focusin'] as const;
  win.addEventListener('focus', touch);
  win.addEventListener('blur', onBlur);
  doc.addEventListener('visibilitychange', onHidden);
  for (const type of moves) doc.addEventListener(type, touch, true);
  const timer = win.setInterval(tick, TICK_MS);
  if (doc.hasFocus()) touch();
  return () => {
    win.clearInterval(timer);
    win.removeEventListener('focus', touch);
    win.removeEventListener('blur', onBlur);
    doc.removeEventListener('visibilitychange', onHidden);
    for (const type of moves) doc.removeEventListener(type, touch, true);
    close(now());
  };
}

/** The panel's share of the customer's clock, while a visit records. */
export function usePanelWork(visitId: string | undefined, recording: boolean, send: (m: { type: 'visit/panel-work'; visitId: string; from: number; to: number }) => void): void {
  useEffect(() => {
    if (!visitId || !recording) return;
    return watchPanelWork({
      win: window,
      now: () => Date.now(),
      send: (span) => send({ type: 'visit/panel-work', visitId, from: Math.round(span.from), to: Math.round(span.to) }),
    });
  }, [visitId, recording]);
}
