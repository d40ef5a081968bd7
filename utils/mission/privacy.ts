import type { Settings } from '../schema/settings';
import type { Mission } from './schema';

/** What a visit of a mission masks, blocks and keeps. */
export interface EffectivePrivacy {
  maskSelectors: string[];
  blockSelectors: string[];
  keepSearchTerms: boolean;
}

/**
 * The evaluator's rules and the mission's together: selectors add up (each once), and search terms
 * are kept only if both allow it. A mission can ask for more privacy, never for less: the evaluator
 * chose what their own typing may leave behind.
 */
export function effectivePrivacy(
  mission: Pick<Mission, 'privacy'>,
  settings: Pick<Settings, 'maskSelectors' | 'blockSelectors' | 'keepSearchTerms'>,
): EffectivePrivacy {
  return {
    maskSelectors: [...new Set([...settings.maskSelectors, ...mission.privacy.maskSelectors])],
    blockSelectors: [...new Set([...settings.blockSelectors, ...mission.privacy.blockSelectors])],
    keepSearchTerms: settings.keepSearchTerms && mission.privacy.keepSearchTerms,
  };
}

/** What a visit masks and blocks: the evaluator's rules, with its mission's added (a visit from before missions: the evaluator's). */
export function visitSelectors(
  visit: { mission?: Pick<Mission, 'privacy'> | undefined },
  settings: Pick<Settings, 'maskSelectors' | 'blockSelectors' | 'keepSearchTerms'>,
): Pick<EffectivePrivacy, 'maskSelectors' | 'blockSelectors'> {
  const { maskSelectors, blockSelectors } = visit.mission ? effectivePrivacy(visit.mission, settings) : settings;
  return { maskSelectors, blockSelectors };
}
