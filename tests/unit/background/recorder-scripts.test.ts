import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectRecorder, registerRecorder } from '../../../entrypoints/background/recorder-scripts';

/** The recorder's content scripts: registered for the visit's origins, injected into an open page. */

function fakeScripting(existing: string[] = []) {
  return {
    registered: vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue(existing.map((id) => ({ id })) as never),
    unregister: vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(),
    register: vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(),
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('registerRecorder', () => {
  it('registers both halves from the start of every document of the origins, the relay first', async () => {
    const s = fakeScripting();
    await registerRecorder(['https://shop.example/*', 'https://pay.example/*']);
    expect(s.registered).toHaveBeenCalledWith({ ids: ['mystere-relay', 'mystere-main'] });
    expect(s.unregister).not.toHaveBeenCalled();
    expect(s.register).toHaveBeenCalledWith([
      {
        id: 'mystere-relay',
        js: ['/recorder.js'],
        matches: ['https://shop.example/*', 'https://pay.example/*'],
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
      {
        id: 'mystere-main',
        js: ['/content-scripts/recorder-main.js'],
        matches: ['https://shop.example/*', 'https://pay.example/*'],
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
        world: 'MAIN',
      },
    ]);
  });

  it('replaces an earlier registration', async () => {
    const s = fakeScripting(['mystere-relay', 'mystere-main']);
    await registerRecorder(['https://shop.example/*']);
    expect(s.unregister).toHaveBeenCalledWith({ ids: ['mystere-relay', 'mystere-main'] });
    expect(s.unregister.mock.invocationCallOrder[0]).toBeLessThan(s.register.mock.invocationCallOrder[0]!);
  });

  it('unregisters, and registers nothing, for no origins', async () => {
    const s = fakeScripting(['mystere-main']);
    await registerRecorder([]);
    expect(s.unregister).toHaveBeenCalledWith({ ids: ['mystere-main'] });
    expect(s.register).not.toHaveBeenCalled();
  });
});

describe('injectRecorder', () => {
  it('injects the relay then the isolated-world recorder into a page without one (its scripts ran first)', async () => {
    const s = fakeScripting();
    const wake = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    await injectRecorder(4);
    expect(wake).toHaveBeenCalledWith(4, { type: 'recorder/wake' });
    expect(s.inject.mock.calls).toEqual([
      [{ target: { tabId: 4 }, files: ['/recorder.js'] }],
      [{ target: { tabId: 4 }, files: ['/recorder-isolated.js'] }],
    ]);
  });

  it('only wakes a page whose recorder is already there', async () => {
    const s = fakeScripting();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true as never);
    await injectRecorder(4);
    expect(s.inject).not.toHaveBeenCalled();
  });
});
