import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { aliveVisitId, markSessionAlive } from '../../../entrypoints/background/session-marker';

/** The marker in session storage that tells this browser session's visit from one left by a closed browser. */

beforeEach(() => fakeBrowser.reset());

describe('session marker', () => {
  it('is empty in a new browser session', async () => {
    expect(await aliveVisitId()).toBeUndefined();
  });

  it('names the visit this session started, the last one marked', async () => {
    await markSessionAlive('v1');
    await markSessionAlive('v2');
    expect(await aliveVisitId()).toBe('v2');
  });

  it('ignores anything but a visit id under its key', async () => {
    await fakeBrowser.storage.session.set({ aliveVisit: 42 });
    expect(await aliveVisitId()).toBeUndefined();
  });
});
