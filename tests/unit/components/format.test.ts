import { describe, expect, it } from 'vitest';
import { shortUrl } from '../../../components/ui/format';

describe('shortUrl', () => {
  it.each([
    ['https://shop.example/produit/derby?ref=1', 'shop.example/produit/derby?ref=1'],
    ['https://shop.example/#/basket', 'shop.example/#/basket'],
    ['https://shop.example/app/#!/product/42', 'shop.example/app/#!/product/42'],
    ['https://shop.example/produit/derby#avis', 'shop.example/produit/derby'],
    ['https://shop.example/checkout/#payment', 'shop.example/checkout/#payment'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, short) => {
    expect(shortUrl(url)).toBe(short);
  });
});
