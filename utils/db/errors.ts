/** True for a write refused because the disk or the origin's quota is full (however the browser says it). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error || error instanceof DOMException)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Chrome aborts the transaction; the abort names the quota in its message.
  return error.name === 'AbortError' && /quota/i.test(error.message);
}
