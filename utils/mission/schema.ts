import { z } from 'zod';
import { checklistSchema, localizedSchema } from '../checklist/schema';
import { DEFAULT_CHECKLISTS } from '../checklist/defaults';
import { funnelStageSchema } from '../schema/evidence';
import { pageTypeSchema } from '../schema/page-type';
import { checklistOfMission } from './checklist';
import { COUNTRY_CODES, CURRENCY_CODES } from './codes';
import { looksLikeSelector } from './selectors';
import { originProblem, toOrigin } from './sites';
import { urlPatternProblem } from './url-pattern';

/**
 * The mission format: what an agency asks of a visit — the sites, a scenario of steps, the
 * checklist, a persona, privacy rules, a deadline and the evidence it wants. Versioned like the
 * checklist format; documented in docs/mission-format.md, with a JSON Schema generated from here.
 * Custom issues carry a code as their message (`duplicate-id`…) and their facts in `params`, which
 * utils/mission/errors.ts turns into sentences.
 */

export const MISSION_FORMAT = 'mystere-mission';
export const MISSION_VERSION = 1;

/** Bounds that keep a mission readable in the side panel and cheap to check. */
export const MAX_SITES = 20;
export const MAX_STEPS = 30;
export const MAX_CONDITIONS = 4;
export const MAX_EVIDENCE = 50;
export const MAX_SELECTORS = 100;

const idOf = (max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${max - 1}}$`));
const stepIdSchema = idOf(40);

/** Long texts in both languages (the mission's instructions). */
export const longLocalizedSchema = z.object({
  fr: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});

/** An origin (`https://shop.example`); read as its canonical form (lower case, default port dropped). */
export const originSchema = z
  .string()
  .trim()
  .max(300)
  .superRefine((text, ctx) => {
    const reason = originProblem(text);
    if (reason) ctx.addIssue({ code: 'custom', message: 'bad-origin', params: { reason } });
  })
  .meta({ description: 'An origin: http:// or https://, a host and perhaps a port, no path.', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+/?$' })
  .transform(toOrigin);

// ——— Steps ———

export const CONDITION_KINDS = ['pageType', 'stage', 'url', 'text'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** How to know a step is reached: a page's type, its funnel stage, its address, or text it shows. */
export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pageType'), pageType: pageTypeSchema }),
  z.object({ kind: z.literal('stage'), stage: funnelStageSchema }),
  z.object({
    kind: z.literal('url'),
    pattern: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .superRefine((pattern, ctx) => {
        const reason = urlPatternProblem(pattern);
        if (reason) ctx.addIssue({ code: 'custom', message: 'bad-url-pattern', params: { reason } });
      })
      .meta({ description: 'A path starting with /; * stands for any characters. The query is compared only if the pattern has one.' }),
  }),
  /** Visible on the page, case, accents and spacing ignored. */
  z.object({
    kind: z.literal('text'),
    text: z.string().trim().min(2).max(200).meta({ description: 'Shown on the page; case, accents and spacing are ignored.' }),
  }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const stepSchema = z.object({
  id: stepIdSchema,
  instruction: localizedSchema,
  /** All of these hold on one page (at least one, at most MAX_CONDITIONS). */
  reached: z.array(conditionSchema).min(1).max(MAX_CONDITIONS),
  /** Seconds the step should take, from the step before it (or the visit's start). */
  targetSeconds: z.number().int().min(1).max(86_400).optional(),
  required: z.boolean().default(true),
  /** What counts as success, for the evaluator to judge. */
  success: localizedSchema,
});
export type Step = z.infer<typeof stepSchema>;

// ——— Checklist ———

/** The checklists shipped with Mystère, which a mission can name. */
export const BUILT_IN_CHECKLIST_IDS = DEFAULT_CHECKLISTS.map((checklist) => checklist.id) as [string, ...string[]];

/** A built-in checklist by id, or the agency's own, embedded whole (its id must not be a built-in's). */
export const missionChecklistSchema = z.union([
  z.strictObject({ builtIn: z.enum(BUILT_IN_CHECKLIST_IDS) }),
  z.strictObject({
    embedded: checklistSchema.superRefine((checklist, ctx) => {
      if (BUILT_IN_CHECKLIST_IDS.includes(checklist.id)) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'built-in-id', params: { id: checklist.id } });
      }
    }),
  }),
]);
export type MissionChecklist = z.infer<typeof missionChecklistSchema>;

// ——— Persona, privacy ———

export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;

export const personaSchema = z.object({
  /** The name the evaluator shops under (never their own). */
  alias: z.string().trim().min(1).max(100),
  lang: z.enum(['fr', 'en']),
  device: z.enum(DEVICES).optional(),
  /** The window's inner size in CSS pixels. */
  viewport: z
    .object({ width: z.number().int().min(240).max(7680), height: z.number().int().min(240).max(4320) })
    .optional(),
  country: z.enum(COUNTRY_CODES).optional(),
  currency: z.enum(CURRENCY_CODES).optional(),
});
export type Persona = z.infer<typeof personaSchema>;

const selectorSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(looksLikeSelector, { message: 'bad-selector' });

/** Added to the evaluator's own rules for this mission's visits (utils/mission/privacy.ts). */
export const missionPrivacySchema = z.object({
  maskSelectors: z.array(selectorSchema).max(MAX_SELECTORS).default([]),
  blockSelectors: z.array(selectorSchema).max(MAX_SELECTORS).default([]),
  keepSearchTerms: z.boolean().default(false),
});
export type MissionPrivacy = z.infer<typeof missionPrivacySchema>;

// ——— Evidence ———

export const EVIDENCE_KINDS = ['screenshot', 'note', 'answer'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Evidence the agency requires. `answer` names a criterion of the mission's checklist that must be
 * answered; any kind may say where, with one of `stepId`, `pageType` or `stage`.
 */
export const requiredEvidenceSchema = z
  .object({
    id: idOf(40),
    kind: z.enum(EVIDENCE_KINDS),
    label: localizedSchema,
    criterionId: idOf(40).optional(),
    stepId: stepIdSchema.optional(),
    pageType: pageTypeSchema.optional(),
    stage: funnelStageSchema.optional(),
  })
  .superRefine((evidence, ctx) => {
    const places = (['stepId', 'pageType', 'stage'] as const).filter((key) => evidence[key] !== undefined);
    if (places.length > 1) ctx.addIssue({ code: 'custom', path: [places[1] ?? ''], message: 'one-place', params: { places } });
    if (evidence.kind === 'answer' && evidence.criterionId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['criterionId'], message: 'answer-needs-criterion' });
    }
    if (evidence.kind !== 'answer' && evidence.criterionId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['criterionId'], message: 'criterion-only-for-answer', params: { kind: evidence.kind } });
    }
  });
