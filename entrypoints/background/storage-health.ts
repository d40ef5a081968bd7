import { browser } from 'wxt/browser';
import { isQuotaError } from '../../utils/db/errors';
import { STORAGE_PROBLEM_KEY } from '../../utils/messaging/revision';

/**
 * When the disk (or the browser's quota) is full, writes fail; recorders keep their batches and
 * retry, so nothing is lost, but the evaluator must know. The problem is kept in session storage,
 * where the panel reads it, and cleared by the next write that succeeds.
 */

let problem = false;

export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    if (problem) {
      problem = false;
      await browser.storage.session.remove(STORAGE_PROBLEM_KEY);
    }
    return result;
  } catch (error) {
    if (isQuotaError(error)) {
      problem = true;
      await browser.storage.session.set({ [STORAGE_PROBLEM_KEY]: { code: 'disk-full', at: Date.now() } });
    }
    throw error;
  }
}
