import type { z } from 'zod';
import { parseChecklistText } from '../checklist/errors';
import type { Lang } from '../i18n/messages';
import { validSelectors } from '../recording/rrweb-options';
import { FUNNEL_STAGES } from '../schema/evidence';
import { PAGE_TYPES } from '../schema/page-type';
import { COUNTRY_CODES, CURRENCY_CODES } from './codes';
import { MISSION_ERROR_TEXT } from './error-text';
import { describeShapeIssue, readJsonFile, sameValues } from '../i18n/file-problems';
import { BUILT_IN_CHECKLIST_IDS, DEVICES, EVIDENCE_KINDS, MISSION_FORMAT, MISSION_VERSION, missionSchema, type Mission } from './schema';
import { afterOrigin, type OriginProblem } from './sites';
import type { UrlPatternProblem } from './url-pattern';
import { isRecord, readableMissionPath, shorten, show, valueAt } from './error-paths';

/** One thing wrong with an imported mission: where (empty for the whole file) and what, in the user's language. */
export interface MissionProblem {
  path: string;
  message: string;
}

export type MissionParseResult = { ok: true; mission: Mission } | { ok: false; problems: MissionProblem[] };

export interface ParseMissionOptions {
  /**
   * A document whose CSS parser judges the privacy selectors (the panel's own); without one, only
   * the rough check of utils/mission/selectors.ts is made. Defaults to the global document, if any.
   */
  document?: Document;
}

/** More than this and the agency fixes the first ones and imports again. */
const MAX_PROBLEMS = 20;

type Issue = z.core.$ZodIssue;
const list = (values: readonly unknown[]) => values.map(String).join(', ');
type Path = readonly PropertyKey[];

/**
 * Reads a mission file as an agency wrote it. Either the mission, or the problems in the user's
 * language, each with a path that names steps and evidence by their ids; an embedded checklist's
 * problems are told as a checklist import tells them. Nothing is kept from a refused file.
 */
export function parseMissionText(text: string, lang: Lang, options: ParseMissionOptions = {}): MissionParseResult {
  const t = MISSION_ERROR_TEXT[lang];
  const read = readJsonFile(text, t);
  if (!read.ok) return fail(read.message);
  const raw = read.raw;
  if (!isRecord(raw) || raw.format !== MISSION_FORMAT) {
    return fail(t.notMission(isRecord(raw) && typeof raw.format === 'string' ? shorten(raw.format) : ''));
  }
  if (typeof raw.version === 'number' && raw.version > MISSION_VERSION) return fail(t.newer(raw.version));

  const parsed = missionSchema.safeParse(raw);
  const problems = parsed.success
    ? selectorProblems(parsed.data, lang, options.document ?? (typeof document === 'undefined' ? undefined : document))
    : describeAll(parsed.error.issues, raw, lang);
  if (parsed.success && problems.length === 0) return { ok: true, mission: parsed.data };
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), { path: '', message: t.more(problems.length - MAX_PROBLEMS) }] };
}

/** The privacy selectors the browser's own parser refuses (`validSelectors`, as the recorder uses it). */
function selectorProblems(mission: Mission, lang: Lang, doc: Document | undefined): MissionProblem[] {
  if (!doc) return [];
  return (['maskSelectors', 'blockSelectors'] as const).flatMap((key) =>
    mission.privacy[key].flatMap((selector, i) =>
      validSelectors([selector], doc).length === 1 ? [] : [{ path: `privacy.${key}[${i}]`, message: MISSION_ERROR_TEXT[lang].badSelector(shorten(selector)) }],
    ),
  );
}

function fail(message: string): MissionParseResult {
  return { ok: false, problems: [{ path: '', message }] };
}

/**
 * The issues as problems, in the file's order. The ones about `checklist` are told together, where
 * the first of them was (see describeChecklist).
 */
function describeAll(issues: readonly Issue[], raw: unknown, lang: Lang): MissionProblem[] {
  const aboutChecklist = issues.filter((issue) => issue.path[0] === 'checklist');
  let told = false;
  return issues.flatMap((issue) => {
    if (issue.path[0] !== 'checklist') return [describe(issue, [], raw, lang)];
    if (told) return [];
    told = true;
    return describeChecklist(aboutChecklist, raw, lang);
  });
}

function describe(issue: Issue, prefix: Path, raw: unknown, lang: Lang): MissionProblem {
  const path = [...prefix, ...issue.path];
  return { path: readableMissionPath(path, raw), message: describeIssue(issue, path, raw, lang) };
}

/**
 * `checklist` is `{ builtIn }` or `{ embedded }`: zod tried both, and what went wrong is told for the
 * one the file meant. An embedded checklist is checked as an imported checklist would be, so its
 * problems read the same (sections by title, criteria by id); that its id is a built-in's is told
 * in any case.
 */
