import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../utils/audit/schema';
import { auditRecordSchema, RESOURCE_TYPES } from '../../../utils/audit/schema';
import { PrivacyPass } from '../../../utils/privacy/pass';
import { bareSrcset, bareUrl, pageUrl } from '../../../utils/privacy/urls';
import { TypedMatcher } from '../../../utils/privacy/typed';
import { pageSchema, type Page } from '../../../utils/schema/page';
import { signalSchema, type Signal } from '../../../utils/schema/evidence';

const pass = new PrivacyPass(['Maëlys Quenouillard', '(555) 123-4567']);

describe('typed values, wherever they come back', () => {
  const m = new TypedMatcher(['Maëlys Quenouillard']);
  it.each([
    ['as typed', 'Merci Maëlys Quenouillard', 'Merci ****** ************'],
    ['in capitals', 'MERCI MAËLYS QUENOUILLARD', 'MERCI ****** ************'],
    ['without accents', 'merci maelys', 'merci ******'],
    ['URL-encoded', 'n=Ma%C3%ABlys%20Quenouillard', 'n=**************************'],
    ['with + for spaces', 'n=Ma%C3%ABlys+Quenouillard', 'n=************************'],
    ['one word of it', 'Chez Quenouillard', 'Chez ************'],
  ])('%s', (_, text, expected) => {
    expect(m.mask(text)).toBe(expected);
  });
});

describe('identifiers the evaluator did not type', () => {
  it.each([
    ['a US phone number', 'Call (555) 987-6543 now'],
    ['a US phone number with dashes', 'Call 555-987-6543'],
    ['a French mobile', 'Tél. 06 98 76 54 32'],
    ['an international number', 'Tel +44 20 7946 0958'],
    ['an e-mail written with %40', 'mailto=jean%40exemple.fr'],
    ['a long random token', 'session=Zk9fA2xQ7bP4mN8cR1tY6wE3'],
    ['a short random token in an error', 'Synchronisation impossible (session errtok-Jx93KqPzVb71)'],
  ])('masks %s', (_, text) => {
    expect(pass.text(text)).not.toMatch(/987|98 76|7946|jean|Zk9fA2|Jx93/);
  });

  it.each([
    'chaussures-derby-cuir-noir-42',
    'product_image_1024x1024.jpg',
    'Réf. SKU-2024-ABC-123',
    'Nouveau : iPhone 15 Pro',
    'Semelle Vibram® XS-Trek 2',
  ])('leaves %j readable', (text) => {
    expect(pass.text(text)).toBe(text);
  });
});

describe('addresses', () => {
  it.each([
    ['https://shop.example/a?b=c#d', 'https://shop.example/a'],
    ['https://user:pw@shop.example/a', 'https://shop.example/a'],
    ['/relative/path?x=1', '/relative/path'],
    ['mailto:jean@exemple.fr', 'mailto:***************'],
    ['tel:+33612345678', 'tel:************'],
    ['data:image/png;base64,AAAA', 'data:image/png'],
  ])('bare %s', (raw, expected) => {
    expect(bareUrl(raw)).toBe(expected);
  });

  it('masks typed values in a page address’s path and route, never in its origin', () => {
    const typed = new PrivacyPass(['123', 'lampe']);
    expect(typed.url('http://127.0.0.1:41231/suivi/123/lampe#/lampe/123')).toBe('http://127.0.0.1:41231/suivi/***/*****#/*****/***');
  });

  it('masks identifiers in a page address’s path, not in an asset’s', () => {
    expect(pageUrl('https://shop.example/account/jean%40exemple.fr/orders')).toBe('https://shop.example/account/*****************/orders');
    expect(pageUrl('https://shop.example/pay/4970101234567893')).toBe('https://shop.example/pay/****************');
    // A hash route keeps its path (masked the same way), never its query; an anchor or data fragment goes.
    expect(pageUrl('https://shop.example/#/search?q=lampe')).toBe('https://shop.example/#/search');
    expect(pageUrl('https://shop.example/app/#!/order-completion/9f3Kq7ZxLw2RtY8v')).toBe('https://shop.example/app/#!/order-completion/****************');
    expect(pageUrl('https://shop.example/produit/lampe#avis')).toBe('https://shop.example/produit/lampe');
    expect(pageUrl('https://shop.example/callback#access_token=abc&x=1')).toBe('https://shop.example/callback');
    expect(pageUrl('#/basket')).toBe('#/basket');
    expect(pageUrl('https://shop.example/checkout/#payment')).toBe('https://shop.example/checkout/#payment');
    expect(pageUrl('https://shop.example/aide#payment')).toBe('https://shop.example/aide');
    expect(bareUrl('https://cdn.example/app.3f2a9c1b7d4e5f6a7b8c9d0e.js')).toBe('https://cdn.example/app.3f2a9c1b7d4e5f6a7b8c9d0e.js');
  });

  it('keeps each srcset candidate with its descriptor', () => {
    expect(bareSrcset('/a.jpg?w=1 1x,/b.jpg?w=2 2x, https://c.example/c,w_400,h_300.jpg?t=1 3x')).toBe('/a.jpg 1x,/b.jpg 2x, https://c.example/c,w_400,h_300.jpg 3x');
    // Without white space it is one address, commas and all, as browsers read it.
    expect(bareSrcset('/a.jpg?t=1,/b.jpg?t=2')).toBe('/a.jpg');
  });
});

