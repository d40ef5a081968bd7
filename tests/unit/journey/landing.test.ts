import { describe, expect, it } from 'vitest';
import { analyseLanding, classifyOverlay, type OverlaySample } from '../../../utils/journey/landing';
import { landingSchema, type OverlayKind } from '../../../utils/schema/evidence';

describe('classifyOverlay', () => {
  it.each<[string, OverlayKind]>([
    ['cookie-banner cookie-banner votre vie privée nous importe', 'cookie-banner'],
    ['didomi-popup', 'cookie-banner'],
    ['onetrust-banner-sdk we value your privacy', 'cookie-banner'],
    ['tarteaucitronroot', 'cookie-banner'],
    ['axeptio_overlay', 'cookie-banner'],
    ['qc-cmp2-container', 'cookie-banner'],
    ['modal nous utilisons des traceurs pour mesurer l’audience', 'cookie-banner'],
    ['gdpr-notice', 'cookie-banner'],
    // A consent tool that mentions the newsletter among its purposes is still a consent tool.
    ['consent manage your choices for newsletter personalisation', 'cookie-banner'],
    ['popup inscrivez-vous à notre newsletter', 'newsletter'],
    ['modal subscribe and get early access', 'newsletter'],
    ['promo-modal recevez -10 % sur votre première commande', 'newsletter'],
    ['popup 15 % off your first order: enter your e-mail to get your code', 'newsletter'],
    ['app-banner téléchargez notre application', 'app-prompt'],
    ['smart-banner get the app', 'app-prompt'],
    ['modal disponible sur google play', 'app-prompt'],
    ['banner -10 % dans l’application', 'app-prompt'],
    ['modal visit our store', 'app-prompt'],
    ['modal choisissez votre pays de livraison', 'dialog'],
    ['happy apparel login', 'dialog'],
    ['', 'dialog'],
  ])('%j is %s', (hint, kind) => {
    expect(classifyOverlay(hint)).toBe(kind);
  });
});

const banner = (coverage: number, hint = 'cookie-banner accepter les cookies') => ({ selector: '#cookie-banner', coverage, hint, modal: true });

describe('analyseLanding', () => {
  it('follows the covering element from its first sample to the first sample without it', () => {
    const samples: OverlaySample[] = [
      { t: 100 },
      { t: 350, cover: banner(0.6) },
      { t: 600, cover: banner(0.92) },
      { t: 850, cover: banner(0.8) },
      { t: 1100 },
      { t: 1350, cover: banner(0.9) },
    ];
    const landing = analyseLanding({ samples, fcp: 420, lcp: 900, shifts: [0.05, 0.012345, 0.1], firstInteraction: 1000, observedFor: 10_000 });
    expect(landing).toEqual({
      fcp: 420,
      lcp: 900,
      cls: 0.1623,
      shifts: 3,
      firstInteraction: 1000,
      observedFor: 10_000,
      overlay: { kind: 'cookie-banner', selector: '#cookie-banner', coverage: 0.92, shownAt: 350, dismissedAt: 1100, coveredFor: 750 },
    });
    expect(landingSchema.safeParse(landing).success).toBe(true);
  });

  it('covers until the end of the observation when never dismissed, whatever the order of the samples', () => {
    const samples: OverlaySample[] = [{ t: 900, cover: banner(0.5) }, { t: 400, cover: banner(0.4) }, { t: 150 }];
    expect(analyseLanding({ samples, shifts: [], observedFor: 4000 }).overlay).toEqual({
      kind: 'cookie-banner',
      selector: '#cookie-banner',
      coverage: 0.5,
      shownAt: 400,
      coveredFor: 3600,
    });
  });

  it('counts the first overlay, dismissed when another element covers the page instead', () => {
    const samples: OverlaySample[] = [
      { t: 0, cover: banner(1) },
      { t: 250, cover: { selector: '#newsletter', coverage: 0.7, hint: 'newsletter', modal: true } },
    ];
    const { overlay } = analyseLanding({ samples, shifts: [], observedFor: 500 });
    expect(overlay).toMatchObject({ selector: '#cookie-banner', shownAt: 0, dismissedAt: 250, coveredFor: 250 });
  });

  it('ignores what covers less than 30 % of the viewport', () => {
    const samples: OverlaySample[] = [{ t: 0, cover: { selector: 'header', coverage: 0.2, hint: 'site-header', modal: false } }];
    expect(analyseLanding({ samples, shifts: [], observedFor: 500 }).overlay).toBeUndefined();
  });

  it('classifies from every hint of the series, for text that appears after the box', () => {
    const samples: OverlaySample[] = [
      { t: 0, cover: { selector: '.modal', coverage: 0.5, hint: 'modal', modal: true } },
      { t: 250, cover: { selector: '.modal', coverage: 0.5, hint: 'modal abonnez-vous à notre lettre', modal: true } },
    ];
    expect(analyseLanding({ samples, shifts: [], observedFor: 500 }).overlay?.kind).toBe('newsletter');
  });

  it('reports a quiet page: no shift, no overlay, no interaction', () => {
    expect(analyseLanding({ samples: [{ t: 0 }, { t: 250 }], shifts: [], observedFor: 10_000 })).toEqual({ cls: 0, shifts: 0, observedFor: 10_000 });
  });
});
