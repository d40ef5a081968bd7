import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMissionText } from '../../../utils/mission/errors';
import { BUILT_IN_CHECKLIST_IDS, CONDITION_KINDS, DEVICES, EVIDENCE_KINDS } from '../../../utils/mission/schema';
import { FUNNEL_STAGES } from '../../../utils/schema/evidence';
import { PAGE_TYPES } from '../../../utils/schema/page-type';

const doc = readFileSync(new URL('../../../docs/mission-format.md', import.meta.url), 'utf8');

/** The doc's complete missions: its JSON blocks that are mission files. */
const examples = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '').filter((block) => block.includes('"format": "mystere-mission"'));

/** Example 1 as an object, to break one thing at a time. */
const first = () => JSON.parse(examples[0] ?? '{}') as Record<string, unknown> & { steps: Record<string, unknown>[]; requiredEvidence: Record<string, unknown>[] };

describe('docs/mission-format.md', () => {
  it('gives two examples that import as they are: five steps, a basket screenshot and a delivery note', () => {
    expect(examples).toHaveLength(2);
    for (const [i, example] of examples.entries()) {
      for (const lang of ['fr', 'en'] as const) {
        const result = parseMissionText(example, lang);
        expect(result, `example ${i + 1} in ${lang}`).toMatchObject({ ok: true });
        if (!result.ok) continue;
        const { mission } = result;
        expect(mission.steps).toHaveLength(5);
        const basket = mission.steps[3]?.id;
        expect(mission.requiredEvidence).toContainEqual(expect.objectContaining({ kind: 'screenshot', stepId: basket }));
        expect(mission.requiredEvidence.some((evidence) => evidence.kind === 'note' && evidence.label.en.includes('delivery'))).toBe(true);
      }
    }
    const [french, english] = examples.map((example) => JSON.parse(example) as { persona: { lang: string } });
    expect([french?.persona.lang, english?.persona.lang]).toEqual(['fr', 'en']);
  });

  it('explains every condition kind, page type, stage, device, evidence kind and built-in checklist', () => {
    const documented = (value: string) => doc.includes(`| \`${value}\` |`);
    const allowed = [...CONDITION_KINDS, ...PAGE_TYPES, ...FUNNEL_STAGES, ...DEVICES, ...EVIDENCE_KINDS, ...BUILT_IN_CHECKLIST_IDS];
    expect(allowed.filter((value) => !documented(value))).toEqual([]);
  });

  // Each shown problem, and the mistake in example 1 that gives it.
  it.each<[string, 'fr' | 'en', (file: ReturnType<typeof first>) => unknown]>([
    ['steps[1] (categorie) › reached[0].kind', 'fr', (f) => ((f.steps[1]!.reached as Record<string, unknown>[])[0]!.kind = 'listing')],
    ['steps[2] (fiche) › instruction', 'fr', (f) => delete f.steps[2]!.instruction],
    ['steps[4] (panier) › id', 'fr', (f) => (f.steps[4]!.id = 'panier')],
    ['requiredEvidence[1] (note-livraison) › stepId', 'fr', (f) => (f.requiredEvidence[1]!.stepId = 'delivery')],
    ['sites[0]', 'en', (f) => (f.sites = ['www.maison-lune.example'])],
    ['deadline', 'en', (f) => (f.deadline = '14/07/2025 18:00')],
    [
      'checklist.embedded › sections[0] “Product page” › criteria[1] (Q2) › pages[0]',
      'en',
      (f) => {
        const criterion = (id: string, pages: string[]) => ({ id, question: { fr: 'Q ?', en: 'Q?' }, answer: { kind: 'yes-no' }, weight: 1, knockout: false, pages, references: [{ kind: 'other', code: id }] });
        f.checklist = {
          embedded: {
            format: 'mystere-checklist',
            version: 1,
            id: 'agence-exemple-mode',
            title: { fr: 'Grille', en: 'Checklist' },
            sections: [{ id: 'product', title: { fr: 'Fiche produit', en: 'Product page' }, weight: 1, criteria: [criterion('D05', ['product']), criterion('Q2', ['basket'])] }],
          },
        };
      },
    ],
  ])('shows Mystère’s own words for %s', (path, lang, change) => {
    const file = first();
    change(file);
    const result = parseMissionText(JSON.stringify(file, null, 2), lang);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(doc).toContain(`\n${path} — ${problem?.message}\n`);
  });

  it('shows the JSON error of example 1 without the comma after its sites', () => {
    const text = (examples[0] ?? '').replace(/("sites": \[[^\]]*\]),/, '$1');
    const result = parseMissionText(text, 'en');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(doc).toContain(`\n${result.problems[0]?.message}\n`);
  });
});
