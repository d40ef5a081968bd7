import { describe, expect, it } from 'vitest';
import { speedAuditSchema, type ResourceFact } from '../../../utils/audit/schema';
import { analyseSpeed, rateVital, resourceType, siteOf, summariseVisit, type SpeedFacts } from '../../../utils/audit/speed';

const SHOP = 'http://127.0.0.1:4173';

/** A resource as Resource Timing gives it; compressed unless said otherwise. */
function res(name: string, initiatorType: string, bytes: number, over: Partial<ResourceFact> = {}): ResourceFact {
  return { name, initiatorType, transferSize: Math.round(bytes * 0.3) + 300, encodedBodySize: Math.round(bytes * 0.3), decodedBodySize: bytes, ...over };
}
/** A text resource sent as it is (the fixture shop compresses nothing). */
const plain = (name: string, initiatorType: string, bytes: number, over: Partial<ResourceFact> = {}) =>
  res(name, initiatorType, bytes, { transferSize: bytes + 300, encodedBodySize: bytes, decodedBodySize: bytes, ...over });

function facts(over: Partial<SpeedFacts> = {}): SpeedFacts {
  return {
    url: `${SHOP}/`,
    vitals: {},
    resources: [res(`${SHOP}/`, 'navigation', 30_000)],
    images: [],
    dpr: 1,
    ...over,
  };
}

const timing = (ttfb: number) => ({ redirect: 0, dns: 0, connect: 1, ttfb, domContentLoaded: ttfb + 120, load: ttfb + 300 });

describe('the fixture shop', () => {
  it('finds /livraison poor: the server waits 2.5 s before answering', () => {
    const audit = analyseSpeed(
      facts({
        url: `${SHOP}/livraison`,
        timing: timing(2507),
        resources: [
          plain(`${SHOP}/livraison`, 'navigation', 6200),
          plain(`${SHOP}/css/shop.css`, 'link', 18_000, { renderBlockingStatus: 'blocking' }),
          plain(`${SHOP}/js/shop.js`, 'script', 7400),
          res(`${SHOP}/img/logo.svg`, 'img', 451, { transferSize: 751, encodedBodySize: 451, decodedBodySize: 451 }),
        ],
      }),
    );
    expect(audit.verdict).toBe('poor');
    expect(audit.reasons[0]).toEqual({
      code: 'ttfb',
      fr: 'Le serveur a mis 2,5\u00a0s à répondre (TTFB)',
      en: 'The server took 2.5 s to respond (TTFB)',
    });
    // The shop compresses nothing either: a second, lesser cause.
    expect(audit.reasons.map((r) => r.code)).toEqual(['ttfb', 'uncompressed']);
    expect(audit.reasons[1]!.en).toBe('3 text files are sent uncompressed (32 kB), including /css/shop.css');
    expect(audit.resources.renderBlocking).toEqual([{ url: `${SHOP}/css/shop.css`, type: 'style' }]);
    expect(audit.timing?.ttfb).toBe(2507);
    expect(speedAuditSchema.parse(audit)).toEqual(audit);
  });

  it('finds the home page’s 3000×2000 PNG shown 300 px wide', () => {
    const audit = analyseSpeed(
      facts({
        resources: [
          res(`${SHOP}/`, 'navigation', 30_000),
          res(`${SHOP}/img/hero-xl.png`, 'img', 0, { transferSize: 1_400_300, encodedBodySize: 1_400_000, decodedBodySize: 1_400_000 }),
        ],
        images: [
          { src: `${SHOP}/img/hero-xl.png`, naturalWidth: 3000, naturalHeight: 2000, shownWidth: 300, shownHeight: 200 },
          { src: `${SHOP}/img/derby-cuir.svg`, naturalWidth: 300, naturalHeight: 200, shownWidth: 150, shownHeight: 100 },
        ],
      }),
    );
    expect(audit.verdict).toBe('needs-improvement');
    expect(audit.resources.oversizedImages).toEqual([
      { url: `${SHOP}/img/hero-xl.png`, naturalWidth: 3000, naturalHeight: 2000, shownWidth: 300, shownHeight: 200, bytes: 1_400_300 },
    ]);
    expect(audit.reasons).toEqual([
      {
        code: 'oversized-image',
        fr: 'L’image /img/hero-xl.png fait 3000×2000\u00a0px mais s’affiche en 300×200 (1,4\u00a0Mo)',
        en: 'Image /img/hero-xl.png is 3000×2000 px, shown at 300×200 (1.4 MB)',
      },
    ]);
    expect(audit.resources.byType.image).toEqual({ count: 1, bytes: 1_400_300 });
    expect(audit.resources.largest[0]).toEqual({ url: `${SHOP}/img/hero-xl.png`, type: 'image', bytes: 1_400_300 });
  });
});

