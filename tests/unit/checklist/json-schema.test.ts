import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_JSON_SCHEMA_PATH, checklistJsonSchema, checklistJsonSchemaText } from '../../../utils/checklist/json-schema';
import { CHECKLIST_VERSION } from '../../../utils/checklist/schema';

const committed = readFileSync(new URL(`../../../${CHECKLIST_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');

describe('docs/checklist.schema.json', () => {
  it('is what scripts/checklist-schema.ts generates now (run it after changing the schema)', () => {
    expect(committed).toBe(checklistJsonSchemaText());
  });

  it('names itself and says what JSON Schema cannot check', () => {
    const schema = checklistJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`urn:mystere-checklist:${CHECKLIST_VERSION}`);
    expect(schema.title).toContain('Mystère checklist');
    expect(schema.description).toMatch(/ids are unique/);
    expect(schema.required).toEqual(['format', 'version', 'id', 'title', 'sections']);
  });
});