function describeChecklist(issues: readonly Issue[], raw: unknown, lang: Lang): MissionProblem[] {
  const t = MISSION_ERROR_TEXT[lang];
  const value = valueAt(raw, ['checklist']);
  if (!isRecord(value)) return [{ path: 'checklist', message: value === undefined ? t.missing : t.checklistRef }];
  const hasBuiltIn = 'builtIn' in value;
  const hasEmbedded = 'embedded' in value;
  if (hasBuiltIn && hasEmbedded) return [{ path: 'checklist', message: t.checklistBoth }];
  if (!hasBuiltIn && !hasEmbedded) return [{ path: 'checklist', message: t.checklistRef }];
  // An issue of the union as a whole stands for the issues of the branch the file meant.
  const flat = issues.flatMap((issue) =>
    issue.code === 'invalid_union' && issue.path.length === 1 && 'errors' in issue
      ? (issue.errors[hasBuiltIn ? 0 : 1] ?? []).map((inner) => ({ ...inner, path: ['checklist', ...inner.path] }))
      : [issue],
  );
  const extra = flat.filter((issue) => issue.code === 'unrecognized_keys').flatMap((issue) => issue.keys);
  const extraProblem = extra.length > 0 ? [{ path: 'checklist', message: t.checklistExtra(extra.map(t.quote).join(', ')) }] : [];
  const rest = flat.filter((issue) => issue.code !== 'unrecognized_keys');
  const checked = hasEmbedded && isRecord(value.embedded) ? parseChecklistText(JSON.stringify(value.embedded), lang) : undefined;
  if (checked && !checked.ok) {
    const builtInId = rest.filter((issue) => issue.code === 'custom' && issue.message === 'built-in-id');
    return [
      ...checked.problems.map((problem) => ({ path: problem.path ? `checklist.embedded › ${problem.path}` : 'checklist.embedded', message: problem.message })),
      ...builtInId.map((issue) => describe(issue, [], raw, lang)),
      ...extraProblem,
    ];
  }
  return [...rest.map((issue) => describe(issue, [], raw, lang)), ...extraProblem];
}

/** The common mistakes in plain words; anything else keeps zod's own message. */
function describeIssue(issue: Issue, path: Path, raw: unknown, lang: Lang): string {
  const t = MISSION_ERROR_TEXT[lang];
  const value = valueAt(raw, path);
  const last = path.at(-1);
  // A wrong type, or too small or too big: the words every import shares.
  const shape = describeShapeIssue(issue, value, t);
  if (shape !== undefined) return shape;
  switch (issue.code) {
    case 'invalid_value':
      return value === undefined ? t.missing : describeValue(issue.values, show(value), lang);
    case 'invalid_union':
      if (issue.discriminator === 'kind' && 'options' in issue && issue.options) {
        return value === undefined ? t.missingCondition(list(issue.options)) : t.unknownCondition(show(value), list(issue.options));
      }
      break;
    case 'invalid_format':
      if (issue.format === 'datetime') return t.badDeadline(show(value));
      if (issue.format === 'regex' && (last === 'id' || last === 'stepId' || last === 'criterionId')) {
        const longest = 'pattern' in issue && typeof issue.pattern === 'string' ? /\{0,(\d+)\}/.exec(issue.pattern) : null;
        return t.badId(show(value), longest ? Number(longest[1]) + 1 : 40);
      }
      break;
    case 'custom':
      return describeCustom(issue, value, raw, lang) ?? t.other(issue.message);
    default:
      break;
  }
  return t.other(issue.message);
}

function describeValue(values: readonly unknown[], shown: string, lang: Lang): string {
  const t = MISSION_ERROR_TEXT[lang];
  if (sameValues(values, PAGE_TYPES)) return t.unknownPage(shown, list(values));
  if (sameValues(values, FUNNEL_STAGES)) return t.unknownStage(shown, list(values));
  if (sameValues(values, EVIDENCE_KINDS)) return t.unknownEvidence(shown, list(values));
  if (sameValues(values, DEVICES)) return t.unknownDevice(shown, list(values));
  if (sameValues(values, ['fr', 'en'])) return t.unknownLang(shown, list(values));
  if (sameValues(values, COUNTRY_CODES)) return t.unknownCountry(shown);
  if (sameValues(values, CURRENCY_CODES)) return t.unknownCurrency(shown);
  if (sameValues(values, BUILT_IN_CHECKLIST_IDS)) return t.unknownBuiltIn(shown, list(values));
  return t.unexpected(shown, list(values));
}

function describeCustom(issue: z.core.$ZodIssueCustom, value: unknown, raw: unknown, lang: Lang): string | undefined {
  const t = MISSION_ERROR_TEXT[lang];
  const params: Record<string, unknown> = issue.params ?? {};
  const text = (key: string) => (typeof params[key] === 'string' ? params[key] : '');
  const shown = show(value);
  switch (issue.message) {
    case 'duplicate-id': {
      // `first` is a dotted path ("steps.0"); shown bare, since its id is the one just named.
      const first = text('first').split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
      const where = text('first') ? readableMissionPath(first, raw, false) : '';
      return first[0] === 'sites' ? t.duplicateSite(shorten(text('id')), where) : t.duplicate(shorten(text('id')), where);
    }
    case 'bad-origin':
      return t.badOrigin(shown, text('reason') as OriginProblem, typeof value === 'string' ? shorten(afterOrigin(value.trim())) : '');
    case 'bad-url-pattern':
      return t.badPattern(shown, text('reason') as UrlPatternProblem);
    case 'bad-selector':
      return t.badSelector(shown);
    case 'built-in-id':
      return t.builtInId(shorten(text('id')));
    case 'one-place': {
      const places = Array.isArray(params.places) ? params.places.map(String) : [];
      return t.onePlace(places.map(t.quote).join(t.and));
    }
    case 'answer-needs-criterion':
      return t.answerNeedsCriterion;
    case 'criterion-only-for-answer':
      return t.criterionOnlyForAnswer(text('kind'));
    case 'unknown-step':
      return t.unknownStep(shorten(text('id')), Array.isArray(params.known) ? list(params.known) : '');
    case 'unknown-criterion':
      return t.unknownCriterion(shorten(text('id')), text('checklist'));
    default:
      return undefined;
  }
}
