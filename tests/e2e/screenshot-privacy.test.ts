import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/automation/extension-data';
import { pathOf, readEvidence, readImage, type EvidenceDump } from '../../scripts/automation/evidence-data';
import { ocr } from './support/images';
import { SECRETS } from '../../scripts/automation/journey';
import { openSession, type Session } from './support/session';

/**
 * A whole purchase, with the planted card typed into the payment form and a screenshot taken there;
 * OCR of the image must read the form but not the card.
 */
describe('a purchase through to the confirmation, in Chromium', () => {
  let session: Session;
  let dump: EvidenceDump;
  let paymentText: string;

  beforeAll(async () => {
    session = await openSession({ path: '/produit/derby-cuir' });
    const { journey, panel } = session;
    await panel.start();
    await journey.addToCart();
    await journey.clickAndLoad('#cart-drawer-link');
    // A shopper reads the cart before going on: long enough for its arrival to be captured.
    await until(() => readEvidence(panel.page), (d) => d.screenshots.some((s) => s.stage === 'cart'), 'the cart’s capture');
    await journey.clickAndLoad('#checkout-link');
    await journey.checkout();
    await journey.fillCard();
    await panel.waitForTypes(['product', 'cart', 'checkout', 'payment']);
    await new Promise((r) => setTimeout(r, 3000));
    console.log('capture', await journey.page.evaluate(() => Math.round(performance.now())));
    const id = await panel.capture('visible');
    console.log('captured', await journey.page.evaluate(() => Math.round(performance.now())));
    const image = await readImage(panel.page, id);
    if (process.env.MYSTERE_KEEP_SHOTS) writeFileSync(process.env.MYSTERE_KEEP_SHOTS, image);
    paymentText = ocr(image);
    await journey.clickAndLoad('#pay-button');
    await panel.waitForTypes(['product', 'cart', 'checkout', 'payment', 'confirmation']);
    await panel.stop();
    dump = await until(() => readEvidence(panel.page), (d) => d.visits[0]?.outcome !== undefined, 'the visit’s outcome');
  }, 120_000);

  afterAll(() => session?.close());

  it('reads the payment form’s labels, and other figures, in the screenshot', () => {
    expect(paymentText).toMatch(/Num[ée]ro de carte/);
    expect(paymentText).toMatch(/Nom sur la carte/);
    // OCR does read figures on this page: the delivery cost is there.
    expect(paymentText).toMatch(/12[,.]90/);
  });

  it('does not show the card number typed into the form', () => {
    const digits = paymentText.replace(/[^0-9]/g, '');
    expect(digits).not.toContain('4111');
    expect(digits).not.toContain(SECRETS.card.replace(/ /g, '').slice(-4));
  });

  it('gives the outcome converted', () => {
    expect(dump.visits[0]!.outcome).toMatchObject({ kind: 'converted', stage: 'confirmation' });
    expect(dump.abandonments).toEqual([]);
  });

  it('captured the payment page when asked, and each stage on arrival', () => {
    expect(dump.screenshots.filter((s) => s.trigger === 'button').map((s) => pathOf(dump, s.pageId))).toEqual(['/paiement']);
    const stages = dump.screenshots.filter((s) => s.trigger === 'stage').sort((a, b) => a.at - b.at);
    expect(stages.map((s) => s.stage)).toEqual([
      'product',
      'cart',
      'checkout',
      'payment',
      'confirmation',
    ]);
  });
});

/**
 * The gift-card page: a message in an editable region, a canvas drawing the recipient's name, a
 * newsletter field in a closed shadow root, and 6 000 partner shops (over 40 000 text nodes) before
 * a bar showing a gift-card code at the foot of the viewport. OCR of the capture must read the page
 * but none of these.
 */
describe('a gift-card page with hidden corners and a very large list, in Chromium', () => {
  let session: Session;
  let text: string;

  beforeAll(async () => {
    session = await openSession({ path: '/carte-cadeau' });
    const { journey, panel } = session;
    await journey.page.waitForSelector('body[data-gift-ready="1"]');
    await panel.start();
    const id = await panel.capture('visible');
    const image = await readImage(panel.page, id);
    if (process.env.MYSTERE_KEEP_SHOTS) writeFileSync(process.env.MYSTERE_KEEP_SHOTS, image);
    text = ocr(image);
  }, 120_000);

  afterAll(() => session?.close());

  it('reads the page’s own text, the bar at the foot of the viewport included', () => {
    expect(text).toMatch(/Offrir une carte cadeau/);
    expect(text).toMatch(/Recevoir la newsletter/);
    expect(text).toMatch(/6 000 partenaires/);
    expect(text).toMatch(/code carte cadeau/);
  });

  it('does not show the e-mail in the closed shadow root’s field', () => {
    expect(text).not.toMatch(/berenice|canari/i);
  });

  it('does not show what the canvas draws', () => {
    expect(text).not.toMatch(/ANATOLE/i);
  });

  it('does not show the editable message', () => {
    expect(text).not.toMatch(/CAPUCINE/i);
  });

  it('does not show the code written after 40 000 text nodes', () => {
    const digits = text.replace(/[^0-9]/g, '');
    expect(digits).not.toContain('6280');
    expect(digits).not.toContain('5561');
  });
});
