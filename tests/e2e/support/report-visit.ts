import type { Page } from 'puppeteer-core';
import { until } from '../../../scripts/automation/extension-data';
import { readEvidence } from '../../../scripts/automation/evidence-data';
import { PRODUCT_ANSWERS } from '../../shared/product-answers';
import type { Session } from './session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A short visit of the demo shop, as `report.test.ts` records it: the product page answered (one
 * "no" with its comment and screenshot), a note, the cart, an abandonment for extra costs, Stop.
 * Returns the report the panel then offers, fully shown.
 */
export async function recordVisitAndOpenReport(session: Session): Promise<Page> {
  const { journey, panel, launched } = session;
  const p = panel.page;
  await panel.start();
  await sleep(800);
  await journey.dismissCookies();
  await journey.open('/produit/derby-cuir');
  await panel.waitForTypes(['home', 'product']);
  await p.waitForSelector('[data-testid=page-criteria] [data-testid=criterion-item]');
  for (const a of PRODUCT_ANSWERS) await panel.answer(a.criterionId, a.state, 'comment' in a ? a.comment : '', { screenshot: a.state === 'no' });
  await panel.addNote('Le guide des tailles ne s’ouvre pas.');
  await journey.addToCart();
  await journey.open('/panier');
  await panel.waitForPages(3);
  await sleep(600);
  await panel.abandon('extra-costs', 'Les frais de livraison ne sont pas annoncés.');
  await sleep(800);
  await panel.stop();
  await until(() => readEvidence(p), (d) => d.visits[0]?.status === 'ended', 'the visit ended');

  const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
  await p.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
  const report = (await (await opened).page())!;
  await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
  return report;
}
