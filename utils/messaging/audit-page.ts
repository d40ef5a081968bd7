import { bareUrl as bareAddress } from '../privacy/urls';
import type { AccessibilityAudit, SpeedFacts } from '../audit/schema';

/**
 * The background's request to audit a page, and the page's answer. Hand-written guards, no zod: the
 * audit content script imports this file, and zod would bring the whole stored model with it.
 */

/** What to check; the background sets its own time limit and races the answer. */
export type AuditChecks = { accessibility: boolean; speed: boolean };
export type AuditRequest = { type: 'page/audit'; timeLimitMs: number; checks: AuditChecks };

/** The page's findings: axe's results already mapped, and the speed facts to analyse. */
export type AuditAnswer = { accessibility?: AccessibilityAudit; speed?: SpeedFacts; durationMs: number; longestTaskMs?: number };
export type AuditReply = { ok: true; value: AuditAnswer } | { ok: false; error: string; detail?: string };

/** Bounds on what the page sends about its speed (a page can load thousands of resources). */
export const SPEED_FACT_LIMITS = { resources: 1000, images: 300, urlChars: 500, initiatorChars: 40, contentTypeChars: 100 } as const;

/** A day: longer is a mistake, not a limit. */
const MAX_TIME_LIMIT_MS = 86_400_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request as declared (a fresh object, without extra fields), or undefined. */
export function parseAuditRequest(v: unknown): AuditRequest | undefined {
  if (!isObj(v) || v.type !== 'page/audit') return undefined;
  const { timeLimitMs, checks } = v;
  if (typeof timeLimitMs !== 'number' || !Number.isFinite(timeLimitMs) || timeLimitMs <= 0 || timeLimitMs > MAX_TIME_LIMIT_MS) return undefined;
  if (!isObj(checks) || typeof checks.accessibility !== 'boolean' || typeof checks.speed !== 'boolean') return undefined;
  return { type: 'page/audit', timeLimitMs, checks: { accessibility: checks.accessibility, speed: checks.speed } };
}

/**
 * An address as stored and sent: scheme, host and path, without the query string or fragment, which
 * can carry personal data (tokens, e-mails, order numbers); a `data:` URL keeps only its media type.
 * Relative addresses are read against `base`.
 */
export function bareUrl(raw: string, base?: string): string {
  const out = bareAddress(raw, base);
  const max = SPEED_FACT_LIMITS.urlChars;
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
