import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sameDocument, tabShows } from '../../../entrypoints/background/tabs';
import { tabsShow } from './support';

/** Whether a tab still shows a page: work on the tab would else measure another document. */

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('sameDocument', () => {
  it.each([
    ['https://shop.example/panier', 'https://shop.example/panier#livraison', true],
    ['https://shop.example/panier#a', 'https://shop.example/panier#b', true],
    ['https://shop.example/panier', 'https://shop.example/panier?step=2', false],
    ['https://shop.example/panier', 'https://shop.example/paiement', false],
  ])('%s and %s → %s', (a, b, same) => {
    expect(sameDocument(a, b)).toBe(same);
  });
});

describe('tabShows', () => {
  const page = { tabId: 1, url: 'https://shop.example/panier' };

  it('is true while the tab shows the page’s document, whatever its fragment', async () => {
    const get = tabsShow({ 1: { url: 'https://shop.example/panier#top' } });
    expect(await tabShows(page)).toBe(true);
    expect(get).toHaveBeenCalledWith(1);
  });

  it('compares the stored (bare) address with the tab’s whole one: a search page shows whatever its query', async () => {
    tabsShow({ 1: { url: 'https://shop.example/recherche?q=derby' } });
    expect(await tabShows({ tabId: 1, url: 'https://shop.example/recherche' })).toBe(true);
  });

  it('tells the routes of a hash-routed shop apart, not its in-page anchors', async () => {
    tabsShow({ 1: { url: 'https://shop.example/#/basket' } });
    expect(await tabShows({ tabId: 1, url: 'https://shop.example/#/basket' })).toBe(true);
    expect(await tabShows({ tabId: 1, url: 'https://shop.example/#/search' })).toBe(false);
    tabsShow({ 1: { url: 'https://shop.example/#/search?q=lampe' } });
    expect(await tabShows({ tabId: 1, url: 'https://shop.example/#/search' })).toBe(true);
  });

  it('is false once the tab went elsewhere, hides its address, or was closed', async () => {
    tabsShow({ 1: { url: 'https://shop.example/paiement' } });
    expect(await tabShows(page)).toBe(false);
    tabsShow({ 1: { url: undefined } });
    expect(await tabShows(page)).toBe(false);
    tabsShow({});
    expect(await tabShows(page)).toBe(false);
  });
});
