import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notifyChanged } from '../../../entrypoints/background/revision';
import { REVISION_KEY } from '../../../utils/messaging/revision';

/** The tiny revision signal: views re-read the database whenever it changes. */

const revision = async () => (await fakeBrowser.storage.session.get(REVISION_KEY))[REVISION_KEY];

beforeEach(() => fakeBrowser.reset());

describe('notifyChanged', () => {
  it('changes the revision in session storage each time, so that every listener hears of it', async () => {
    const seen: unknown[] = [];
    fakeBrowser.storage.session.onChanged.addListener((changes) => seen.push(changes[REVISION_KEY]?.newValue));
    await notifyChanged();
    const first = await revision();
    await notifyChanged();
    const second = await revision();
    expect(typeof first).toBe('number');
    expect(second).not.toBe(first);
    expect(seen).toEqual([first, second]);
  });
});