describe('analyseSpeed', () => {
  it('finds a fast, light page good, with no reason', () => {
    const audit = analyseSpeed(facts({ timing: timing(120), vitals: { LCP: { value: 900, rating: 'good' }, CLS: { value: 0, rating: 'good' } } }));
    expect(audit).toMatchObject({ verdict: 'good', reasons: [] });
  });

  it.each([
    [799, 'good'],
    [801, 'needs-improvement'],
    [1800, 'needs-improvement'],
    [1801, 'poor'],
  ])('rates a TTFB of %i ms %s', (ttfb, verdict) => {
    expect(analyseSpeed(facts({ timing: timing(ttfb) })).verdict).toBe(verdict);
  });

  it('reads TTFB from the vitals first, and says it once', () => {
    const audit = analyseSpeed(facts({ timing: timing(700), vitals: { TTFB: { value: 950, rating: 'needs-improvement' } } }));
    expect(audit.reasons).toEqual([{ code: 'ttfb', fr: 'Le serveur a mis 950\u00a0ms à répondre (TTFB)', en: 'The server took 950 ms to respond (TTFB)' }]);
  });

  it('gives a reason per vital to improve, the poor ones first', () => {
    const audit = analyseSpeed(
      facts({
        vitals: {
          LCP: { value: 3100, rating: 'needs-improvement' },
          CLS: { value: 0.16, rating: 'needs-improvement' },
          INP: { value: 640, rating: 'poor' },
          FCP: { value: 900, rating: 'good' },
        },
      }),
    );
    expect(audit.verdict).toBe('poor');
    expect(audit.reasons.map((r) => r.code)).toEqual(['inp', 'lcp', 'cls']);
    expect(audit.reasons[2]).toEqual({ code: 'cls', fr: 'La mise en page s’est décalée de 0,16 (CLS)', en: 'The layout shifted by 0.16 (CLS)' });
    expect(audit.reasons[1]!.fr).toBe('Le plus grand élément de la page s’est affiché au bout de 3,1\u00a0s (LCP)');
  });

  it.each([
    [1_900_000, 'good'],
    [2_500_000, 'needs-improvement'],
    [5_200_000, 'poor'],
  ])('rates a page of %i bytes %s', (bytes, verdict) => {
    const f = facts({ resources: [res(`${SHOP}/`, 'navigation', 10_000, { transferSize: 10_000 }), res(`${SHOP}/a.jpg`, 'img', 0, { transferSize: bytes - 10_000, encodedBodySize: bytes - 10_000, decodedBodySize: bytes - 10_000 })] });
    const audit = analyseSpeed(f);
    expect(audit.verdict).toBe(verdict);
    expect(audit.resources.total.bytes).toBe(bytes);
    if (verdict !== 'good') expect(audit.reasons.find((r) => r.code === 'weight')?.fr).toMatch(/^La page pèse \d,\d\u00a0Mo, dont \d,\d\u00a0Mo d’images \(seuil\u00a0: \d\u00a0Mo\)$/);
  });

  it('counts a cached resource by its encoded body', () => {
    const audit = analyseSpeed(facts({ resources: [res(`${SHOP}/app.js`, 'script', 0, { transferSize: 0, encodedBodySize: 5000, decodedBodySize: 20_000 })] }));
    expect(audit.resources.total).toEqual({ count: 1, bytes: 5000 });
  });

  describe('oversized images', () => {
    const img = (naturalWidth: number, naturalHeight: number, shownWidth: number, shownHeight: number, src = `${SHOP}/i.jpg`) => ({
      src,
      naturalWidth,
      naturalHeight,
      shownWidth,
      shownHeight,
    });
    it.each([
      ['twice as large and a bit', img(601, 401, 300, 200), 1, true],
      ['exactly twice as large', img(600, 400, 300, 200), 1, false],
      ['exactly twice as wide', img(600, 900, 300, 200), 1, false],
      ['exactly twice as tall', img(900, 400, 300, 200), 1, false],
      ['large on a 2× screen', img(3000, 2000, 300, 200), 2, true],
      ['fitting a 3× screen', img(3000, 2000, 600, 400), 3, false],
      ['too wide only', img(3000, 200, 300, 200), 1, false],
      ['not laid out (hidden)', img(3000, 2000, 0, 0), 1, false],
      // Zoomed out: more pixels than the screen shows, but not four times the layout's area.
      ['zoomed out (pixel ratio 0.5)', img(301, 201, 300, 200), 0.5, false],
      ['much too large even zoomed out', img(1300, 900, 300, 200), 0.5, true],
    ])('%s: %s', (_label, image, dpr, oversized) => {
      expect(analyseSpeed(facts({ images: [image], dpr })).resources.oversizedImages).toHaveLength(oversized ? 1 : 0);
    });

    it('judges an image shown twice by its largest display', () => {
      const audit = analyseSpeed(facts({ images: [img(1000, 1000, 100, 100), img(1000, 1000, 600, 600)] }));
      expect(audit.resources.oversizedImages).toEqual([]);
    });

    it('keeps twenty, and the reason counts all the others', () => {
      const images = Array.from({ length: 30 }, (_, i) => img(3000, 2000, 300, 200, `${SHOP}/p/${i}.jpg`));
      const audit = analyseSpeed(facts({ images }));
      expect(audit.resources.oversizedImages).toHaveLength(20);
      expect(audit.reasons[0]).toMatchObject({
        fr: 'L’image /p/0.jpg fait 3000×2000\u00a0px mais s’affiche en 300×200\u00a0; 29 autres images dans ce cas',
        en: 'Image /p/0.jpg is 3000×2000 px, shown at 300×200; 29 more images like it',
      });
    });
  });

  describe('uncompressed text', () => {
    it.each([
      ['a plain script over 2 kB', plain(`${SHOP}/a.js`, 'script', 2001), true],
      ['a plain script of 2 kB', plain(`${SHOP}/a.js`, 'script', 2000), false],
      ['a compressed script', res(`${SHOP}/a.js`, 'script', 50_000), false],
      ['a cached script (transfer 0)', plain(`${SHOP}/a.js`, 'script', 50_000, { transferSize: 0 }), false],
      ['another origin hiding its sizes', res('https://cdn.example/a.js', 'script', 0, { transferSize: 0, encodedBodySize: 0, decodedBodySize: 0 }), false],
      ['a plain fetch', plain(`${SHOP}/api/stock`, 'fetch', 9000), true],
      ['a plain document', plain(`${SHOP}/`, 'navigation', 9000), true],
      ['an image (compressed by its format)', plain(`${SHOP}/a.png`, 'img', 90_000), false],
    ])('%s: %s', (_label, resource, flagged) => {
      const audit = analyseSpeed(facts({ resources: [resource] }));
      expect(audit.resources.uncompressed).toHaveLength(flagged ? 1 : 0);
      expect(audit.verdict).toBe(flagged ? 'needs-improvement' : 'good');
    });

    it('names the page’s own document for what it is', () => {
      const audit = analyseSpeed(facts({ url: `${SHOP}/livraison`, resources: [plain(`${SHOP}/livraison`, 'navigation', 6200)] }));
      expect(audit.reasons[0]).toMatchObject({
        fr: 'Le document de la page (/livraison) est envoyé sans compression (6\u00a0ko)',
        en: 'The page’s document (/livraison) is sent uncompressed (6 kB)',
      });
    });

    it('names a single file', () => {
      const audit = analyseSpeed(facts({ resources: [plain(`${SHOP}/js/app.js`, 'script', 45_000)] }));
      expect(audit.reasons[0]).toEqual({
        code: 'uncompressed',
        fr: 'Le fichier texte /js/app.js est envoyé sans compression (45\u00a0ko)',
        en: 'Text file /js/app.js is sent uncompressed (45 kB)',
      });
    });
  });

  it('tells third parties from the page’s own site', () => {
    const audit = analyseSpeed(
      facts({
        url: 'https://www.boutique.fr/produit/derby',
        resources: [
          res('https://www.boutique.fr/produit/derby', 'navigation', 0, { transferSize: 40_000 }),
          res('https://cdn.boutique.fr/app.js', 'script', 0, { transferSize: 100_000 }),
          res('https://www.googletagmanager.com/gtm.js?id=GTM-XYZ', 'script', 0, { transferSize: 60_000 }),
          res('https://www.googletagmanager.com/gtag/js', 'script', 0, { transferSize: 20_000 }),
          res('https://static.hotjar.com/c/hotjar.js', 'script', 0, { transferSize: 30_000 }),
          res('https://www.boutique.co.uk/x.css', 'css', 0, { transferSize: 50_000 }),
        ],
      }),
    );
    expect(audit.resources.thirdParty).toEqual([
      { origin: 'https://www.googletagmanager.com', count: 2, bytes: 80_000 },
      { origin: 'https://www.boutique.co.uk', count: 1, bytes: 50_000 },
      { origin: 'https://static.hotjar.com', count: 1, bytes: 30_000 },
    ]);
    expect(audit.resources.thirdPartyShare).toBeCloseTo(160 / 300);
  });

  it('counts the shop’s payment provider on localhost as a third party', () => {
    const audit = analyseSpeed(facts({ resources: [res(`${SHOP}/`, 'navigation', 0, { transferSize: 1000 }), res('http://localhost:4173/psp/card-frame.html', 'iframe', 0, { transferSize: 1000 })] }));
    expect(audit.resources.thirdParty).toEqual([{ origin: 'http://localhost:4173', count: 1, bytes: 1000 }]);
    expect(audit.resources.thirdPartyShare).toBe(0.5);
  });

  it('stores addresses without query string or fragment', () => {
    const audit = analyseSpeed(
      facts({
        resources: [res(`${SHOP}/api/cart?email=jane@example.com#step`, 'fetch', 0, { transferSize: 3000, encodedBodySize: 2800, decodedBodySize: 2800 })],
        images: [{ src: `${SHOP}/big.jpg?token=secret`, naturalWidth: 4000, naturalHeight: 4000, shownWidth: 100, shownHeight: 100 }],
      }),
    );
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/jane|secret|step|\?/);
    expect(audit.resources.uncompressed[0]!.url).toBe(`${SHOP}/api/cart`);
  });

  it('sums kinds, keeps the five heaviest, and stays within the schema’s bounds', () => {
    const resources = [
      ...Array.from({ length: 40 }, (_, i) => plain(`${SHOP}/s/${i}.js`, 'script', 3000 + i, { renderBlockingStatus: 'blocking' })),
      res(`${SHOP}/f.woff2`, 'css', 0, { transferSize: 25_000 }),
      res(`${SHOP}/other`, 'other', 0, { transferSize: 10 }),
    ];
    const audit = analyseSpeed(facts({ resources }));
    expect(audit.resources.byType.script.count).toBe(40);
    expect(audit.resources.byType.font).toEqual({ count: 1, bytes: 25_000 });
    expect(audit.resources.largest.map((l) => l.bytes)).toEqual([25_000, 3339, 3338, 3337, 3336]);
    expect(audit.resources.renderBlocking).toHaveLength(30);
    expect(audit.resources.uncompressed).toHaveLength(20);
    // The reason counts every file found, not the twenty kept.
    expect(audit.reasons.find((r) => r.code === 'uncompressed')?.en).toBe('40 text files are sent uncompressed (121 kB), including /s/39.js');
    expect(speedAuditSchema.safeParse(audit).success).toBe(true);
  });
});

