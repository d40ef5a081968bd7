import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISSION_JSON_SCHEMA_PATH, missionJsonSchema, missionJsonSchemaText } from '../../../utils/mission/json-schema';
import { MISSION_VERSION } from '../../../utils/mission/schema';

const committed = readFileSync(new URL(`../../../${MISSION_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');

describe('docs/mission.schema.json', () => {
  it('is what scripts/mission-schema.ts generates now (run it after changing the schema)', () => {
    expect(committed).toBe(missionJsonSchemaText());
  });

  it('names itself and says what JSON Schema cannot check', () => {
    const schema = missionJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`urn:mystere-mission:${MISSION_VERSION}`);
    expect(schema.title).toContain('Mystère mission');
    expect(schema.description).toMatch(/step ids and evidence ids are unique/);
    expect(schema.required).toEqual(['format', 'version', 'id', 'agency', 'title', 'instructions', 'sites', 'steps', 'checklist']);
  });
});
