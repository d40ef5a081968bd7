import type { z } from 'zod';
import type { Lang } from '../i18n/messages';
import { FILE_WORDS, child, describeShapeIssue, isRecord, readJsonFile, sameValues, shorten, show, valueAt } from '../i18n/file-problems';

export { jsonErrorLocation, syntaxErrorLocation } from '../i18n/file-problems';
import {
  CHECKLIST_FORMAT,
  CHECKLIST_VERSION,
  REFERENCE_KINDS,
  SUGGESTION_RULES,
  checklistSchema,
  criterionPageSchema,
  type Checklist,
} from './schema';

/** One thing wrong with an imported checklist: where (empty for the whole file) and what, in the user's language. */
export interface ChecklistProblem {
  path: string;
  message: string;
}

export type ChecklistParseResult = { ok: true; checklist: Checklist } | { ok: false; problems: ChecklistProblem[] };

/** More than this and the agency fixes the first ones and imports again. */
const MAX_PROBLEMS = 20;

type Issue = z.core.$ZodIssue;

const list = (values: readonly unknown[]) => values.map(String).join(', ');

const fr = {
  ...FILE_WORDS.fr,
  notChecklist: (found: string) =>
    `Ce fichier n’est pas une grille Mystère : « format » doit valoir « ${CHECKLIST_FORMAT} »${found ? ` (trouvé : « ${found} »)` : ''}.`,
  newer: (version: number) =>
    `Cette grille a été faite par une version plus récente de Mystère (version ${version} du format ; celle-ci lit jusqu’à la version ${CHECKLIST_VERSION}). Mettez Mystère à jour pour l’importer.`,
  criterionWeight: 'poids hors limites : 1, 2 ou 3 attendu (1 bonne pratique, 2 important, 3 critique)',
  sectionWeight: 'poids hors limites : un nombre plus grand que 0 et jusqu’à 100 attendu',
  unknownPage: (value: string, allowed: string) => `type de page inconnu « ${value} » (types possibles : ${allowed})`,
  unknownAnswer: (value: string, allowed: string) => `type de réponse inconnu « ${value} » (possibles : ${allowed})`,
  missingAnswer: (allowed: string) => `champ obligatoire manquant (type de réponse : ${allowed})`,
  unknownReference: (value: string, allowed: string) => `type de référence inconnu « ${value} » (possibles : ${allowed})`,
  unknownRule: (value: string, allowed: string) => `règle de suggestion inconnue « ${value} » (possibles : ${allowed})`,
  quote: (text: string) => ` « ${text} »`,
};

const en: typeof fr = {
  ...FILE_WORDS.en,
  notChecklist: (found) =>
    `This file is not a Mystère checklist: “format” must be “${CHECKLIST_FORMAT}”${found ? ` (found: “${found}”)` : ''}.`,
  newer: (version) =>
    `This checklist was made by a newer version of Mystère (format version ${version}; this one reads up to version ${CHECKLIST_VERSION}). Update Mystère to import it.`,
  criterionWeight: 'weight out of range: 1, 2 or 3 expected (1 good practice, 2 important, 3 critical)',
  sectionWeight: 'weight out of range: a number above 0 and up to 100 expected',
  unknownPage: (value, allowed) => `unknown page type “${value}” (allowed: ${allowed})`,
  unknownAnswer: (value, allowed) => `unknown answer kind “${value}” (allowed: ${allowed})`,
  missingAnswer: (allowed) => `required field missing (answer kind: ${allowed})`,
  unknownReference: (value, allowed) => `unknown reference kind “${value}” (allowed: ${allowed})`,
  unknownRule: (value, allowed) => `unknown suggestion rule “${value}” (allowed: ${allowed})`,
  quote: (text) => ` “${text}”`,
};

const TEXT: Record<Lang, typeof fr> = { fr, en };

/**
 * Reads a checklist file as an agency wrote it. Either the checklist, or the problems in the user's
 * language, each with a path that names sections and criteria by the file's own titles and ids.
 */