describe('resourceType', () => {
  it.each([
    [`${SHOP}/`, 'navigation', undefined, 'document'],
    [`${SHOP}/psp/card-frame.html`, 'iframe', undefined, 'document'],
    [`${SHOP}/api/stock`, 'fetch', undefined, 'fetch'],
    [`${SHOP}/api/x.js`, 'xmlhttprequest', undefined, 'fetch'],
    [`${SHOP}/css/shop.css`, 'link', undefined, 'style'],
    [`${SHOP}/css/print.css`, 'css', undefined, 'style'],
    [`${SHOP}/fonts/a.woff2`, 'css', undefined, 'font'],
    [`${SHOP}/fonts/a.ttf`, 'link', undefined, 'font'],
    [`${SHOP}/img/bg.webp`, 'css', undefined, 'image'],
    [`${SHOP}/image.php`, 'img', undefined, 'image'],
    [`${SHOP}/js/shop.js`, 'script', undefined, 'script'],
    [`${SHOP}/loader`, 'script', undefined, 'script'],
    [`${SHOP}/styles`, 'link', 'text/css', 'style'],
    [`${SHOP}/font`, 'other', 'font/woff2', 'font'],
    [`${SHOP}/manifest.json`, 'link', undefined, 'other'],
  ])('%s started by %s (%s) is a %s', (name, initiatorType, contentType, type) => {
    expect(resourceType({ name, initiatorType, ...(contentType ? { contentType } : {}) })).toBe(type);
  });
});