describe('records', () => {
  const page: Page = {
    id: '3f2a9c1b-7d4e-4a5b-8c6d-1234567890ab',
    visitId: 'v1',
    tabId: 1,
    url: 'https://shop.example/commande/order-received/1234/?key=wc_order_a1B2c3D4e5F6g',
    title: 'Merci Maëlys',
    startedAt: 1,
    navType: 'navigate',
    vitals: { LCP: { value: 1, rating: 'good', target: 'p[title="Maëlys"]' } },
    autoType: 'confirmation',
    autoTypeReasons: ['url /commande/order-received'],
  };

  it('masks a page: address, title, vitals’ targets; ids and enums stay whole and the page still parses', () => {
    const out = pass.page(page);
    expect(out.url).toBe('https://shop.example/commande/order-received/1234/');
    expect(out.title).toBe('Merci ******');
    expect(out.vitals.LCP?.target).toBe('p[title="******"]');
    expect(out.id).toBe(page.id);
    expect(pageSchema.parse(out)).toEqual(out);
  });

  it('masks a signal’s selector and facts, addresses bare', () => {
    const signal: Signal = {
      id: 's1',
      visitId: 'v1',
      pageId: 'p1',
      type: 'js-error',
      at: 1,
      offset: 0,
      selector: '#hello-Quenouillard',
      facts: { message: 'Token tok_Zk9fA2xQ7bP4mN8cR1tY6wE3 refused for (555) 123-4567', source: 'https://shop.example/app.js?v=1&u=maelys', line: 3 },
    };
    const out = pass.signal(signal);
    expect(JSON.stringify(out)).not.toMatch(/Quenouillard|Zk9fA2|123-4567|maelys/);
    expect(out.facts.source).toBe('https://shop.example/app.js');
    expect(signalSchema.parse(out)).toEqual(out);
  });

  it('masks an audit’s HTML excerpts and keeps its addresses bare', () => {
    const audit: AuditRecord = {
      id: 'a1',
      visitId: 'v1',
      pageId: 'p1',
      at: 1,
      trigger: 'auto',
      status: 'done',
      durationMs: 1,
      accessibility: {
        axeVersion: '4.10',
        violations: [
          {
            ruleId: 'link-name',
            impact: 'serious',
            help: 'Links must have discernible text',
            helpUrl: 'https://dequeuniversity.com/rules/axe/4.10/link-name',
            wcag: ['2.4.4'],
            rgaa: ['6.2'],
            nodes: [{ selector: 'a.user', html: '<a href="https://shop.example/compte?email=m%40x.fr" title="Maëlys"></a>', summary: 'Fix: Maëlys' }],
            nodeCount: 1,
          },
        ],
        incomplete: [],
      },
    };
    const out = pass.audit(audit);
    expect(JSON.stringify(out)).not.toMatch(/Maëlys|m%40x/);
    expect(out.accessibility?.violations[0]?.nodes[0]?.html).toContain('href="https://shop.example/compte"');
    expect(auditRecordSchema.parse(out)).toEqual(out);
  });

  it('masks a speed audit: its addresses bare, its reasons and vitals’ targets masked', () => {
    const url = 'https://shop.example/checkouts/cn/hWN9vQx2Kp7LmR4tZs8YcB3d/information?step=1';
    const audit: AuditRecord = {
      id: 'a2',
      visitId: 'v1',
      pageId: 'p1',
      at: 1,
      trigger: 'auto',
      status: 'done',
      durationMs: 1,
      speed: {
        verdict: 'poor',
        reasons: [{ code: 'large-page', fr: `Page lourde : ${url}`, en: `Heavy page: ${url}` }],
        vitals: { LCP: { value: 5000, rating: 'poor', target: 'img[alt="Maëlys"]' } },
        resources: {
          byType: Object.fromEntries(RESOURCE_TYPES.map((t) => [t, { count: 0, bytes: 0 }])) as NonNullable<AuditRecord['speed']>['resources']['byType'],
          total: { count: 1, bytes: 10 },
          largest: [{ url, type: 'document', bytes: 10 }],
          thirdParty: [],
          thirdPartyShare: 0,
          renderBlocking: [{ url, type: 'document' }],
          oversizedImages: [],
          uncompressed: [{ url, type: 'document', bytes: 10 }],
        },
      },
    };
    const out = pass.audit(audit);
    expect(JSON.stringify(out)).not.toMatch(/hWN9vQx2|step=1|Maëlys/);
    expect(out.speed?.resources.largest[0]?.url).toBe('https://shop.example/checkouts/cn/************************/information');
    expect(auditRecordSchema.parse(out)).toEqual(out);
  });
});

describe('search terms', () => {
  it('are masked where they come back whole, not word by word (their words are the shop’s own)', () => {
    const search = new PrivacyPass([], ['lampe zinnwaldite']);
    expect(search.text('Résultats pour « LAMPE ZINNWALDITE » : Lampe baladeuse en laiton')).toBe('Résultats pour « ***** *********** » : Lampe baladeuse en laiton');
  });
});
