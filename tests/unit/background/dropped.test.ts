import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onDropped } from '../../../entrypoints/background/dropped';
import { db } from '../../../utils/db/database';
import { deleteVisit, getVisit, putVisit } from '../../../utils/db/repository';
import { droppedTotal } from '../../../utils/schema/visit';
import { visit } from '../db/fixtures';
import { code } from './support';

/** What each page's channel dropped (forged, in excess), counted on the visit. */
const dropped = (documentId: string, forged: number, excess: number) => ({ type: 'recorder/dropped' as const, visitId: 'v1', documentId, forged, excess });

beforeEach(async () => {
  fakeBrowser.reset();
  await putVisit(await db(), visit({ tabIds: [1] }));
});
afterEach(async () => deleteVisit(await db(), 'v1'));

describe('onDropped', () => {
  it('keeps each document’s latest totals: a resend overwrites, documents add up', async () => {
    await onDropped(dropped('doc-a', 1, 10), 1);
    await onDropped(dropped('doc-a', 2, 30), 1);
    await onDropped(dropped('doc-b', 0, 5), 1);
    const stored = await getVisit(await db(), 'v1');
    expect(stored?.dropped).toEqual({ 'doc-a': { forged: 2, excess: 30 }, 'doc-b': { forged: 0, excess: 5 } });
    expect(droppedTotal(stored!)).toEqual({ forged: 2, excess: 35 });
  });

  it('refuses a tab outside the visit, and a visit that is gone', async () => {
    expect(await code(onDropped(dropped('doc-a', 1, 1), 2))).toBe('not-in-visit');
    expect(await code(onDropped({ ...dropped('doc-a', 1, 1), visitId: 'gone' }, 1))).toBe('not-in-visit');
    expect((await getVisit(await db(), 'v1'))?.dropped).toBeUndefined();
  });
});
