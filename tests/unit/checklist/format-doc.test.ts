import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistText } from '../../../utils/checklist/errors';
import { REFERENCE_KINDS, SUGGESTION_RULES, criterionPageSchema } from '../../../utils/checklist/schema';

const doc = readFileSync(new URL('../../../docs/checklist-format.md', import.meta.url), 'utf8');

describe('docs/checklist-format.md', () => {
  it('gives an example that imports as is, with 2 sections and 4 criteria', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    for (const lang of ['fr', 'en'] as const) {
      const result = parseChecklistText(example ?? '', lang);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) continue;
      expect(result.checklist.sections).toHaveLength(2);
      expect(result.checklist.sections.flatMap((section) => section.criteria)).toHaveLength(4);
    }
  });

  it('explains every page type, reference kind and suggestion rule', () => {
    const documented = (value: string) => doc.includes(`| \`${value}\` |`);
    const allowed = [...criterionPageSchema.options, ...REFERENCE_KINDS, ...SUGGESTION_RULES];
    expect(allowed.filter((value) => !documented(value))).toEqual([]);
  });
});
