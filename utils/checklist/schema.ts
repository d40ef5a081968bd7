import { z } from 'zod';
import { PAGE_TYPES } from '../schema/page-type';

/**
 * The checklist format: an agency's criteria ("cahier des charges") as sections of criteria, each
 * asked at the right page types. Versioned: `format` and `version` say what a file is, so that a
 * later version can be read and converted. Documented in docs/checklist-format.md, with a JSON
 * Schema generated from this file.
 */

export const CHECKLIST_FORMAT = 'mystere-checklist';
export const CHECKLIST_VERSION = 1;

/** Text in French and English; both are required (the interface is in both). */
export const localizedSchema = z.object({
  fr: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
});
export type Localized = z.infer<typeof localizedSchema>;

const optionalLocalized = z.object({ fr: z.string().max(4000), en: z.string().max(4000) });

/** Where a criterion comes from. `code` is the reference's own numbering (e.g. "1.3", "N5", "35", "1.1.1"). */
export const REFERENCE_KINDS = ['bastien-scapin', 'nielsen', 'opquast', 'wcag', 'rgaa', 'law', 'baymard', 'other'] as const;
export const referenceSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  code: z.string().trim().min(1).max(100),
  label: z.string().max(300).optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** The page types where a criterion is prompted; `any` prompts it on every page. */
export const criterionPageSchema = z.enum([...PAGE_TYPES, 'any']);
export type CriterionPage = z.infer<typeof criterionPageSchema>;

/**
 * How a criterion is answered. Every kind also allows "not applicable" and "not checked".
 * - `yes-no`: yes (good) or no;
 * - `scale`: 1 to 5 (5 is best);
 * - `number`: a measured value with its unit (seconds, form fields…), not scored.
 */
export const answerKindSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yes-no') }),
  z.object({ kind: z.literal('scale'), min: z.literal(1), max: z.literal(5) }),
  z.object({ kind: z.literal('number'), unit: localizedSchema }),
]);
export type AnswerKind = z.infer<typeof answerKindSchema>;

/** Automatic checks that can suggest an answer (see utils/checklist/suggestions.ts). */
export const SUGGESTION_RULES = [
  'https',
  'search-field',
  'price-with-currency',
  'product-availability-data',
  'product-shipping-data',
  'images-have-alt',
  'page-language',
  'zoom-allowed',
  'cookie-refuse-choice',
  'guest-checkout',
  'no-blocking-overlay',
  'breadcrumb',
  'home-link',
  'page-title',
  'single-h1',
  'form-labels',
  'checkout-steps',
  'delivery-cost-before-cart',
  'return-policy-link',
  'terms-link',
  'legal-notice-link',
  'contact-means',
  'order-number',
  'payment-methods',
  'pay-button-wording',
  'lcp-good',
  'cls-good',
  'no-js-errors',
  'no-failed-requests',
] as const;
export const suggestionRuleSchema = z.enum(SUGGESTION_RULES);
export type SuggestionRule = z.infer<typeof suggestionRuleSchema>;

export const criterionSchema = z.object({
  /** Unique in the checklist: letters, digits, `-`, `_` or `.`. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/),
  question: localizedSchema,
  help: optionalLocalized.optional(),
  answer: answerKindSchema,
  /** 1 good practice, 2 important, 3 critical. */
  weight: z.number().int().min(1).max(3),
  /** A "no" is flagged in the report whatever the score. */
  knockout: z.boolean(),
  pages: z.array(criterionPageSchema).min(1),
  references: z.array(referenceSchema).min(1),
  suggestion: suggestionRuleSchema.optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const sectionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/),
  title: localizedSchema,
  /** The section's share of the overall score (relative: normalised over answered sections). */
  weight: z.number().positive().max(100),
  criteria: z.array(criterionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const checklistSchema = z
  .object({
    format: z.literal(CHECKLIST_FORMAT),
    version: z.literal(CHECKLIST_VERSION),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    title: localizedSchema,
    description: optionalLocalized.optional(),
    /** Who wrote it: an agency, or Mystère for the defaults. */
    author: z.string().max(200).optional(),
    /** Credits owed to the references it draws on. */
    attribution: z.string().max(2000).optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Map<string, string>();
    checklist.sections.forEach((section, s) => {
      section.criteria.forEach((criterion, c) => {
        const first = seen.get(criterion.id);
        if (first) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'criteria', c, 'id'],
            message: 'duplicate-id',
            params: { id: criterion.id, first },
          });
        } else {
          seen.set(criterion.id, `sections.${s}.criteria.${c}`);
        }
      });
    });
    const sectionIds = new Set<string>();
    checklist.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: 'duplicate-id', params: { id: section.id } });
      }
      sectionIds.add(section.id);
    });
  });
export type Checklist = z.infer<typeof checklistSchema>;

// ——— Answers ———

export const ANSWER_VALUES = ['yes', 'no', 'na', 'unchecked'] as const;

/** Evidence attached to an answer. */
export const answerEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('screenshot'), screenshotId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('replay'), pageId: z.string().min(1).max(100), offset: z.number().nonnegative() }),
]);
export type AnswerEvidence = z.infer<typeof answerEvidenceSchema>;

/**
 * Evidence as the panel sends it: stored evidence, or "this replay moment" — the moment the
 * evaluator asked for it, which the background stamps with its page and replay offset.
 */
export const answerEvidenceInputSchema = z.discriminatedUnion('kind', [
  ...answerEvidenceSchema.options,
  z.object({ kind: z.literal('moment'), at: z.number().nonnegative() }),
]);
export type AnswerEvidenceInput = z.infer<typeof answerEvidenceInputSchema>;

/** The evaluator's answer to one criterion in one visit (the last one given wins). */
export const answerSchema = z.object({
  /** `${visitId}/${criterionId}`. */
  id: z.string().min(1).max(250),
  visitId: z.string().min(1).max(100),
  checklistId: z.string().min(1).max(100),
  criterionId: z.string().min(1).max(40),
  /** yes / no / not applicable / not checked; a scale or number answer has `value` too. */
  state: z.enum(ANSWER_VALUES),
  value: z.number().optional(),
  comment: z.string().max(5000),
  pageId: z.string().min(1).max(100),
  at: z.number(),
  offset: z.number().nonnegative(),
  evidence: z.array(answerEvidenceSchema).max(20),
  /** What the automatic check suggested when the evaluator answered, if anything. */
  suggested: z.enum(['yes', 'no']).optional(),
});
export type Answer = z.infer<typeof answerSchema>;
export type AnswerState = Answer['state'];
