import { z } from 'zod';
import { degradedStepSchema, MAX_DEGRADED_STEPS, MAX_REFINEMENTS, navigationTimingSchema, navTypeSchema, refinementSchema, routeTimingSchema, vitalsSchema } from '../schema/page';
import { pageTypeSchema } from '../schema/page-type';
import { abandonReasonSchema, annotationSchema, landingSchema, SCREENSHOT_KINDS } from '../schema/evidence';
import { frictionFactSchema } from '../friction/facts';
import { ANSWER_VALUES, answerEvidenceInputSchema } from '../checklist/schema';
import { checkFactsSchema } from '../checklist/check-facts-schema';
import type { Visit } from '../schema/visit';
import { missingItemIdSchema } from '../mission/completeness';
import { STEP_STATUSES } from '../mission/step-status';
import type { AuditRecord } from '../audit/schema';

type AuditStatus = AuditRecord['status'];

/**
 * Every message between the extension's contexts, declared once. The receiver parses before acting:
 * a content script lives in a page we do not trust, and a worker that restarted may see stale senders.
 */

const id = z.string().min(1).max(100);

/** A recorder introduces its page and learns whether to record. */
export const helloSchema = z.object({ type: z.literal('recorder/hello'), url: z.string().max(8192) });

/** A recorder's view of its page; the background merges it into the stored page. */
export const pageUpsertSchema = z.object({
  type: z.literal('recorder/page'),
  visitId: id,
  pageId: id,
  /** The page this one replaces in the same tab (a route change), ended at `startedAt`. */
  previousPageId: id.optional(),
  url: z.string().max(8192),
  title: z.string().max(1000),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  navType: navTypeSchema,
  timing: navigationTimingSchema.optional(),
  routeTiming: routeTimingSchema.optional(),
  refinements: z.array(refinementSchema).max(MAX_REFINEMENTS).optional(),
  vitals: vitalsSchema.optional(),
  autoType: pageTypeSchema.optional(),
  autoTypeReasons: z.array(z.string().max(200)).max(20).optional(),
  landing: landingSchema.optional(),
  /** What the checklist's automatic checks read on the page. */
  checks: checkFactsSchema.optional(),
  /** How the page's recording stepped down so far (the whole list, each time). */
  degraded: z.array(degradedStepSchema).max(MAX_DEGRADED_STEPS).optional(),
});
export type PageUpsert = z.infer<typeof pageUpsertSchema>;

/**
 * A batch of recorded events: a JSON array, gzip then base64 (Chrome's messaging carries JSON only),
 * or plain JSON when the page is unloading and cannot wait for compression.
 */
export const batchSchema = z.object({
  type: z.literal('recorder/batch'),
  visitId: id,
  pageId: id,
  seq: z.number().int().nonnegative(),
  encoding: z.enum(['gzip-base64', 'json']),
  data: z.string().max(64 * 1024 * 1024),
  count: z.number().int().nonnegative(),
  firstTs: z.number(),
  lastTs: z.number(),
});
export type Batch = z.infer<typeof batchSchema>;

export const visitStartSchema = z.object({
  type: z.literal('visit/start'),
  tabId: z.number().int(),
  /** The mission the visit follows: a built-in or installed mission's id; the Quick visit when left out. */
  missionId: id.optional(),
});
export const visitPauseSchema = z.object({ type: z.literal('visit/pause'), visitId: id });
/**
 * The evaluator worked in the panel from `from` to `to` (ms since the epoch): left out of the
 * customer's clock (utils/journey/customer-time.ts). Sent again as the span grows; merged.
 */
