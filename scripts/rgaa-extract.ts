/**
 * Writes utils/audit/rgaa-4.1.2.json, the RGAA criteria and the WCAG success criteria each one
 * references, from the official `criteres.json` of RGAA 4.1.2.
 *
 * Source: RGAA 4.1.2, « Critères et tests », DINUM (direction interministérielle du numérique),
 * DISIC/accessibilite.numerique.gouv.fr: RGAA/criteres.json, under the Licence Ouverte / Open
 * Licence 2.0 (Etalab). Only numbers, titles and WCAG references are kept.
 *
 * Run: `npx tsx scripts/rgaa-extract.ts [path/to/criteres.json]`
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_SOURCE = '/work/shared/reference/rgaa-4.1.2-criteres.json';
const SOURCE_CREDIT =
  'RGAA 4.1.2, Critères et tests — DINUM (direction interministérielle du numérique), ' +
  'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/ (DISIC/accessibilite.numerique.gouv.fr: RGAA/criteres.json). ' +
  'Licence Ouverte / Open Licence 2.0 (Etalab). Extract: criterion number, title without links, referenced WCAG success criteria.';

type Raw = {
  topics: { number: number; criteria: { criterium: { number: number; title: string; references?: Record<string, string[]>[] } }[] }[];
};
type Criterion = { number: string; title: string; wcag: string[] };

/** "Chaque [image](#image) a-t-elle…" → "Chaque image a-t-elle…". */
const plainTitle = (title: string) =>
  title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** "1.4.10 Reflow (AA)" → "1.4.10"; the source spells some names differently, never the number. */
function wcagNumber(ref: string): string {
  const match = /^(\d+\.\d+\.\d+)\b/.exec(ref.trim());
  if (!match?.[1]) throw new Error(`Unexpected WCAG reference: ${ref}`);
  return match[1];
}

const byNumber = (a: string, b: string) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function extract(raw: Raw): Criterion[] {
  const out: Criterion[] = [];
  for (const topic of raw.topics) {
    for (const { criterium } of topic.criteria) {
      const refs = (criterium.references ?? []).flatMap((r) => r.wcag ?? []);
      out.push({
        number: `${topic.number}.${criterium.number}`,
        title: plainTitle(criterium.title),
        wcag: [...new Set(refs.map(wcagNumber))].sort(byNumber),
      });
    }
  }
  return out.sort((a, b) => byNumber(a.number, b.number));
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? DEFAULT_SOURCE;
const criteria = extract(JSON.parse(await readFile(source, 'utf8')) as Raw);
// RGAA 4.1.2 has 106 criteria: fewer means the source changed shape.
if (criteria.length !== 106) throw new Error(`Expected 106 criteria, found ${criteria.length}`);
// One criterion a line: small, and a diff shows what changed.
const text =
  `{\n  "source": ${JSON.stringify(SOURCE_CREDIT)},\n  "version": "4.1.2",\n  "criteria": [\n` +
  criteria.map((c) => `    ${JSON.stringify(c)}`).join(',\n') +
  '\n  ]\n}\n';
const file = path.join(root, 'utils/audit/rgaa-4.1.2.json');
await writeFile(file, text);
console.log(`Wrote ${criteria.length} criteria to ${path.relative(process.cwd(), file) || file}`);
