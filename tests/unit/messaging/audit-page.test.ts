import { describe, expect, it } from 'vitest';
import { bareUrl, parseAuditRequest } from '../../../utils/messaging/audit-page';

const request = { type: 'page/audit', timeLimitMs: 30_000, checks: { accessibility: true, speed: false } };

describe('parseAuditRequest', () => {
  it.each([request, { ...request, timeLimitMs: 0.5, checks: { accessibility: false, speed: true } }])('accepts %j as it is', (r) => {
    expect(parseAuditRequest(r)).toEqual(r);
  });

  it('keeps only the declared fields, in a fresh object', () => {
    const sent = { ...request, evil: true, checks: { ...request.checks, extra: 1 } };
    const parsed = parseAuditRequest(sent);
    expect(parsed).toEqual(request);
    expect(parsed?.checks).not.toBe(sent.checks);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an array', [request]],
    ['another type', { ...request, type: 'capture/measure' }],
    ['no time limit', { type: 'page/audit', checks: request.checks }],
    ['a time limit of 0', { ...request, timeLimitMs: 0 }],
    ['a negative time limit', { ...request, timeLimitMs: -1 }],
    ['an endless time limit', { ...request, timeLimitMs: Infinity }],
    ['a time limit of NaN', { ...request, timeLimitMs: NaN }],
    ['a time limit as text', { ...request, timeLimitMs: '30000' }],
    ['no checks', { type: 'page/audit', timeLimitMs: 1000 }],
    ['checks as an array', { ...request, checks: [true, true] }],
    ['a check that is not a boolean', { ...request, checks: { accessibility: 1, speed: true } }],
    ['a missing check', { ...request, checks: { accessibility: true } }],
  ])('refuses %s', (_label, value) => {
    expect(parseAuditRequest(value)).toBeUndefined();
  });
});

describe('bareUrl', () => {
  it.each([
    ['https://shop.example/api/cart?email=jane@example.com#top', undefined, 'https://shop.example/api/cart'],
    ['http://127.0.0.1:4173/', undefined, 'http://127.0.0.1:4173/'],
    ['/img/hero-xl.png?v=3', 'http://127.0.0.1:4173/livraison', 'http://127.0.0.1:4173/img/hero-xl.png'],
    ['data:image/png;base64,iVBORw0KGgo=', undefined, 'data:image/png'],
    ['blob:https://shop.example/1b2c-3d4e', undefined, 'blob:https://shop.example/1b2c-3d4e'],
    ['not a url?token=1', undefined, 'not a url'],
  ])('%s → %s', (raw, base, bare) => {
    expect(bareUrl(raw, base)).toBe(bare);
  });

  it('cuts a very long address to 500 characters', () => {
    const bare = bareUrl(`https://shop.example/${'a'.repeat(2000)}?q=1`);
    expect(bare).toHaveLength(500);
    expect(bare.endsWith('…')).toBe(true);
  });
});