export type RequiredEvidence = z.infer<typeof requiredEvidenceSchema>;

// ——— The mission ———

/** One `duplicate-id` issue per repeated value, naming where it was first seen (`steps.0`). */
function unique<T>(key: string, valueOf: (item: T) => string, field?: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const value = valueOf(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, i);
      else ctx.addIssue({ code: 'custom', path: field ? [i, field] : [i], message: 'duplicate-id', params: { id: value, first: `${key}.${first}` } });
    });
  };
}

export const missionSchema = z
  .object({
    format: z.literal(MISSION_FORMAT),
    version: z.literal(MISSION_VERSION),
    id: idOf(80),
    /** Who asks: the agency's name. */
    agency: z.string().trim().min(1).max(200),
    title: localizedSchema,
    instructions: longLocalizedSchema,
    /** Origins the visit may record; empty: the site the visit starts on. */
    sites: z.array(originSchema).max(MAX_SITES).superRefine(unique('sites', (site: string) => site)),
    steps: z.array(stepSchema).max(MAX_STEPS).superRefine(unique('steps', (step: Step) => step.id, 'id')),
    checklist: missionChecklistSchema,
    persona: personaSchema.optional(),
    privacy: missionPrivacySchema.default({ maskSelectors: [], blockSelectors: [], keepSearchTerms: false }),
    /** When the visit is due, with its time zone: `2025-07-14T18:00:00+02:00`. */
    deadline: z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time with its time zone.' }).optional(),
    requiredEvidence: z
      .array(requiredEvidenceSchema)
      .max(MAX_EVIDENCE)
      .superRefine(unique('requiredEvidence', (evidence: RequiredEvidence) => evidence.id, 'id'))
      .default([]),
  })
  .superRefine((mission, ctx) => {
    // A checklist refused by a check rather than by its shape still reaches here: trust only a valid one.
    const stepIds = [...new Set(mission.steps.map((step) => step.id))];
    const checklist = missionChecklistSchema.safeParse(mission.checklist).success ? checklistOfMission(mission.checklist) : undefined;
    const criteria = checklist?.sections.flatMap((section) => section.criteria.map((criterion) => criterion.id));
    mission.requiredEvidence.forEach((evidence, i) => {
      if (evidence.stepId !== undefined && !stepIds.includes(evidence.stepId)) {
        ctx.addIssue({ code: 'custom', path: ['requiredEvidence', i, 'stepId'], message: 'unknown-step', params: { id: evidence.stepId, known: stepIds } });
      }
      if (evidence.criterionId !== undefined && checklist && !criteria?.includes(evidence.criterionId)) {
        ctx.addIssue({ code: 'custom', path: ['requiredEvidence', i, 'criterionId'], message: 'unknown-criterion', params: { id: evidence.criterionId, checklist: checklist.id } });
      }
    });
  });
export type Mission = z.infer<typeof missionSchema>;
/** A mission as written in a file: defaults may be left out. */
export type MissionInput = z.input<typeof missionSchema>;

