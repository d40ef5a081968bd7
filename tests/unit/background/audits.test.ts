import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autoAudit, runAudit } from '../../../entrypoints/background/audits';
import type { AuditRecord } from '../../../utils/audit/schema';
import { db } from '../../../utils/db/database';
import { listEvidence, putAudit, putVisit } from '../../../utils/db/repository';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { visit } from '../db/fixtures';
import { SHOP, storePage, tabsShow, code, withVisit } from './support';

/**
 * Audits of the visit's pages: the audit script injected on demand, its answer stored (or its
 * failure, or its running out of time), one audit at a time per tab, each page audited once
 * automatically. (Each test uses its own page ids: the pages audited automatically are remembered.)
 */

const ACCESSIBILITY = {
  axeVersion: '4.10.0',
  violations: [
    {
      ruleId: 'image-alt',
      impact: 'critical',
      help: 'Images must have alternative text',
      helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/image-alt',
      wcag: ['1.1.1'],
      level: 'A',
      rgaa: ['1.1'],
      nodes: [{ selector: 'img.hero', html: '<img class="hero" src="hero.jpg">', summary: 'Add an alt attribute' }],
      nodeCount: 1,
    },
  ],
  incomplete: [],
};

/** The audit script in the page: injected, then asked to run; it answers with `reply`. */
function fakeAuditScript(reply: unknown) {
  return {
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
    ask: vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((() => (reply instanceof Promise ? reply : Promise.resolve(reply))) as never),
  };
}

const audits = async () => listEvidence(await db(), 'audits', 'v1');


withVisit();

describe('runAudit', () => {
  it('injects the audit script, runs it within the time limit, and stores its findings', async () => {
    await storePage({ id: 'a1', url: `${SHOP}/a1` });
    tabsShow({ 1: { url: `${SHOP}/a1` } });
    const { inject, ask } = fakeAuditScript({ ok: true, value: { accessibility: ACCESSIBILITY, durationMs: 1_234 } });
    const result = await runAudit('a1', 'rerun', 5_000);
    expect(result.status).toBe('done');
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/audit.js'] });
    expect(ask).toHaveBeenCalledWith(1, { type: 'page/audit', timeLimitMs: 5_000, checks: { accessibility: true, speed: true } }, { frameId: 0 });
    const [stored] = await audits();
    expect(stored).toMatchObject({ id: result.auditId, pageId: 'a1', trigger: 'rerun', status: 'done', durationMs: 1_234 });
    expect(stored?.accessibility?.violations.map((v) => v.ruleId)).toEqual(['image-alt']);
  });

  it('stores a failed audit when the page answers with an error', async () => {
    await storePage({ id: 'a2', url: `${SHOP}/a2` });
    tabsShow({ 1: { url: `${SHOP}/a2` } });
    fakeAuditScript({ ok: false, error: 'internal', detail: 'axe crashed' });
    expect((await runAudit('a2', 'rerun')).status).toBe('failed');
    expect((await audits())[0]).toMatchObject({ status: 'failed', error: 'Error: axe crashed' });
  });

  it('stores a failed audit when a single-page shop moved to another route during it', async () => {
    await storePage({ id: 'a2r', url: `${SHOP}/#/search` });
    tabsShow({ 1: { url: `${SHOP}/#/search?q=lampe` } });
    // The answer is read once the page is asked: by then the shop has routed to the basket.
    fakeAuditScript({
      then(resolve: (value: unknown) => void) {
        tabsShow({ 1: { url: `${SHOP}/#/basket` } });
        resolve({ ok: true, value: { accessibility: ACCESSIBILITY, durationMs: 900 } });
      },
    });
    expect((await runAudit('a2r', 'rerun')).status).toBe('failed');
    expect((await audits())[0]).toMatchObject({ pageId: 'a2r', status: 'failed', error: 'Error: the page changed during the audit' });
  });

  it('stores a timed-out audit when the page does not answer in time', async () => {
    await storePage({ id: 'a3', url: `${SHOP}/a3` });
    tabsShow({ 1: { url: `${SHOP}/a3` } });
    fakeAuditScript(new Promise(() => undefined));
    expect((await runAudit('a3', 'rerun', 30)).status).toBe('timed-out');
    expect((await audits())[0]?.status).toBe('timed-out');
  });

  it('runs one audit at a time in a tab', async () => {
    await storePage({ id: 'a5', url: `${SHOP}/a5` });
    tabsShow({ 1: { url: `${SHOP}/a5` } });
    let answer!: (reply: unknown) => void;
    const { ask } = fakeAuditScript(new Promise((resolve) => (answer = resolve)));
    const first = runAudit('a5', 'rerun');
    const second = runAudit('a5', 'rerun');
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(ask).toHaveBeenCalledTimes(1);
    answer({ ok: true, value: { durationMs: 10 } });
    await Promise.all([first, second]);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('refuses an unknown page, a visit that is not running, and a page its tab no longer shows', async () => {
    expect(await code(runAudit('nope', 'rerun'))).toBe('no-such-page');
    await storePage({ id: 'a6', url: `${SHOP}/a6` });
    tabsShow({ 1: { url: `${SHOP}/ailleurs` } });
    expect(await code(runAudit('a6', 'rerun'))).toBe('page-not-shown');
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 5_000 }));
    expect(await code(runAudit('a6', 'rerun'))).toBe('visit-not-running');
    expect(await audits()).toEqual([]);
  });
});

describe('autoAudit', () => {
  const done = (pageId: string): AuditRecord => ({ id: `audit-${pageId}`, visitId: 'v1', pageId, at: 1, trigger: 'auto', status: 'done', durationMs: 1 });

  it('audits a classified page once, after it has settled', async () => {
    tabsShow({ 1: { url: `${SHOP}/auto1` } });
    const { ask } = fakeAuditScript({ ok: true, value: { durationMs: 10 } });
    const page = await storePage({ id: 'auto1', url: `${SHOP}/auto1`, autoTypeReasons: ['path /'] });
    await autoAudit(page);
    await autoAudit({ ...page, title: 'Stored again' });
    expect(ask).toHaveBeenCalledTimes(1);
    expect((await audits()).map((a) => `${a.pageId} ${a.trigger} ${a.status}`)).toEqual(['auto1 auto done']);
  });

  // Two writes of the same page close together (afterPageStored runs unawaited for each).
  it('audits a page once even when two of its writes arrive together', async () => {
    tabsShow({ 1: { url: `${SHOP}/auto5` } });
    const { ask } = fakeAuditScript({ ok: true, value: { durationMs: 10 } });
    const page = await storePage({ id: 'auto5', url: `${SHOP}/auto5`, autoTypeReasons: ['path /'] });
    await Promise.all([autoAudit(page), autoAudit({ ...page, title: 'Stored again' })]);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('leaves alone a page not classified yet, an audited page, and every page when the setting is off', async () => {
    tabsShow({ 1: { url: `${SHOP}/` } });
    const { inject } = fakeAuditScript({ ok: true, value: { durationMs: 10 } });
    await autoAudit(await storePage({ id: 'auto2', autoTypeReasons: [] }));
    await putAudit(await db(), done('auto3'));
    await autoAudit(await storePage({ id: 'auto3', autoTypeReasons: ['path /'] }));
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: false });
    await autoAudit(await storePage({ id: 'auto4', autoTypeReasons: ['path /'] }));
    expect(inject).not.toHaveBeenCalled();
  });
});
