import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../utils/audit/schema';
import { until } from '../../scripts/automation/extension-data';
import { pathOf, readEvidence, readStore, type EvidenceDump } from '../../scripts/automation/evidence-data';
import { ROOT } from '../../scripts/automation/paths';
import { openSession, type Session } from './support/session';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Stored = EvidenceDump & { audits: AuditRecord[] };

async function readAll(session: Session): Promise<Stored> {
  const page = session.panel.page;
  const [evidence, audits] = await Promise.all([readEvidence(page), readStore<AuditRecord>(page, 'audits')]);
  return { ...evidence, audits };
}

/**
 * The accessibility and speed audits of the visit's pages, on the demo shop with its planted flaws
 * (tests/fixtures/shop/README.md), checked against axe-core run directly in the same page.
 */
describe('audits of the visit’s pages, in Chromium', () => {
  let session: Session;
  let stored: Stored;
  /** Page path → the rule ids axe-core finds when run directly in the page, right after our audit. */
  const direct = new Map<string, string[]>();
  let timedOut: AuditRecord | undefined;
  let stillResponsive = false;
  let drawerAudits: AuditRecord[] = [];

  const auditsOn = (d: Stored, p: string) => d.audits.filter((a) => pathOf(d, a.pageId) === p);

  /** Waits for the page's automatic audit, then runs axe-core directly in the page, same tags. */
  async function auditedAndChecked(p: string): Promise<void> {
    await until(() => readAll(session), (d) => auditsOn(d, p).some((a) => a.status === 'done'), `the audit of ${p}`, 60_000);
    const shop = session.journey.page;
    await shop.evaluate(await readFile(AXE, 'utf8'));
    const ids = (await shop.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'], iframes: false })
        .then((r) => r.violations.map((v) => v.id))`,
    )) as string[];
    direct.set(p, ids.sort());
  }

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    await panel.start();
    await auditedAndChecked('/');
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await auditedAndChecked('/category/chaussures');
    await journey.open('/produit/basket-lin');
    await auditedAndChecked('/produit/basket-lin');

    // An audit given no time at all: recorded as timed out, and the page goes on.
    const now = await readAll(session);
    const pageId = now.pages.find((pg) => pathOf(now, pg.id) === '/produit/basket-lin')!.id;
    await panel.page.evaluate(
      `chrome.runtime.sendMessage({ type: 'audit/run', pageId: ${JSON.stringify(pageId)}, timeLimitMs: 1 })`,
    );
    const afterTimeout = await until(() => readAll(session), (d) => d.audits.some((a) => a.status === 'timed-out'), 'the timed-out audit');
    timedOut = afterTimeout.audits.find((a) => a.status === 'timed-out');
    stillResponsive = (await journey.page.evaluate(() => document.readyState)) === 'complete';

    // The cart drawer opened, the audit run again from the panel: a second audit of the page.
    await journey.page.locator('#open-cart-drawer').click();
    await journey.page.waitForSelector('#cart-drawer.is-open');
    const before = (await readAll(session)).audits.filter((a) => a.pageId === pageId && a.status === 'done').length;
    await panel.view('audits');
    await panel.page.locator('[data-testid=audit-rerun]').click();
    const afterRerun = await until(
      () => readAll(session),
      (d) => d.audits.filter((a) => a.pageId === pageId && a.status === 'done').length > before,
      'the audit with the drawer open',
      60_000,
    );
    drawerAudits = afterRerun.audits.filter((a) => a.pageId === pageId && a.status === 'done').sort((a, b) => a.at - b.at);

    await journey.open('/livraison');
    stored = await until(() => readAll(session), (d) => auditsOn(d, '/livraison').some((a) => a.status === 'done'), 'the audit of /livraison', 60_000);
  }, 240_000);

  afterAll(() => session?.close());

  const violation = (p: string, rule: string) =>
    auditsOn(stored, p)
      .find((a) => a.status === 'done' && a.trigger === 'auto')
      ?.accessibility?.violations.find((v) => v.ruleId === rule);

  it('reports the images without alt on the home page, with WCAG 1.1.1 and RGAA 1.1', () => {
    const v = violation('/', 'image-alt');
    expect(v?.wcag).toContain('1.1.1');
    expect(v?.level).toBe('A');
    expect(v?.rgaa).toContain('1.1');
    expect(v!.nodeCount).toBe(2);
    // The two thumbnails of « Nos coups de cœur » (img.thumb-no-alt).
    expect(v!.nodes.map((n) => n.selector).join(' ')).toMatch(/basket-lin\.svg.*sac-cabas\.svg|sac-cabas\.svg.*basket-lin\.svg/);
  });

  it('reports the low-contrast text of the listing, with WCAG 1.4.3 and RGAA 3.2', () => {
    const v = violation('/category/chaussures', 'color-contrast');
    expect(v?.wcag).toContain('1.4.3');
    expect(v?.level).toBe('AA');
    expect(v?.rgaa).toContain('3.2');
    expect(v!.nodes.map((n) => n.selector).join(' ')).toContain('fine-print');
  });

  it('reports the product image without alt on /produit/basket-lin', () => {
    const v = violation('/produit/basket-lin', 'image-alt');
    expect(v?.rgaa).toContain('1.1');
    expect(v!.nodes.map((n) => n.selector).join(' ')).toContain('product-gallery__image');
  });

  it('finds the same rules as axe-core run directly in the page', () => {
    for (const [p, ids] of direct) {
      const ours = auditsOn(stored, p).find((a) => a.status === 'done' && a.trigger === 'auto')!.accessibility!.violations.map((v) => v.ruleId);
      expect(ours.sort(), p).toEqual(ids);
    }
  });

  it('flags the slow page, with its reason', () => {
    const speed = auditsOn(stored, '/livraison').find((a) => a.status === 'done')!.speed!;
    expect(speed.verdict).toBe('poor');
    expect(speed.reasons.map((r) => r.code)).toContain('ttfb');
    expect(speed.timing!.ttfb).toBeGreaterThanOrEqual(2400);
  });

  it('flags the oversized image of the home page, with its reason', () => {
    const speed = auditsOn(stored, '/').find((a) => a.status === 'done')!.speed!;
    expect(speed.reasons.map((r) => r.code)).toContain('oversized-image');
    const image = speed.resources.oversizedImages.find((i) => i.url.endsWith('/img/hero-xl.png'));
    expect(image).toMatchObject({ naturalWidth: 3000, naturalHeight: 2000 });
    expect(image!.shownWidth).toBeLessThanOrEqual(400);
  });

  it('records an audit that overran its time limit as timed out, and leaves the page working', () => {
    expect(timedOut).toMatchObject({ status: 'timed-out', trigger: 'rerun' });
    expect(stillResponsive).toBe(true);
  });

  it('records a second audit of the page after the cart drawer opened', () => {
    expect(drawerAudits.map((a) => a.trigger)).toEqual(['auto', 'rerun']);
  });

  it('shows the current page’s audit in the panel', async () => {
    const summary = await session.panel.page.waitForSelector('[data-testid=audit-summary]');
    expect(await summary!.evaluate((e) => e.getAttribute('data-status'))).toBe('done');
    const pills = await session.panel.page.$$eval('[data-testid=vital-pill]', (ps) => ps.map((p) => p.getAttribute('data-metric')));
    expect(pills).toContain('TTFB');
  });
});
