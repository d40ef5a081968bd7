import { z } from 'zod';

export const LANGUAGES = ['auto', 'fr', 'en'] as const;
export const VISIT_BUDGET_MB = 150;

/** The evaluator's settings, kept in extension storage. */
export const settingsSchema = z.object({
  /** Extra CSS selectors whose text is masked in recordings. */
  maskSelectors: z.array(z.string().min(1).max(500)).max(100).default([]),
  /** Extra CSS selectors whose elements are left out of recordings altogether. */
  blockSelectors: z.array(z.string().min(1).max(500)).max(100).default([]),
  language: z.enum(LANGUAGES).default('auto'),
  /** A "no" answer needs a comment saying what was wrong. */
  commentRequiredOnNo: z.boolean().default(true),
  /** Audit each page of a visit (accessibility and speed) once it has settled. */
  autoAudit: z.boolean().default(true),
  /**
   * Keep the images, fonts and style sheets each page displays with the visit, so that its replay
   * shows the shop as it was (docs/recording.md, "Assets kept for the replay").
   */
  keepAssets: z.boolean().default(true),
  /**
   * Keep the terms typed into the shop's search fields (identifiers in them are masked still). Off:
   * a search term is masked wherever it comes back, like everything else the evaluator types.
   */
  keepSearchTerms: z.boolean().default(false),
  /**
   * Disk space a visit's records may take (recording, screenshots, audits), in MB. When it is
   * reached the recording stops; answers, notes, pages and signals are still kept.
   */
  visitBudgetMb: z.number().int().min(1).max(100_000).default(VISIT_BUDGET_MB),
  /** The checklist new visits use. */
  checklistId: z.string().min(1).max(100).default('mystere-ecommerce'),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
