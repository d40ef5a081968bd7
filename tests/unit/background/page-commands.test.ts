import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setPageType } from '../../../entrypoints/background/page-commands';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, putVisit } from '../../../utils/db/repository';
import { ProtocolError } from '../../../utils/messaging/receive';
import { visit } from '../db/fixtures';
import { storePage, viewsNotified } from './support';

/** The evaluator corrects a page's type, or gives it back to the classifier. */

beforeEach(async () => {
  fakeBrowser.reset();
  await putVisit(await db(), visit());
  await storePage({ id: 'p1', autoType: 'other', autoTypeReasons: ['no rule matched'] });
});
afterEach(async () => {
  await deleteVisit(await db(), 'v1');
});

describe('setPageType', () => {
  it('stores the evaluator’s type over the classifier’s, and tells the views', async () => {
    await setPageType('p1', 'cart');
    expect(await getPage(await db(), 'p1')).toMatchObject({ autoType: 'other', typeOverride: 'cart' });
    expect(await viewsNotified()).toBe(true);
  });

  it('gives the page back to the classifier with null', async () => {
    await setPageType('p1', 'cart');
    await setPageType('p1', null);
    const page = await getPage(await db(), 'p1');
    expect(page?.autoType).toBe('other');
    expect(page && 'typeOverride' in page).toBe(false);
  });

  it('refuses an unknown page, storing nothing', async () => {
    const error = await setPageType('nope', 'cart').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('no-such-page');
    expect(await getPage(await db(), 'nope')).toBeUndefined();
  });
});