export function parseChecklistText(text: string, lang: Lang): ChecklistParseResult {
  const t = TEXT[lang];
  const read = readJsonFile(text, t);
  if (!read.ok) return fail('', read.message);
  const raw = read.raw;
  if (!isRecord(raw) || raw.format !== CHECKLIST_FORMAT) {
    const found = isRecord(raw) && typeof raw.format === 'string' ? shorten(raw.format) : '';
    return fail('', t.notChecklist(found));
  }
  if (typeof raw.version === 'number' && raw.version > CHECKLIST_VERSION) return fail('', t.newer(raw.version));

  const parsed = checklistSchema.safeParse(raw);
  if (parsed.success) return { ok: true, checklist: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    path: readablePath(issue.path, raw, lang),
    message: describeIssue(issue, raw, lang),
  }));
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), { path: '', message: t.more(problems.length - MAX_PROBLEMS) }] };
}

function fail(path: string, message: string): ChecklistParseResult {
  return { ok: false, problems: [{ path, message }] };
}

/**
 * `sections[2] « Panier » › criteria[4] (E05) › question.fr`: a section is named by its title (or id),
 * a criterion by its id, when the file has them; `labels: false` gives the bare path.
 */
function readablePath(path: readonly PropertyKey[], raw: unknown, lang: Lang, labels = true): string {
  const groups: string[] = [];
  let current = '';
  let node = raw;
  let parent: PropertyKey | undefined;
  for (const key of path) {
    node = child(node, key);
    if (typeof key === 'number') {
      current += `[${key}]`;
      if (parent === 'sections' || parent === 'criteria') {
        groups.push(current + (labels ? itemLabel(parent, node, lang) : ''));
        current = '';
      }
    } else {
      current += (current ? '.' : '') + String(key);
    }
    parent = key;
  }
  if (current) groups.push(current);
  return groups.join(' › ');
}

function itemLabel(kind: 'sections' | 'criteria', item: unknown, lang: Lang): string {
  if (!isRecord(item)) return '';
  const title = child(item.title, lang);
  if (kind === 'sections' && typeof title === 'string' && title.trim()) return TEXT[lang].quote(shorten(title));
  return typeof item.id === 'string' && item.id.trim() ? ` (${shorten(item.id)})` : '';
}

/** The common mistakes in plain words; anything else keeps zod's own message. */
function describeIssue(issue: Issue, raw: unknown, lang: Lang): string {
  const t = TEXT[lang];
  const value = valueAt(raw, issue.path);
  const last = issue.path.at(-1);
  if (last === 'weight' && typeof value === 'number') {
    return issue.path.includes('criteria') ? t.criterionWeight : t.sectionWeight;
  }
  // A wrong type, or too small or too big: the words every import shares.
  const shape = describeShapeIssue(issue, value, t);
  if (shape !== undefined) return shape;
  switch (issue.code) {
    case 'invalid_value': {
      if (value === undefined) return t.missing;
      const shown = show(value);
      if (sameValues(issue.values, criterionPageSchema.options)) return t.unknownPage(shown, list(issue.values));
      if (sameValues(issue.values, REFERENCE_KINDS)) return t.unknownReference(shown, list(issue.values));
      if (sameValues(issue.values, SUGGESTION_RULES)) return t.unknownRule(shown, list(issue.values));
      return t.unexpected(shown, list(issue.values));
    }
    case 'invalid_union':
      if (issue.discriminator === 'kind' && 'options' in issue && issue.options) {
        return value === undefined ? t.missingAnswer(list(issue.options)) : t.unknownAnswer(show(value), list(issue.options));
      }
      break;
    case 'invalid_format':
      if (issue.format === 'regex' && last === 'id' && typeof value === 'string') {
        const longest = 'pattern' in issue && typeof issue.pattern === 'string' ? /\{0,(\d+)\}/.exec(issue.pattern) : null;
        return t.badId(shorten(value), longest ? Number(longest[1]) + 1 : 40);
      }
      break;
    case 'custom':
      if (issue.message === 'duplicate-id') return describeDuplicate(issue.params, raw, lang);
      break;
    default:
      break;
  }
  return t.other(issue.message);
}

function describeDuplicate(params: unknown, raw: unknown, lang: Lang): string {
  const id = isRecord(params) && typeof params.id === 'string' ? params.id : '';
  const first = isRecord(params) && typeof params.first === 'string' ? params.first : '';
  // `first` is a dotted path ("sections.0.criteria.3"); shown bare, since its id is the one just named.
  const firstPath = first.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  return TEXT[lang].duplicate(shorten(id), first ? readablePath(firstPath, raw, lang, false) : '');
}
