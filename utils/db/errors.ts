/** True for a write refused because the disk or the origin's quota is full (however the browser says it). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error || error instanceof DOMException)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Chrome aborts the transaction; the abort names the quota in its message.
  return error.name === 'AbortError' && /quota/i.test(error.message);
}

/**
 * A record of a visit (page, recording batch, evidence) refused because its visit no longer exists:
 * deleted while a capture or an audit was still running. The protocol answers it as `no-such-visit`.
 */
export class VisitGoneError extends Error {
  constructor(readonly visitId: string) {
    super(`the visit ${visitId} no longer exists`);
    this.name = 'VisitGoneError';
  }
}
