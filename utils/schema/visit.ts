import { z } from 'zod';
import { funnelStageSchema, outcomeSchema } from './evidence';
import { missingItemIdSchema } from '../mission/completeness';
import { missionSchema } from '../mission/schema';
import { stepMarkSchema } from '../mission/step-status';

/** A visit is `recording` or `paused` while it runs, `interrupted` when the browser closed under it. */
export const VISIT_STATUSES = ['recording', 'paused', 'interrupted', 'ended'] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/** The evaluator's verdict on the visit: free text, with the alias they sign the report with. */
export const verdictSchema = z.object({
  text: z.string().max(20000),
  alias: z.string().max(100),
  /** Last saved (epoch ms). */
  at: z.number(),
  /** Marked final by the evaluator; a final report needs a non-empty text. */
  final: z.boolean(),
});
export type Verdict = z.infer<typeof verdictSchema>;

/** A span of time during which the visit was paused, to leave out of its duration. */
export const pauseSchema = z.object({ from: z.number(), to: z.number().optional() });

/** What a recorder's channel dropped in one document: messages that were no message, and those over a cap. */
export const droppedSchema = z.object({ forged: z.number().int().nonnegative(), excess: z.number().int().nonnegative() });
export type Dropped = z.infer<typeof droppedSchema>;
/** How a document's recorder messages reached the background: retried, handed over through storage, lost. */
export const deliverySchema = z.object({
  retried: z.number().int().nonnegative(),
  fellBack: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
});
export type DeliveryHealth = z.infer<typeof deliverySchema>;
/** What Stop could not collect: tabs whose recorder did not hand over all it held within the wait. */
export const uncollectedSchema = z.object({ at: z.number(), tabs: z.number().int().positive(), messages: z.number().int().nonnegative() });

/**
 * What the visit's records take on disk (recording batches compressed, screenshots, audits), counted
 * as each is written, against its budget (a setting): warned at 80 %, recording stopped when full.
 */
export const storageUseSchema = z.object({
  bytes: z.number().int().nonnegative(),
  /** The budget in force at the last write, in bytes. */
  budget: z.number().int().positive().optional(),
  warnedAt: z.number().optional(),
  /** When the recording stopped for the budget: later batches are refused. */
  fullAt: z.number().optional(),
});
export type StorageUse = z.infer<typeof storageUseSchema>;

export const visitSchema = z.object({
  id: z.string().min(1),
  /** The origin the visit started on, e.g. `https://shop.example`. */
  origin: z.string(),
  /** Host shown to the evaluator. */
  site: z.string(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  status: visitStatusSchema,
  /** Tabs that belong to the visit: the one it started in and those opened from it. */
  tabIds: z.array(z.number().int()),
  /** Match patterns of the origins recorded in this visit (each one permitted by the evaluator). */
  origins: z.array(z.string()),
  pauses: z.array(pauseSchema),
  /** Browser and screen, for the report's cover. */
  userAgent: z.string().optional(),
  /** Funnel stages reached so far, in the order reached (each one captured once on arrival). */
  stages: z.array(funnelStageSchema).optional(),
  /** The checklist the evaluator answers in this visit. */
  checklistId: z.string().min(1).max(100).optional(),
  /** Computed when the visit stops: converted, or abandoned at a stage. */
  outcome: outcomeSchema.optional(),
  /** The evaluator's closing verdict, written in the report; the report is final once it is. */
  verdict: verdictSchema.optional(),
  /**
   * What the recorder dropped from the pages' side (docs/recording.md, "Untrusted"), per document:
   * each document's recorder sends its own totals, so a resend overwrites itself.
   */
  dropped: z.record(z.string().min(1).max(100), droppedSchema).optional(),
  /** Its storage use and budget; absent until a counted record is written. */
  storage: storageUseSchema.optional(),
  /**
   * Bytes of the shop's assets kept for the replay (images, fonts, style sheets: each stored copy
   * counted once per visit), apart from `storage`, against their own budget (utils/assets/schema.ts,
   * `ASSET_BUDGET_BYTES`). Absent until one is kept.
   */
  assetBytes: z.number().int().nonnegative().optional(),
  /** When that budget was reached: assets met later are recorded as skipped (`budget`), and the report can say so. */
  assetBudgetReachedAt: z.number().optional(),
  /**
   * The recording's delivery health, per document (docs/recording.md, "Delivery"): each document's
   * recorder sends its own totals, so a resend overwrites itself.
   */
  delivery: z.record(z.string().min(1).max(100), deliverySchema).optional(),
  /**
   * When the evaluator worked in the panel (answering, writing, capturing, annotating), merged:
   * left out of the customer's clock (utils/journey/customer-time.ts).
   */
  panelWork: z.array(z.object({ from: z.number(), to: z.number() })).max(2000).optional(),
  /** Set when Stop could not collect everything the pages' recorders still held. */
  uncollected: uncollectedSchema.optional(),
  /**
   * The mission the visit follows, copied whole when it started (the Quick visit's too): deleting or
   * replacing the mission later changes nothing of the visit. Absent in visits made before missions.
   */
  mission: missionSchema.optional(),
  /** `missionHash` of that copy (utils/mission/installed.ts). */
  missionHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The evaluator's marks on the mission's steps, by step id (the last one given wins). */
  stepStatuses: z.record(z.string().min(1).max(40), stepMarkSchema).optional(),
  /**
   * Why the visit lacks what its mission requires, by missing item (`step/<id>`, `evidence/<id>`,
   * utils/mission/completeness.ts): the evaluator's words, asked for before Stop.
   */
  explanations: z.record(missingItemIdSchema, z.string().trim().min(1).max(5000)).optional(),
});
export type Visit = z.infer<typeof visitSchema>;

/** True while the visit may still receive pages. */
export function isActive(visit: Pick<Visit, 'status'>): boolean {
  return visit.status === 'recording' || visit.status === 'paused';
}

/** What the recorder dropped in the whole visit. */
export function droppedTotal(visit: Pick<Visit, 'dropped'>): Dropped {
  const all = Object.values(visit.dropped ?? {});
  return { forged: all.reduce((n, d) => n + d.forged, 0), excess: all.reduce((n, d) => n + d.excess, 0) };
}

/** How the recording's messages reached the background in the whole visit. */
export function deliveryTotal(visit: Pick<Visit, 'delivery'>): DeliveryHealth {
  const all = Object.values(visit.delivery ?? {});
  const sum = (k: keyof DeliveryHealth) => all.reduce((n, d) => n + d[k], 0);
  return { retried: sum('retried'), fellBack: sum('fellBack'), lost: sum('lost') };
}

/** Milliseconds the visit has been recording, pauses left out. */
export function activeDuration(visit: Pick<Visit, 'startedAt' | 'endedAt' | 'pauses'>, now: number): number {
  const end = visit.endedAt ?? now;
  const paused = visit.pauses.reduce((sum, p) => sum + (Math.min(p.to ?? end, end) - p.from), 0);
  return Math.max(0, end - visit.startedAt - paused);
}
