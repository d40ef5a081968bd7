import { errorText, type Messages } from '../../utils/i18n/messages';
import { deliveryTotal, type StorageUse, type Visit } from '../../utils/schema/visit';

const MB = 1024 * 1024;

/** The visit's storage budget, once it matters: a warning from 80 %, an alert when it is full. */
export function StorageBudget({ m, use }: { m: Messages; use: StorageUse }) {
  if (use.fullAt !== undefined) {
    return (
      <p class="error" role="alert" data-testid="storage-budget-full">
        {errorText(m, 'budget-reached')}
      </p>
    );
  }
  if (use.warnedAt === undefined || !use.budget) return null;
  return (
    <p class="notice" role="status" data-testid="storage-budget-warning">
      {m.budgetWarning(Math.round(use.bytes / MB), Math.round(use.budget / MB))}
    </p>
  );
}

/**
 * The recording's delivery health (docs/recording.md, "Delivery"), once something went other than
 * straight: messages retried, handed over through storage, lost; and what Stop could not collect.
 */
export function RecordingHealth({ m, visit }: { m: Messages; visit: Pick<Visit, 'delivery' | 'uncollected'> }) {
  const health = deliveryTotal(visit);
  const shaky = health.retried + health.fellBack + health.lost > 0;
  if (!shaky && !visit.uncollected) return null;
  const serious = health.lost > 0 || visit.uncollected !== undefined;
  return (
    <div class={serious ? 'error' : 'notice'} role={serious ? 'alert' : 'status'} data-testid="recording-health">
      {shaky && <p data-testid="recording-health-delivery">{m.recordingHealth(health)}</p>}
      {visit.uncollected && <p data-testid="recording-health-uncollected">{m.uncollected(visit.uncollected.tabs, visit.uncollected.messages)}</p>}
    </div>
  );
}
