import { z } from 'zod';
import { navigationTimingSchema, ratingSchema, vitalsSchema } from '../schema/page';
import { FINDING_LIMITS, IMPACTS } from './findings';
import { SPEED_FACT_LIMITS } from '../messaging/audit-page';

/**
 * The stored result of one page's audit: accessibility findings (axe-core, mapped to WCAG and RGAA)
 * and a speed verdict with its reasons. Every list is capped and every URL is stored without its
 * query string or fragment, which can carry personal data (tokens, e-mails, order numbers).
 */

const id = z.string().min(1).max(100);
const count = z.number().int().nonnegative();
const bytes = z.number().nonnegative();
/** An address as stored: scheme, host and path only (see `bareUrl`). */
const url = z.string().max(SPEED_FACT_LIMITS.urlChars);

/** Bounds on lists, shared by the code that builds them. */
export const AUDIT_LIMITS = {
  ...FINDING_LIMITS,
  reasons: 20,
  largest: 5,
  thirdParty: 5,
  renderBlocking: 30,
  oversizedImages: 20,
  uncompressed: 20,
} as const;

// ——— Accessibility ———

export { IMPACTS };
export const impactSchema = z.enum(IMPACTS).nullable();
export type Impact = z.infer<typeof impactSchema>;

export const findingNodeSchema = z.object({
  /** CSS selector; parts in shadow roots or frames are joined with " >>> ". */
  selector: z.string().max(500),
  /** The element's HTML as axe quotes it, typed values removed. */
  html: z.string().max(300),
  /** What axe says to fix on this element. */
  summary: z.string().max(500),
});
export type FindingNode = z.infer<typeof findingNodeSchema>;

/** One axe rule that failed (or that axe could not decide) on a page. */
export const findingSchema = z.object({
  ruleId: z.string().min(1).max(100),
  impact: impactSchema,
  help: z.string().max(300),
  helpUrl: url,
  /** WCAG success criteria, e.g. "1.1.1". */
  wcag: z.array(z.string().max(10)).max(AUDIT_LIMITS.wcagPerFinding),
  level: z.enum(['A', 'AA', 'AAA']).optional(),
  /** RGAA 4.1.2 criteria, e.g. "1.1". */
  rgaa: z.array(z.string().max(10)).max(AUDIT_LIMITS.rgaaPerFinding),
  /** The first elements found; `nodeCount` counts them all. */
  nodes: z.array(findingNodeSchema).max(AUDIT_LIMITS.nodesPerFinding),
  nodeCount: count,
});
export type Finding = z.infer<typeof findingSchema>;

export const accessibilityAuditSchema = z.object({
  axeVersion: z.string().max(30),
  violations: z.array(findingSchema).max(AUDIT_LIMITS.findings),
  /** Checks axe could not decide alone: a person has to look. */
  incomplete: z.array(findingSchema).max(AUDIT_LIMITS.findings),
});
export type AccessibilityAudit = z.infer<typeof accessibilityAuditSchema>;

// ——— Speed ———

export const RESOURCE_TYPES = ['document', 'script', 'style', 'image', 'font', 'fetch', 'other'] as const;
export const resourceTypeSchema = z.enum(RESOURCE_TYPES);
export type ResourceType = z.infer<typeof resourceTypeSchema>;

const tally = z.object({ count, bytes });
export type Tally = z.infer<typeof tally>;

/** A cause of the verdict, said in both languages. */
export const speedReasonSchema = z.object({
  code: z.string().min(1).max(40),
  fr: z.string().max(300),
  en: z.string().max(300),
});
export type SpeedReason = z.infer<typeof speedReasonSchema>;

