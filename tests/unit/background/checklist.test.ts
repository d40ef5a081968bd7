import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installChecklist, removeChecklist, selectChecklist, setAnswer } from '../../../entrypoints/background/checklist';
import { CHECKLIST_FORMAT, CHECKLIST_VERSION, type Checklist } from '../../../utils/checklist/schema';
import { db } from '../../../utils/db/database';
import { deleteInstalledChecklist, getVisit, listEvidence, listInstalledChecklists, putChunk } from '../../../utils/db/repository';
import type { AnswerSet } from '../../../utils/messaging/protocol';
import { loadSettings } from '../../../utils/settings';
import { chunk } from '../db/fixtures';
import { lookAt, storePage, viewsNotified, code, withVisit } from './support';

/**
 * The evaluator's checklist in the background: answers stamped with the page shown and its replay
 * moment, kept per checklist, and the imported checklists installed, removed and selected.
 */

const answer = (over: Partial<AnswerSet> = {}): AnswerSet => ({
  type: 'answer/set',
  visitId: 'v1',
  checklistId: 'mystere-ecommerce',
  criterionId: 'price-visible',
  state: 'yes',
  comment: '',
  evidence: [],
  ...over,
});

const imported = (over: Partial<Checklist> = {}): Checklist => ({
  format: CHECKLIST_FORMAT,
  version: CHECKLIST_VERSION,
  id: 'agence-x',
  title: { fr: 'Agence X', en: 'Agency X' },
  sections: [
    {
      id: 's1',
      title: { fr: 'Panier', en: 'Cart' },
      weight: 1,
      criteria: [
        {
          id: 'price-visible',
          question: { fr: 'Le prix est-il visible ?', en: 'Is the price visible?' },
          answer: { kind: 'yes-no' },
          weight: 2,
          knockout: false,
          pages: ['cart'],
          references: [{ kind: 'other', code: 'X1' }],
        },
      ],
    },
  ],
  ...over,
});


const answers = async () => listEvidence(await db(), 'answers', 'v1');

withVisit();
afterEach(async () => deleteInstalledChecklist(await db(), 'agence-x'));

describe('setAnswer', () => {
  beforeEach(async () => {
    await storePage({ id: 'home', startedAt: 1_000, endedAt: 3_000 });
    await storePage({ id: 'cart', startedAt: 3_000 });
    await putChunk(await db(), chunk({ pageId: 'cart', seq: 0, firstTs: 3_200 }));
    lookAt(1);
    vi.spyOn(Date, 'now').mockReturnValue(5_000);
  });

  it('stores the answer under visit/checklist/criterion, stamped with the page shown and its replay moment', async () => {
    expect(await setAnswer(answer({ state: 'no', comment: 'Prix absent', suggested: 'yes' }))).toEqual({ answerId: 'v1/mystere-ecommerce/price-visible' });
    expect(await answers()).toEqual([
      {
        id: 'v1/mystere-ecommerce/price-visible',
        visitId: 'v1',
        checklistId: 'mystere-ecommerce',
        criterionId: 'price-visible',
        state: 'no',
        comment: 'Prix absent',
        pageId: 'cart',
        at: 5_000,
        offset: 1_800,
        evidence: [],
        suggested: 'yes',
      },
    ]);
    expect(await viewsNotified()).toBe(true);
  });

  it('keeps the answers to the same criterion under two checklists, and the last answer of each', async () => {
    await setAnswer(answer({ state: 'no' }));
    await setAnswer(answer({ checklistId: 'mystere-quick', state: 'na' }));
    await setAnswer(answer({ state: 'yes', value: 4 }));
    expect((await answers()).map((a) => `${a.id} ${a.state} ${a.value ?? ''}`).sort()).toEqual([
      'v1/mystere-ecommerce/price-visible yes 4',
      'v1/mystere-quick/price-visible na ',
    ]);
  });

  it('stores "this replay moment" as the page shown then and the offset from its first recorded event', async () => {
    await putChunk(await db(), chunk({ pageId: 'home', seq: 0, firstTs: 1_100 }));
    await setAnswer(
      answer({
        evidence: [
          { kind: 'moment', at: 2_600 },
          { kind: 'screenshot', screenshotId: 'shot-1' },
          { kind: 'moment', at: 4_000 },
        ],
      }),
    );
    expect((await answers())[0]?.evidence).toEqual([
      { kind: 'replay', pageId: 'home', offset: 1_500 },
      { kind: 'screenshot', screenshotId: 'shot-1' },
      { kind: 'replay', pageId: 'cart', offset: 800 },
    ]);
  });

  it('refuses an unknown visit', async () => {
    expect(await code(setAnswer(answer({ visitId: 'nope' })))).toBe('no-such-visit');
    expect(await answers()).toEqual([]);
  });
});

describe('installChecklist', () => {
  it('installs a valid checklist and tells the views', async () => {
    expect(await installChecklist(imported())).toEqual({ checklistId: 'agence-x' });
    expect((await listInstalledChecklists(await db())).map((i) => i.checklist.title.en)).toEqual(['Agency X']);
    expect(await viewsNotified()).toBe(true);
  });

  it('replaces an installed checklist of the same id', async () => {
    await installChecklist(imported());
    await installChecklist(imported({ title: { fr: 'Agence X v2', en: 'Agency X v2' } }));
    expect((await listInstalledChecklists(await db())).map((i) => i.checklist.title.en)).toEqual(['Agency X v2']);
  });

  it('refuses what is not a checklist (bad-checklist) and a built-in checklist’s id (checklist-id-taken)', async () => {
    expect(await code(installChecklist({ ...imported(), sections: [] }))).toBe('bad-checklist');
    expect(await code(installChecklist('not even an object'))).toBe('bad-checklist');
    expect(await code(installChecklist(imported({ id: 'mystere-ecommerce' })))).toBe('checklist-id-taken');
    expect(await listInstalledChecklists(await db())).toEqual([]);
  });
});

describe('removeChecklist', () => {
  it('removes an imported checklist', async () => {
    await installChecklist(imported());
    await removeChecklist('agence-x');
    expect(await listInstalledChecklists(await db())).toEqual([]);
  });

  it('refuses to remove a built-in checklist', async () => {
    expect(await code(removeChecklist('mystere-quick'))).toBe('checklist-id-taken');
  });
});

describe('selectChecklist', () => {
  it('makes a built-in or imported checklist the one for new visits', async () => {
    await selectChecklist('mystere-quick');
    expect((await loadSettings(fakeBrowser.storage.local)).checklistId).toBe('mystere-quick');
    await installChecklist(imported());
    await selectChecklist('agence-x');
    expect((await loadSettings(fakeBrowser.storage.local)).checklistId).toBe('agence-x');
    expect((await getVisit(await db(), 'v1'))?.checklistId).toBeUndefined();
  });

  it('makes it the running visit’s too, when given', async () => {
    await selectChecklist('mystere-quick', 'v1');
    expect((await getVisit(await db(), 'v1'))?.checklistId).toBe('mystere-quick');
  });

  it('refuses an unknown checklist, changing nothing', async () => {
    expect(await code(selectChecklist('nope', 'v1'))).toBe('no-such-checklist');
    expect((await loadSettings(fakeBrowser.storage.local)).checklistId).toBe('mystere-ecommerce');
    expect((await getVisit(await db(), 'v1'))?.checklistId).toBeUndefined();
  });
});
