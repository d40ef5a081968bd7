import type { Mission } from '../schema';
import { QUICK_VISIT_MISSION } from './quick-visit';

export { QUICK_VISIT_MISSION };

/** The missions shipped with the extension; the first is the one a visit uses when none is chosen. */
export const DEFAULT_MISSIONS: readonly Mission[] = [QUICK_VISIT_MISSION];