describe('siteOf', () => {
  it.each([
    ['www.boutique.fr', 'boutique.fr'],
    ['cdn.static.boutique.fr', 'boutique.fr'],
    ['boutique.fr', 'boutique.fr'],
    ['shop.boutique.co.uk', 'boutique.co.uk'],
    ['www.service-public.gouv.fr', 'service-public.gouv.fr'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['[::1]', '[::1]'],
  ])('%s belongs to %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe('summariseVisit', () => {
  const page = (verdict: 'good' | 'needs-improvement' | 'poor', lcp?: number, reasons = verdict === 'good' ? 0 : 1) => ({
    verdict,
    reasons: Array.from({ length: reasons }, () => ({ code: 'x', fr: 'x', en: 'x' })),
    vitals: lcp === undefined ? {} : { LCP: { value: lcp, rating: rateVital('LCP', lcp) } },
  });

  it('says nothing of a visit without measures', () => {
    expect(summariseVisit([])).toEqual({ pages: 0, median: {} });
  });

  it('names the worst page and the median vitals', () => {
    const summary = summariseVisit([page('good', 1200), page('poor', 5200), page('needs-improvement', 3000), page('good')]);
    expect(summary.pages).toBe(4);
    expect(summary.worst).toEqual({ index: 1, verdict: 'poor', vitals: { LCP: { value: 5200, rating: 'poor' } } });
    expect(summary.median).toEqual({ LCP: { value: 3000, rating: 'needs-improvement' } });
  });

  it('on a tie, takes the page with more reasons', () => {
    expect(summariseVisit([page('poor', 4100, 1), page('poor', 4100, 3), page('poor', 4100, 2)]).worst?.index).toBe(1);
  });
});

describe('rateVital', () => {
  it.each([
    ['LCP', 2500, 'good'],
    ['LCP', 2501, 'needs-improvement'],
    ['LCP', 4001, 'poor'],
    ['CLS', 0.1, 'good'],
    ['CLS', 0.26, 'poor'],
    ['INP', 201, 'needs-improvement'],
    ['TTFB', 1801, 'poor'],
  ] as const)('rates %s %d as %s', (name, value, rating) => {
    expect(rateVital(name, value)).toBe(rating);
  });
});
