import { describe, expect, it } from 'vitest';
import { QUICK_CHECKLIST } from '../../../utils/checklist/defaults';
import { checklistIdOfMission, checklistOfMission } from '../../../utils/mission/checklist';
import { COUNTRY_CODES, CURRENCY_CODES } from '../../../utils/mission/codes';
import { DEFAULT_MISSIONS, QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { parseMissionText } from '../../../utils/mission/errors';
import { effectivePrivacy } from '../../../utils/mission/privacy';
import { missionSchema } from '../../../utils/mission/schema';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';

describe('the quick visit', () => {
  it('is a valid mission, also as a file, and the first default', () => {
    expect(missionSchema.parse(QUICK_VISIT_MISSION)).toEqual(QUICK_VISIT_MISSION);
    expect(parseMissionText(JSON.stringify(QUICK_VISIT_MISSION), 'fr')).toEqual({ ok: true, mission: QUICK_VISIT_MISSION });
    expect(DEFAULT_MISSIONS[0]).toBe(QUICK_VISIT_MISSION);
  });

  it('covers the site the visit starts on, with the quick checklist and optional steps only', () => {
    expect(QUICK_VISIT_MISSION.sites).toEqual([]);
    expect(checklistOfMission(QUICK_VISIT_MISSION.checklist)).toBe(QUICK_CHECKLIST);
    expect(checklistIdOfMission(QUICK_VISIT_MISSION.checklist)).toBe('mystere-quick');
    expect(QUICK_VISIT_MISSION.steps.map((step) => [step.id, step.required])).toEqual([
      ['home', false],
      ['product', false],
      ['basket', false],
      ['checkout', false],
    ]);
    expect(QUICK_VISIT_MISSION.requiredEvidence).toEqual([]);
  });

  it('leaves search terms to the evaluator’s setting', () => {
    expect(effectivePrivacy(QUICK_VISIT_MISSION, DEFAULT_SETTINGS).keepSearchTerms).toBe(false);
    expect(effectivePrivacy(QUICK_VISIT_MISSION, { ...DEFAULT_SETTINGS, keepSearchTerms: true }).keepSearchTerms).toBe(true);
  });
});

describe('effectivePrivacy', () => {
  it('adds the mission’s selectors to the evaluator’s, and keeps search terms only if both allow', () => {
    const mission = { privacy: { maskSelectors: ['.loyalty', '.a'], blockSelectors: ['#chat'], keepSearchTerms: false } };
    const settings = { maskSelectors: ['.a'], blockSelectors: [], keepSearchTerms: true };
    expect(effectivePrivacy(mission, settings)).toEqual({ maskSelectors: ['.a', '.loyalty'], blockSelectors: ['#chat'], keepSearchTerms: false });
  });
});

describe('country and currency codes', () => {
  it('are the 249 ISO 3166-1 countries and the currencies in use, each once, each known to Intl', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(COUNTRY_CODES.filter((code) => regions.of(code) === code)).toEqual([]);
    const currencies = new Set(Intl.supportedValuesOf('currency'));
    expect(CURRENCY_CODES.filter((code) => !currencies.has(code))).toEqual([]);
    expect(CURRENCY_CODES).not.toContain('HRK');
  });
});
