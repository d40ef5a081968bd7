import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES } from '../../../utils/report/bundle/errors';
import { PART_KINDS } from '../../../utils/report/bundle/manifest';

const doc = readFileSync(new URL('../../../docs/bundle-format.md', import.meta.url), 'utf8');

describe('docs/bundle-format.md', () => {
  it('explains every error code and part kind', () => {
    expect(BUNDLE_ERROR_CODES.filter((code) => !doc.includes(`| \`${code}\` |`))).toEqual([]);
    expect(PART_KINDS.filter((kind) => !doc.includes(`\`${kind}\``))).toEqual([]);
  });

  it('states the limits and links the JSON Schema', () => {
    for (const limit of ['300 MB', '400 MB', '200 MB', '50 MB', '20 000']) expect(doc).toContain(limit);
    expect(doc).toContain('(bundle.schema.json)');
  });
});
