import { describe, expect, it } from 'vitest';
import { requestFactSchema } from '../../../utils/friction/facts';
import { failedRequestFact, type RequestDetails } from '../../../utils/friction/requests';
import { bareUrl } from '../../../utils/privacy/urls';

const T = 1_700_000_000_000.5;

const details = (over: Partial<RequestDetails> = {}): RequestDetails => ({
  tabId: 7,
  url: 'https://shop.example/api/cart?item=12&email=jane%40example.com#top',
  method: 'POST',
  type: 'xmlhttprequest',
  timeStamp: T,
  statusCode: 500,
  ...over,
});

describe('failedRequestFact', () => {
  it('makes a fact of an HTTP error, without the query', () => {
    expect(failedRequestFact(details())).toStrictEqual({
      kind: 'request',
      t: T,
      url: 'https://shop.example/api/cart',
      method: 'POST',
      status: 500,
      resource: 'fetch',
    });
  });

  it.each([
    [200, false],
    [304, false],
    [399, false],
    [400, true],
    [404, true],
    [599, true],
  ])('status %i: %s', (statusCode, failed) => {
    expect(failedRequestFact(details({ statusCode }))?.status).toBe(failed ? statusCode : undefined);
  });

  it('makes a network error status 0, with its error', () => {
    const fact = failedRequestFact(details({ statusCode: undefined, error: 'net::ERR_CONNECTION_REFUSED', method: 'GET' }));
    expect(fact).toMatchObject({ status: 0, error: 'net::ERR_CONNECTION_REFUSED', method: 'GET' });
  });

  it.each(['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT'])('makes %s a fact too, which the benign list then counts instead of showing', (error) => {
    expect(failedRequestFact(details({ statusCode: undefined, error }))).toMatchObject({ status: 0, error });
  });

  it('ignores requests outside any tab', () => {
    expect(failedRequestFact(details({ tabId: -1 }))).toBeUndefined();
  });

  it('ignores a completion without a status', () => {
    expect(failedRequestFact(details({ statusCode: undefined }))).toBeUndefined();
  });

  it.each([
    ['main_frame', 'document'],
    ['sub_frame', 'frame'],
    ['xmlhttprequest', 'fetch'],
    ['ping', 'beacon'],
    ['beacon', 'beacon'],
    ['csp_report', 'beacon'],
    ['script', 'other'],
    ['image', 'other'],
    ['stylesheet', 'other'],
    ['something new', 'other'],
  ])('names a %s a %s', (type, resource) => {
    expect(failedRequestFact(details({ type }))?.resource).toBe(resource);
  });

  it('cuts every field to what its schema holds', () => {
    const fact = failedRequestFact(
      details({ url: `https://shop.example/${'a'.repeat(3000)}`, method: 'PROPPATCHEXTRA', statusCode: undefined, error: 'e'.repeat(300) }),
    );
    expect(requestFactSchema.safeParse(fact).success).toBe(true);
    expect(fact?.url).toHaveLength(2000);
  });

  it('makes facts its schema accepts', () => {
    for (const over of [{}, { statusCode: 404, type: 'main_frame' }, { statusCode: undefined, error: 'NS_ERROR_UNKNOWN_HOST' }]) {
      expect(requestFactSchema.safeParse(failedRequestFact(details(over))).success).toBe(true);
    }
  });
});

describe('bareUrl', () => {
  it.each([
    ['a query and a fragment', 'https://shop.example/search?q=jane#results', 'https://shop.example/search'],
    ['credentials', 'https://user:secret@shop.example/a', 'https://shop.example/a'],
    ['a plain URL', 'https://shop.example/panier', 'https://shop.example/panier'],
    ['a port', 'http://127.0.0.1:8080/api?x=1', 'http://127.0.0.1:8080/api'],
    ['no path', 'https://shop.example?x=1', 'https://shop.example/'],
    ['something that is no URL', 'not a url?secret=1', 'not a url'],
  ])('drops %s', (_, url, bare) => {
    expect(bareUrl(url)).toBe(bare);
  });
});
