import { describe, expect, it } from 'vitest';
import { routeOf } from '../../../utils/journey/route-url';

describe('routeOf', () => {
  it.each([
    ['https://shop.example/cart?x=1', '/cart', '?x=1'],
    ['https://shop.example/#/search?q=lamp', '/search', '?q=lamp'],
    ['https://shop.example/#!/basket', '/basket', ''],
    ['https://shop.example/app/#/basket', '/basket', ''],
    ['https://shop.example/?utm=1#/order-completion/5267-abc', '/order-completion/5267-abc', ''],
    ['https://shop.example/#/', '/', ''],
    ['https://shop.example/#/product/1#reviews', '/product/1', ''],
    ['https://shop.example/#reviews', '/', ''],
    ['https://shop.example/products/mug?variant=2#reviews', '/products/mug', '?variant=2'],
    ['https://shop.example/checkout/#payment', '/checkout/', ''],
    ['/relative/path?q=a', '/relative/path', '?q=a'],
  ])('%s → %s %s', (url, path, search) => {
    expect(routeOf(url)).toEqual({ path, search });
  });

  it('gives an empty route for an unparsable address', () => {
    expect(routeOf('http://[bad')).toEqual({ path: '', search: '' });
  });
});