export const resourceSummarySchema = z.object({
  byType: z.record(resourceTypeSchema, tally),
  total: tally,
  /** The heaviest downloads, heaviest first. */
  largest: z.array(z.object({ url, type: resourceTypeSchema, bytes })).max(AUDIT_LIMITS.largest),
  /** Other sites the page loads from, heaviest first. */
  thirdParty: z.array(z.object({ origin: url, count, bytes })).max(AUDIT_LIMITS.thirdParty),
  /** Third parties' part of the bytes, 0–1. */
  thirdPartyShare: z.number().min(0).max(1),
  /** Scripts and styles the browser waited for before painting. */
  renderBlocking: z.array(z.object({ url, type: resourceTypeSchema })).max(AUDIT_LIMITS.renderBlocking),
  oversizedImages: z
    .array(
      z.object({
        url,
        naturalWidth: count,
        naturalHeight: count,
        shownWidth: z.number().nonnegative(),
        shownHeight: z.number().nonnegative(),
        /** Transferred bytes, 0 when unknown (cached, or another origin without Timing-Allow-Origin). */
        bytes,
      }),
    )
    .max(AUDIT_LIMITS.oversizedImages),
  /** Text sent without compression (gzip, brotli). */
  uncompressed: z.array(z.object({ url, type: resourceTypeSchema, bytes })).max(AUDIT_LIMITS.uncompressed),
});
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const speedAuditSchema = z.object({
  verdict: ratingSchema,
  reasons: z.array(speedReasonSchema).max(AUDIT_LIMITS.reasons),
  vitals: vitalsSchema,
  timing: navigationTimingSchema.optional(),
  resources: resourceSummarySchema,
});
export type SpeedAudit = z.infer<typeof speedAuditSchema>;

// ——— The record ———

export const AUDIT_TRIGGERS = ['auto', 'rerun'] as const;
export const AUDIT_STATUSES = ['done', 'timed-out', 'failed'] as const;

export const auditRecordSchema = z.object({
  id,
  visitId: id,
  pageId: id,
  /** When the audit ended (epoch ms). */
  at: z.number(),
  /** Run on its own when the page settled, or asked again by the evaluator. */
  trigger: z.enum(AUDIT_TRIGGERS),
  status: z.enum(AUDIT_STATUSES),
  error: z.string().max(300).optional(),
  durationMs: z.number().nonnegative(),
  /** The longest task (≥ 50 ms) the page ran while the audit did, in ms; 0: none. Chromium only. */
  longestTaskMs: z.number().nonnegative().optional(),
  accessibility: accessibilityAuditSchema.optional(),
  speed: speedAuditSchema.optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;


// ——— What the page sends ———

const factUrl = z.string().max(SPEED_FACT_LIMITS.urlChars);

/** One Resource Timing entry (or the navigation's), as the page reads it. */
export const resourceFactSchema = z.object({
  name: factUrl,
  initiatorType: z.string().max(SPEED_FACT_LIMITS.initiatorChars),
  transferSize: bytes,
  encodedBodySize: bytes,
  decodedBodySize: bytes,
  /** "blocking" or "non-blocking" (Chromium). */
  renderBlockingStatus: z.string().max(20).optional(),
  /** The response's media type (Chromium), when the browser exposes it. */
  contentType: z.string().max(SPEED_FACT_LIMITS.contentTypeChars).optional(),
});
export type ResourceFact = z.infer<typeof resourceFactSchema>;

/** An `<img>` as loaded and as laid out, in CSS pixels. */
export const imageFactSchema = z.object({
  src: factUrl,
  naturalWidth: count,
  naturalHeight: count,
  shownWidth: z.number().nonnegative(),
  shownHeight: z.number().nonnegative(),
});
export type ImageFact = z.infer<typeof imageFactSchema>;

/** What the page knows about its own speed; the background adds the vitals from the page record. */
export const speedFactsSchema = z.object({
  url: factUrl,
  vitals: vitalsSchema,
  timing: navigationTimingSchema.optional(),
  resources: z.array(resourceFactSchema).max(SPEED_FACT_LIMITS.resources),
  images: z.array(imageFactSchema).max(SPEED_FACT_LIMITS.images),
  /** Device pixels per CSS pixel. */
  dpr: z.number().positive().max(20),
});
export type SpeedFacts = z.infer<typeof speedFactsSchema>;

/** The value of the page's `audit/run` reply, parsed by the background before it is used. */
export const auditAnswerSchema = z.object({
  accessibility: accessibilityAuditSchema.optional(),
  longestTaskMs: z.number().nonnegative().optional(),
  speed: speedFactsSchema.optional(),
  durationMs: z.number().nonnegative(),
});
