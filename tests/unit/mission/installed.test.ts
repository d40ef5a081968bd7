import { describe, expect, it } from 'vitest';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { parseMissionText } from '../../../utils/mission/errors';
import { allMissions, canonicalJson, isBuiltInMissionId, missionHash } from '../../../utils/mission/installed';
import { missionSchema } from '../../../utils/mission/schema';
import { validMissionFile } from './fixtures';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, leaves undefined fields out and adds no space', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 'é' }], a: null, c: undefined, d: true })).toBe('{"a":null,"b":[3,{"a":"é","z":1}],"d":true}');
  });

  it('is the same text for the same value written in another order', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(canonicalJson({ y: { p: 3, q: 2 }, x: 1 }));
  });
});

describe('missionHash', () => {
  it('is the SHA-256 of the canonical JSON, in lowercase hex', async () => {
    const mission = missionSchema.parse(validMissionFile());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(mission))));
    expect(await missionHash(mission)).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(await missionHash(mission)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for two files that say the same thing (field order, spacing, defaults, unknown fields, site spelling)', async () => {
    const { requiredEvidence: _left, ...withoutEvidence } = validMissionFile();
    const reordered = Object.fromEntries(Object.entries({ ...withoutEvidence, requiredEvidence: [] }).reverse());
    const a = parseMissionText(JSON.stringify(withoutEvidence), 'en');
    const b = parseMissionText(JSON.stringify({ $schema: './mission.schema.json', ...reordered, sites: ['HTTPS://Shop.Example/'] }, null, 2), 'en');
    if (!a.ok || !b.ok) throw new Error('both import');
    expect(await missionHash(b.mission)).toBe(await missionHash(a.mission));
  });

  it('changes with any change of the mission', async () => {
    const mission = missionSchema.parse(validMissionFile());
    const later = { ...mission, deadline: '2025-07-15T18:00:00+02:00' };
    expect(await missionHash(later)).not.toBe(await missionHash(mission));
  });
});

describe('allMissions', () => {
  it('offers the Quick visit first, then the imported missions in their order', () => {
    const mission = missionSchema.parse(validMissionFile());
    expect(allMissions([{ mission, installedAt: 1, hash: 'a'.repeat(64) }])).toEqual([
      { mission: QUICK_VISIT_MISSION, builtIn: true },
      { mission, builtIn: false },
    ]);
    expect(isBuiltInMissionId('mystere-quick-visit')).toBe(true);
    expect(isBuiltInMissionId('agence-test-juillet')).toBe(false);
  });
});
