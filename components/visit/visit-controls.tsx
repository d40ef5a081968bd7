import type { Messages } from '../../utils/i18n/messages';
import type { Visit } from '../../utils/schema/visit';
import { formatDuration } from '../ui/format';

interface Props {
  m: Messages;
  visit: Visit | undefined;
  elapsedMs: number;
  canStart: boolean;
  busy: boolean;
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
  /** Before a visit: which mission Start follows, in words (the picker comes after the button). */
  startsMission?: string | undefined;
}

/** Start, pause, resume and stop, with the visit's state and elapsed time. */
export function VisitControls({ m, visit, elapsedMs, canStart, busy, onStart, onPause, onResume, onStop, startsMission }: Props) {
  if (!visit) {
    return (
      <section class="controls" aria-label={m.start}>
        <button
          type="button"
          class="btn btn-primary btn-large"
          data-testid="visit-start"
          aria-describedby={startsMission ? 'start-mission' : undefined}
          disabled={!canStart || busy}
          onClick={onStart}
        >
          {m.start}
        </button>
        {startsMission && (
          <p class="meta" id="start-mission" data-testid="start-mission">
            {startsMission}
          </p>
        )}
        <p class="hint">{m.startHint}</p>
      </section>
    );
  }
  return (
    <section class="controls" aria-label={m.status[visit.status]}>
      <p class={`status status-${visit.status}`} data-testid="visit-status" data-state={visit.status} role="status">
        <span class="dot" aria-hidden="true" />
        {m.status[visit.status]}
        <span class="elapsed">
          <span class="visually-hidden">{m.elapsed} </span>
          <time>{formatDuration(elapsedMs)}</time>
        </span>
      </p>
      <div class="buttons">
        {visit.status === 'recording' && (
          <button type="button" class="btn" data-testid="visit-pause" disabled={busy} onClick={onPause}>
            {m.pause}
          </button>
        )}
        {(visit.status === 'paused' || visit.status === 'interrupted') && (
          <button type="button" class="btn btn-primary" data-testid="visit-resume" disabled={busy} onClick={onResume}>
            {visit.status === 'interrupted' ? m.resumeHere : m.resume}
          </button>
        )}
        {visit.status !== 'ended' && (
          <button type="button" class="btn btn-danger" data-testid="visit-stop" disabled={busy} onClick={onStop}>
            {m.stop}
          </button>
        )}
      </div>
      {visit.status === 'interrupted' && <p class="notice">{m.interrupted}</p>}
    </section>
  );
}
