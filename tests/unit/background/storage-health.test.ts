import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guardWrite } from '../../../entrypoints/background/storage-health';
import { isQuotaError } from '../../../utils/db/errors';
import { STORAGE_PROBLEM_KEY } from '../../../utils/messaging/revision';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const problem = async () => (await browser.storage.session.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY];

describe('isQuotaError', () => {
  it.each([
    [quota(), true],
    [new DOMException('Transaction aborted: quota exceeded', 'AbortError'), true],
    [new DOMException('Version change transaction was aborted', 'AbortError'), false],
    [new Error('quota'), false],
    ['QuotaExceededError', false],
    [undefined, false],
  ])('%s → %s', (error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('guardWrite: a full disk is reported to the panel, and cleared by the next good write', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports a quota failure and still throws it (the recorder keeps its batch and retries)', async () => {
    await expect(guardWrite(() => Promise.reject(quota()))).rejects.toThrow('quota');
    expect(await problem()).toMatchObject({ code: 'disk-full' });
  });

  it('clears the report once a write succeeds again', async () => {
    await guardWrite(() => Promise.reject(quota())).catch(() => undefined);
    expect(await guardWrite(() => Promise.resolve(42))).toBe(42);
    expect(await problem()).toBeUndefined();
  });

  it('does not report other failures as a full disk', async () => {
    await expect(guardWrite(() => Promise.reject(new Error('bad data')))).rejects.toThrow('bad data');
    expect(await problem()).toBeUndefined();
  });
});
