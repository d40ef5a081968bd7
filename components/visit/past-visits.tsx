import type { Messages } from '../../utils/i18n/messages';
import { activeDuration, type Visit } from '../../utils/schema/visit';
import { ConfirmButton } from '../ui/confirm-button';
import { formatDateTime, formatDuration } from '../ui/format';

interface Props {
  m: Messages;
  lang: string;
  visits: Visit[];
  now: number;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

/** Earlier visits, newest first, to open or delete. */
export function PastVisits({ m, lang, visits, now, onOpen, onDelete }: Props) {
  return (
    <section class="past" aria-labelledby="past-title">
      <h2 id="past-title">{m.pastVisits}</h2>
      {visits.length === 0 ? (
        <p class="empty">{m.noPastVisits}</p>
      ) : (
        <ul class="visits">
          {visits.map((v) => (
            <li key={v.id} class="visit" data-testid="visit-item" data-visit-id={v.id} data-status={v.status}>
              <div class="visit-head">
                <strong>{v.site}</strong>
                <span class={`badge status-${v.status}`}>{m.status[v.status]}</span>
              </div>
              <div class="visit-meta">
                {formatDateTime(v.startedAt, lang)} · {formatDuration(activeDuration(v, now))}
              </div>
              <div class="buttons">
                <button type="button" class="btn" data-testid="visit-open" onClick={() => onOpen(v.id)}>
                  {m.open}
                </button>
                <ConfirmButton
                  label={m.delete}
                  question={m.confirmDelete}
                  confirmLabel={m.confirm}
                  cancelLabel={m.cancel}
                  testId="visit-delete"
                  onConfirm={() => onDelete(v.id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
