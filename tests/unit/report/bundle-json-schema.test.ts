import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_JSON_SCHEMA_PATH, bundleJsonSchema, bundleJsonSchemaText } from '../../../utils/report/bundle/json-schema';
import { BUNDLE_VERSION } from '../../../utils/report/bundle/manifest';

const committed = readFileSync(new URL(`../../../${BUNDLE_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');

describe('docs/bundle.schema.json', () => {
  it('is what scripts/bundle-schema.ts generates now (run it after changing the schemas)', () => {
    expect(committed).toBe(bundleJsonSchemaText());
  });

  it('holds the manifest and visit.json, and says what JSON Schema cannot check', () => {
    const schema = bundleJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`urn:mystere-bundle:${BUNDLE_VERSION}`);
    expect(schema.description).toMatch(/SHA-256/);
    const defs = schema.$defs as Record<string, { required?: string[] }>;
    expect(defs.manifest?.required).toEqual(['format', 'version', 'createdAt', 'generator', 'visitId', 'site', 'parts']);
    expect(defs.visit?.required).toEqual(
      expect.arrayContaining(['visit', 'pages', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits', 'recording']),
    );
  });

  it('has no binary field left: image and chunk bytes travel as files', () => {
    expect(committed).not.toMatch(/"(image|thumb|data)":/);
    // Every $ref points inside the document.
    expect([...committed.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1])).toEqual(['#/$defs/manifest', '#/$defs/visit']);
  });
});
