/**
 * From axe-core's tags to WCAG success criteria and RGAA criteria: the RGAA tests axe names itself,
 * else the RGAA criteria that reference the WCAG ones. The RGAA data is an extract of RGAA 4.1.2 « Critères et tests » by DINUM, under the Licence
 * Ouverte / Open Licence 2.0 (Etalab); rebuild it with `npx tsx scripts/rgaa-extract.ts`.
 */
import rgaa from './rgaa-4.1.2.json';

export type WcagLevel = 'A' | 'AA' | 'AAA';

const LEVELS: readonly WcagLevel[] = ['A', 'AA', 'AAA'];

/** "1.10" after "1.9": compares dotted numbers part by part. */
export function byDottedNumber(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const byWcag = new Map<string, string[]>();
/** The criteria RGAA 4.1.2 has ("1.1" … "13.12"). */
const criteria = new Set<string>();
for (const c of rgaa.criteria) {
  criteria.add(c.number);
  for (const sc of c.wcag) byWcag.set(sc, [...(byWcag.get(sc) ?? []), c.number]);
}

/** The RGAA 4.1.2 criteria ("3.2") that reference any of these WCAG success criteria ("1.4.3"), sorted. */
export function rgaaFor(wcag: readonly string[]): string[] {
  const found = new Set(wcag.flatMap((sc) => byWcag.get(sc) ?? []));
  return [...found].sort(byDottedNumber);
}

// "wcag111" → 1.1.1, "wcag1410" → 1.4.10: principles and guidelines have one digit, criteria up to two.
const CRITERION_TAG = /^wcag(\d)(\d)(\d{1,2})$/;
// "wcag2a", "wcag21aa", "wcag22aa": the WCAG version, then the level.
const LEVEL_TAG = /^wcag2\d?(a{1,3})$/;

/**
 * The WCAG success criteria and conformance level named by an axe rule's tags. With several levels,
 * the lowest wins: failing it fails conformance at every level above.
 */
export function wcagFromAxeTags(tags: readonly string[]): { criteria: string[]; level?: WcagLevel } {
  const criteria = new Set<string>();
  let level: WcagLevel | undefined;
  for (const tag of tags) {
    const sc = CRITERION_TAG.exec(tag);
    if (sc) criteria.add(`${sc[1]}.${sc[2]}.${sc[3]}`);
    const lv = LEVEL_TAG.exec(tag)?.[1];
    if (lv) {
      const found = LEVELS[lv.length - 1];
      if (found && (!level || LEVELS.indexOf(found) < LEVELS.indexOf(level))) level = found;
    }
  }
  const out = { criteria: [...criteria].sort(byDottedNumber) };
  return level ? { ...out, level } : out;
}

// "RGAA-3.2.1": RGAA test 1 of criterion 3.2, as axe-core tags the rules it maps itself.
const RGAA_TEST_TAG = /^RGAA-(\d+\.\d+)\.\d+$/;

/**
 * The RGAA criteria an axe rule checks. axe-core names the RGAA tests of most rules itself
 * (image-alt: test 1.1.1, criterion 1.1); those are precise. For the other rules, the criteria
 * referencing the rule's WCAG criteria, a wider net (WCAG 4.1.2 alone is cited by 17 criteria).
 */
export function rgaaFromAxeTags(tags: readonly string[]): string[] {
  const named = new Set<string>();
  for (const tag of tags) {
    const criterion = RGAA_TEST_TAG.exec(tag)?.[1];
    if (criterion && criteria.has(criterion)) named.add(criterion);
  }
  if (named.size > 0) return [...named].sort(byDottedNumber);
  return rgaaFor(wcagFromAxeTags(tags).criteria);
}
