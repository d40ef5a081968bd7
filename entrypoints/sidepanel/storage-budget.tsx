import { errorText, type Messages } from '../../utils/i18n/messages';
import type { StorageUse } from '../../utils/schema/visit';

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