export const visitPanelWorkSchema = z
  .object({ type: z.literal('visit/panel-work'), visitId: id, from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
  .refine((m) => m.to >= m.from && m.to - m.from <= 24 * 3600_000, { message: 'a span of panel work goes forward, within a day' });
export const visitResumeSchema = z.object({
  type: z.literal('visit/resume'),
  visitId: id,
  /** With resume of an interrupted visit: the tab it goes on in. */
  tabId: z.number().int().optional(),
});
export const visitStopSchema = z.object({ type: z.literal('visit/stop'), visitId: id });
export const visitDeleteSchema = z.object({ type: z.literal('visit/delete'), visitId: id });
export const visitAddOriginSchema = z.object({
  type: z.literal('visit/add-origin'),
  visitId: id,
  tabId: z.number().int(),
});
export const pageSetTypeSchema = z.object({
  type: z.literal('page/set-type'),
  pageId: id,
  pageType: pageTypeSchema.nullable(),
});

/** What a recorder saw on its page; the background's detectors turn facts into friction signals. */
export const factsSchema = z.object({
  type: z.literal('recorder/facts'),
  visitId: id,
  pageId: id,
  facts: z.array(frictionFactSchema).max(100),
});
export type Facts = z.infer<typeof factsSchema>;

/**
 * The latest values of fields the evaluator typed into, for the privacy pass to mask wherever the
 * shop shows them again. Kept in memory only (session storage), never written to disk.
 */
export const typedSchema = z.object({
  type: z.literal('recorder/typed'),
  /** Absent when the page was left before the background told it its visit: found from the tab. */
  visitId: id.optional(),
  fields: z
    .array(
      z.object({
        /** The field: its page and its place in the page. */
        field: z.string().min(1).max(200),
        value: z.string().max(5000),
        /** Typed into a search field. */
        search: z.boolean(),
      }),
    )
    .max(100),
});
export type Typed = z.infer<typeof typedSchema>;
/** What a recorder's channel dropped in its document so far (totals, so resends are harmless). */
export const droppedMessageSchema = z.object({
  type: z.literal('recorder/dropped'),
  visitId: id,
  documentId: id,
  forged: z.number().int().nonnegative().max(1e9),
  excess: z.number().int().nonnegative().max(1e9),
});
export type Dropped = z.infer<typeof droppedMessageSchema>;
/**
 * How a recorder's messages reached the background in its document so far (totals, so resends are
 * harmless): retried, handed over through storage after the first way failed, or lost.
 */
export const deliveryMessageSchema = z.object({
  type: z.literal('recorder/delivery'),
  visitId: id,
  documentId: id,
  retried: z.number().int().nonnegative().max(1e9),
  fellBack: z.number().int().nonnegative().max(1e9),
  lost: z.number().int().nonnegative().max(1e9),
});
export type Delivery = z.infer<typeof deliveryMessageSchema>;

export const screenshotCaptureSchema = z.object({
  type: z.literal('screenshot/capture'),
  visitId: id,
  kind: z.enum(SCREENSHOT_KINDS),
  /** The panel's capture buttons, or evidence for a checklist answer. */
  trigger: z.enum(['button', 'evidence']).optional(),
});
export const screenshotDeleteSchema = z.object({ type: z.literal('screenshot/delete'), screenshotId: id });
export const screenshotAnnotateSchema = z.object({
  type: z.literal('screenshot/annotate'),
  screenshotId: id,
  annotations: z.array(annotationSchema).max(50),
});
export const noteAddSchema = z.object({ type: z.literal('note/add'), visitId: id, text: z.string().trim().min(1).max(5000) });
export const noteEditSchema = z.object({ type: z.literal('note/edit'), noteId: id, text: z.string().trim().min(1).max(5000) });
export const noteDeleteSchema = z.object({ type: z.literal('note/delete'), noteId: id });
/** "I would leave here". */
export const abandonSchema = z.object({
  type: z.literal('visit/abandon'),
  visitId: id,
  reason: abandonReasonSchema,
  comment: z.string().max(5000),
});

/** The evaluator answers a criterion (again: the last answer wins). */
export const answerSetSchema = z.object({
  type: z.literal('answer/set'),
  visitId: id,
  checklistId: id,
  criterionId: z.string().min(1).max(40),
  state: z.enum(ANSWER_VALUES),
  value: z.number().optional(),
  comment: z.string().max(5000),
  /** "This replay moment" is stamped by the background, as every piece of evidence is. */
  evidence: z.array(answerEvidenceInputSchema).max(20),
  suggested: z.enum(['yes', 'no']).optional(),
});
export type AnswerSet = z.infer<typeof answerSetSchema>;
/** Installs a checklist the panel has read from a file (validated again here). */
export const checklistInstallSchema = z.object({ type: z.literal('checklist/install'), checklist: z.unknown() });
export const checklistDeleteSchema = z.object({ type: z.literal('checklist/delete'), checklistId: id });
/** The checklist for new visits, and for the running one when it has no answer yet. */
export const checklistSelectSchema = z.object({ type: z.literal('checklist/select'), checklistId: id, visitId: id.optional() });

/** Installs a mission the panel has read from a file (validated again here). */
export const missionInstallSchema = z.object({ type: z.literal('mission/install'), mission: z.unknown() });
export const missionDeleteSchema = z.object({ type: z.literal('mission/delete'), missionId: id });
/** The evaluator marks a step of the visit's mission (null: takes the mark back); failed and blocked say why. */
export const stepSetSchema = z.object({
  type: z.literal('step/set'),
  visitId: id,
  stepId: z.string().min(1).max(40),
  status: z.enum(STEP_STATUSES).nullable(),
  comment: z.string().max(5000),
});
/** Why the visit lacks a missing item of its mission (an empty text takes the explanation back). */
export const visitExplainSchema = z.object({
  type: z.literal('visit/explain'),
  visitId: id,
  itemId: missingItemIdSchema,
  text: z.string().max(5000),
});

/**
 * Audits a page again (the evaluator opened a drawer or a dialog, say). `timeLimitMs` is for scripts
 * and tests; the panel leaves it out.
 */
export const auditRunSchema = z.object({
  type: z.literal('audit/run'),
  pageId: id,
  timeLimitMs: z.number().int().min(1).max(120_000).optional(),
});

/** The evaluator saves the visit's verdict from the report (a final one needs text). */
export const verdictSetSchema = z.object({
  type: z.literal('visit/verdict'),
  visitId: id,
  text: z.string().max(20000),
  alias: z.string().trim().max(100),
  final: z.boolean(),
});

export const requestSchema = z.discriminatedUnion('type', [
  verdictSetSchema,
  auditRunSchema,
  answerSetSchema,
  checklistInstallSchema,
  checklistDeleteSchema,
  checklistSelectSchema,
  missionInstallSchema,
  missionDeleteSchema,
  stepSetSchema,
  visitExplainSchema,
  factsSchema,
  typedSchema,
  droppedMessageSchema,
  deliveryMessageSchema,
  screenshotCaptureSchema,
  screenshotDeleteSchema,
  screenshotAnnotateSchema,
  noteAddSchema,
  noteEditSchema,
  noteDeleteSchema,
  abandonSchema,
  helloSchema,
  pageUpsertSchema,
  batchSchema,
  visitStartSchema,
  visitPauseSchema,
  visitPanelWorkSchema,
  visitResumeSchema,
  visitStopSchema,
  visitDeleteSchema,
  visitAddOriginSchema,
  pageSetTypeSchema,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
/** The request of one type. */
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

/** Recording options the background hands to a recorder. */
export const recorderConfigSchema = z.object({
  maskSelectors: z.array(z.string()),
  blockSelectors: z.array(z.string()),
  /** The visit's storage budget is reached: the page is not recorded (it still joins the visit). */
  budgetReached: z.literal(true).optional(),
});
export type RecorderConfig = z.infer<typeof recorderConfigSchema>;

export const helloReplySchema = z.discriminatedUnion('record', [
  z.object({ record: z.literal(false) }),
  z.object({ record: z.literal(true), visitId: id, paused: z.boolean(), config: recorderConfigSchema, tabId: z.number().int().optional() }),
]);
export type HelloReply = z.infer<typeof helloReplySchema>;

/** What every handler answers: a value, or an error code the sender can show in its own language. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string; detail?: string };

/** Background to recorder: declared with the recorder's own (small) schemas. */
export { recorderControlSchema, type RecorderControl } from './bridge';

/**
 * What the background answers to each request (the `value` of an `ok` reply). A handler map typed
 * with {@link Handlers} does not compile without a handler for every request, or with a handler
 * that answers something else.
 */
export interface Replies {
  'recorder/hello': HelloReply;
  'recorder/page': void;
  'recorder/batch': void;
  'recorder/facts': void;
  'recorder/typed': void;
  'recorder/dropped': void;
  'recorder/delivery': void;
  'visit/start': { visitId: string };
  'visit/pause': Visit;
  'visit/panel-work': void;
  'visit/resume': Visit;
  'visit/stop': Visit;
  'visit/delete': void;
  'visit/add-origin': Visit;
  'visit/abandon': { abandonmentId: string; screenshotId?: string; captureError?: string };
  'visit/verdict': Visit;
  'page/set-type': void;
  'screenshot/capture': { screenshotId: string };
  'screenshot/delete': void;
  'screenshot/annotate': void;
  'note/add': { noteId: string };
  'note/edit': void;
  'note/delete': void;
  'audit/run': { auditId: string; status: AuditStatus };
  'answer/set': { answerId: string };
  'checklist/install': { checklistId: string };
  'checklist/delete': void;
  'checklist/select': void;
  'mission/install': { missionId: string; hash: string };
  'mission/delete': void;
  'step/set': void;
  'visit/explain': void;
}

/** One handler per request type, each answering that type's reply; `S` is what is known of the sender. */
export type Handlers<S> = { [K in RequestType]: (message: RequestOf<K>, sender: S) => Promise<Replies[K]> };
