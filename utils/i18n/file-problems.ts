import { parseTree, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { Lang } from './messages';

/**
 * What the imports of an agency's files (checklists, missions) share: the words for a file that is
 * not JSON and for the common shape mistakes, in French and English, and the readings of the raw
 * value that name what was found.
 */

export type ValueKind = 'string' | 'number' | 'int' | 'boolean' | 'null' | 'array' | 'object';

const fr = {
  empty: 'Le fichier est vide.',
  badJson: (at: string, detail: string) => `Le fichier n’est pas du JSON valide${at} : ${detail}`,
  at: (line: number, column: number) => ` (ligne ${line}, colonne ${column})`,
  missing: 'champ obligatoire manquant',
  kinds: { string: 'texte', number: 'nombre', int: 'nombre entier', boolean: 'true ou false', null: 'null', array: 'liste [ … ]', object: 'objet { … }' } satisfies Record<ValueKind, string>,
  wrongType: (expected: string, found: string) => `type incorrect : ${expected} attendu, ${found} trouvé`,
  notInteger: 'nombre entier attendu',
  emptyText: 'texte vide',
  textTooShort: (min: number) => `texte trop court (au moins ${min} caractères)`,
  textTooLong: (max: number) => `texte trop long (${max} caractères au plus)`,
  emptyList: 'liste vide : au moins un élément attendu',
  tooFew: (min: number) => `pas assez d’éléments (au moins ${min})`,
  tooMany: (max: number) => `trop d’éléments (${max} au plus)`,
  tooSmall: (min: number, inclusive: boolean) => `nombre trop petit (${inclusive ? 'au moins' : 'plus que'} ${min})`,
  tooBig: (max: number, inclusive: boolean) => `nombre trop grand (${inclusive ? 'au plus' : 'moins que'} ${max})`,
  unexpected: (value: string, allowed: string) => `valeur inattendue « ${value} » (attendu : ${allowed})`,
  badId: (value: string, max: number) =>
    `identifiant invalide « ${value} » : lettres sans accent, chiffres, « - », « _ » ou « . », ${max} caractères au plus, en commençant par une lettre ou un chiffre`,
  duplicate: (id: string, first: string) => `identifiant « ${id} » en double${first ? ` (déjà utilisé en ${first})` : ''}`,
  other: (detail: string) => `valeur non valide : ${detail}`,
  more: (n: number) => (n === 1 ? '… et 1 autre problème' : `… et ${n} autres problèmes`),
};

const en: typeof fr = {
  empty: 'The file is empty.',
  badJson: (at, detail) => `The file is not valid JSON${at}: ${detail}`,
  at: (line, column) => ` (line ${line}, column ${column})`,
  missing: 'required field missing',
  kinds: { string: 'text', number: 'number', int: 'whole number', boolean: 'true or false', null: 'null', array: 'list [ … ]', object: 'object { … }' },
  wrongType: (expected, found) => `wrong type: expected ${expected}, found ${found}`,
  notInteger: 'whole number expected',
  emptyText: 'empty text',
  textTooShort: (min) => `text too short (at least ${min} characters)`,
  textTooLong: (max) => `text too long (at most ${max} characters)`,
  emptyList: 'empty list: at least one item expected',
  tooFew: (min) => `not enough items (at least ${min})`,
  tooMany: (max) => `too many items (at most ${max})`,
  tooSmall: (min, inclusive) => `number too small (${inclusive ? 'at least' : 'more than'} ${min})`,
  tooBig: (max, inclusive) => `number too big (${inclusive ? 'at most' : 'less than'} ${max})`,
  unexpected: (value, allowed) => `unexpected value “${value}” (expected: ${allowed})`,
  badId: (value, max) =>
    `invalid identifier “${value}”: unaccented letters, digits, “-”, “_” or “.”, at most ${max} characters, starting with a letter or a digit`,
  duplicate: (id, first) => `duplicate identifier “${id}”${first ? ` (already used at ${first})` : ''}`,
  other: (detail) => `invalid value: ${detail}`,
  more: (n) => (n === 1 ? '… and 1 more problem' : `… and ${n} more problems`),
};

export type FileWords = typeof fr;
export const FILE_WORDS: Record<Lang, FileWords> = { fr, en };

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item of a list or the field of an object at `key`, or undefined. */
export function child(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key] as unknown;
  if (isRecord(value) && typeof key === 'string') return value[key];
  return undefined;
}

/** What the file holds at `path`, or undefined. */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(child, raw);
}

/** A value quoted in a message: one line, 40 characters at most. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Any value as shortened text (a string as is, anything else as JSON). */
export function show(value: unknown): string {
  return typeof value === 'string' ? shorten(value) : shorten(JSON.stringify(value) ?? String(value));
}

/** The JSON kind of a value, as the messages name it. */
export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** Whether an enum issue lists exactly these values (which list the file got wrong). */
export function sameValues(values: readonly unknown[], allowed: readonly unknown[]): boolean {
  return values.length === allowed.length && values.every((value) => allowed.includes(value));
}

/** The engine's own words, without the position (already given as line and column) or its excerpt's line breaks. */
export function cleanJsonMessage(message: string): string {
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A wrong type, or a text, list or number too small or too big, in plain words; undefined for any
 * other issue (each import says the rest in its own words). `value` is what the file holds there.
 */
export function describeShapeIssue(issue: z.core.$ZodIssue, value: unknown, t: FileWords): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return t.missing;
      if (issue.expected === 'int' && typeof value === 'number') return t.notInteger;
      const expected = issue.expected in t.kinds ? t.kinds[issue.expected as ValueKind] : issue.expected;
      return t.wrongType(expected, t.kinds[kindOf(value)]);
    }
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? t.emptyText : t.textTooShort(Number(issue.minimum));
      if (issue.origin === 'array') return issue.minimum === 1 ? t.emptyList : t.tooFew(Number(issue.minimum));
      if (issue.origin === 'number') return t.tooSmall(Number(issue.minimum), issue.inclusive !== false);
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return t.textTooLong(Number(issue.maximum));
      if (issue.origin === 'array') return t.tooMany(Number(issue.maximum));
      if (issue.origin === 'number') return t.tooBig(Number(issue.maximum), issue.inclusive !== false);
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Line and column (from 1) of the first syntax error, found by a JSON scanner: some engines' messages
 * (Chrome's "Unexpected token … is not valid JSON", Safari's) give no position.
 */
export function syntaxErrorLocation(text: string): { line: number; column: number } | undefined {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const before = text.slice(0, first.offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/** Line and column (from 1) of a JSON.parse error, when the engine's message gives them (V8, Firefox). */
export function jsonErrorLocation(message: string, text: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/**
 * An agency's file read as JSON: its value, or what is wrong in the user's words, with the line and
 * column. Notepad and some exporters start UTF-8 files with a byte order mark, which JSON.parse refuses.
 */
export function readJsonFile(text: string, t: FileWords): { ok: true; raw: unknown } | { ok: false; message: string } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, message: t.empty };
  try {
    return { ok: true, raw: JSON.parse(source) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = jsonErrorLocation(message, source) ?? syntaxErrorLocation(source);
    return { ok: false, message: t.badJson(where ? t.at(where.line, where.column) : '', cleanJsonMessage(message)) };
  }
}
