import type { Checklist } from '../schema';
import { ECOMMERCE_CHECKLIST } from './ecommerce';
import { QUICK_CHECKLIST } from './quick';

export { ECOMMERCE_CHECKLIST, QUICK_CHECKLIST };

/** The checklists shipped with the extension; the first is the default. */
export const DEFAULT_CHECKLISTS: readonly Checklist[] = [ECOMMERCE_CHECKLIST, QUICK_CHECKLIST];
