import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { selectChecklist } from '../../../entrypoints/background/checklist';
import { explainMissing, installMission, removeMission, setStepStatus } from '../../../entrypoints/background/missions';
import { onCommitted } from '../../../entrypoints/background/navigation';
import { forgetTypedCache, privacyPass, rememberTyped, typedValues } from '../../../entrypoints/background/privacy';
import { onHello } from '../../../entrypoints/background/recorder-handlers';
import { addOrigin, startVisit } from '../../../entrypoints/background/visit-controller';
import { QUICK_CHECKLIST } from '../../../utils/checklist/defaults';
import { db } from '../../../utils/db/database';
import {
  deleteInstalledChecklist,
  deleteInstalledMission,
  deleteVisit,
  getInstalledMission,
  getVisit,
  listInstalledChecklists,
  listInstalledMissions,
  listPages,
  listVisits,
  putInstalledChecklist,
  putVisit,
} from '../../../utils/db/repository';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { missionHash } from '../../../utils/mission/installed';
import { missionSchema, type Mission } from '../../../utils/mission/schema';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { visit } from '../db/fixtures';
import { validMissionFile } from '../mission/fixtures';
import { code, tabsShow, viewsNotified } from './support';

/**
 * Missions in the background: imported ones installed (checked again, a built-in id or a clashing
 * embedded checklist refused, nothing kept then) and deleted; a visit started from one keeps a copy,
 * answers its checklist and records its sites only (its port included), with its privacy rules;
 * the evaluator's marks on steps and explanations of what is missing.
 */

const SHOP = 'https://shop.example';
const CHECKOUT = 'https://checkout.shop.example:8443';

/** A valid mission as the panel sends it (already parsed), on two sites. */
const file = (over: Record<string, unknown> = {}) => ({ ...validMissionFile(), sites: [SHOP, CHECKOUT], ...over });
const parsed = (over: Record<string, unknown> = {}): Mission => missionSchema.parse(file(over));
const embedded = { ...QUICK_CHECKLIST, id: 'agence-grille', title: { fr: 'Grille de l’agence', en: 'Agency checklist' } };

function fakeRecorderBrowser({ permitted = true } = {}) {
  return {
    permitted: vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(permitted as never),
    register: vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(),
    registered: vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never),
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
    tell: vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetTypedCache();
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Test' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  const d = await db();
  for (const v of await listVisits(d)) await deleteVisit(d, v.id);
  for (const m of await listInstalledMissions(d)) await deleteInstalledMission(d, m.mission.id);
  for (const c of await listInstalledChecklists(d)) await deleteInstalledChecklist(d, c.id);
});

describe('installMission', () => {
  it('installs a valid mission with the hash of what was read, and tells the views', async () => {
    const mission = parsed();
    const reply = await installMission(mission);
    expect(reply).toEqual({ missionId: 'agence-test-juillet', hash: await missionHash(mission) });
    expect(await getInstalledMission(await db(), 'agence-test-juillet')).toMatchObject({ mission, hash: reply.hash });
    expect(await viewsNotified()).toBe(true);
  });

  it('reads what it is given again: the file’s form (defaults left out, sites as written) gives the same mission and hash', async () => {
    const { requiredEvidence: _none, privacy: _default, ...rest } = file({ sites: ['HTTPS://Shop.Example/'] });
    const { hash } = await installMission(rest);
    const installed = await getInstalledMission(await db(), 'agence-test-juillet');
    expect(installed?.mission).toMatchObject({ sites: [SHOP], requiredEvidence: [], privacy: { maskSelectors: [], keepSearchTerms: false } });
    expect(hash).toBe(await missionHash(installed!.mission));
  });

  it('replaces an installed mission of the same id', async () => {
    await installMission(parsed());
    await installMission(parsed({ title: { fr: 'Deuxième version', en: 'Second version' } }));
    expect((await listInstalledMissions(await db())).map((i) => i.mission.title.en)).toEqual(['Second version']);
  });

  it('refuses what is not a mission (bad-mission) and a built-in mission’s id (mission-id-taken), keeping nothing', async () => {
    expect(await code(installMission({ ...file(), sites: ['shop.example'] }))).toBe('bad-mission');
    expect(await code(installMission('not even an object'))).toBe('bad-mission');
    expect(await code(installMission({ ...QUICK_VISIT_MISSION, title: { fr: 'Copie', en: 'Copy' } }))).toBe('mission-id-taken');
    expect(await listInstalledMissions(await db())).toEqual([]);
  });

  it('refuses an embedded checklist with the id of a different installed checklist, and takes the same one', async () => {
    await putInstalledChecklist(await db(), { id: 'agence-grille', checklist: { ...embedded, title: { fr: 'Autre', en: 'Other' } }, installedAt: 1 });
    expect(await code(installMission(parsed({ checklist: { embedded } })))).toBe('checklist-conflict');
    expect(await listInstalledMissions(await db())).toEqual([]);
    await putInstalledChecklist(await db(), { id: 'agence-grille', checklist: embedded, installedAt: 1 });
    expect(await installMission(parsed({ checklist: { embedded } }))).toMatchObject({ missionId: 'agence-test-juillet' });
  });
});

describe('removeMission', () => {
  it('deletes an installed mission, and refuses the Quick visit', async () => {
    await installMission(parsed());
    await removeMission('agence-test-juillet');
    expect(await listInstalledMissions(await db())).toEqual([]);
    expect(await code(removeMission('mystere-quick-visit'))).toBe('mission-id-taken');
  });
});

describe('startVisit with a mission', () => {
  beforeEach(async () => {
    await installMission(parsed());
  });

  it('copies the mission and its hash, answers its checklist and records each of its sites', async () => {
    const b = fakeRecorderBrowser();
    tabsShow({ 5: { url: `${CHECKOUT}/panier` } });
    const { visitId } = await startVisit(5, 'agence-test-juillet');
    const started = await getVisit(await db(), visitId);
    expect(started).toMatchObject({
      origin: CHECKOUT,
      origins: ['https://checkout.shop.example/*', `${SHOP}/*`],
      checklistId: 'mystere-quick',
      mission: parsed(),
      missionHash: await missionHash(parsed()),
    });
    expect(b.permitted.mock.calls.map(([p]) => p.origins)).toEqual([['https://checkout.shop.example/*'], [`${SHOP}/*`]]);
    expect(b.register.mock.calls[0]?.[0][0]?.matches).toEqual(['https://checkout.shop.example/*', `${SHOP}/*`]);
  });

  it('keeps its copy when the mission is deleted or replaced', async () => {
    fakeRecorderBrowser();
    tabsShow({ 5: { url: `${SHOP}/` } });
    const { visitId } = await startVisit(5, 'agence-test-juillet');
    await installMission(parsed({ title: { fr: 'Changée', en: 'Changed' } }));
    await removeMission('agence-test-juillet');
    expect((await getVisit(await db(), visitId))?.mission).toEqual(parsed());
  });

  it('follows the Quick visit by default, on the tab’s site, with the evaluator’s checklist', async () => {
    fakeRecorderBrowser();
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, checklistId: 'mystere-ecommerce' });
    tabsShow({ 5: { url: 'http://127.0.0.1:8080/' } });
    const { visitId } = await startVisit(5);
    expect(await getVisit(await db(), visitId)).toMatchObject({
      origins: ['http://127.0.0.1/*'],
      checklistId: 'mystere-ecommerce',
      mission: QUICK_VISIT_MISSION,
      missionHash: await missionHash(QUICK_VISIT_MISSION),
    });
  });

  it('refuses a tab outside the mission’s sites, another port of one included, an unknown mission, and a site not permitted', async () => {
    const b = fakeRecorderBrowser({ permitted: false });
    tabsShow({ 5: { url: 'https://elsewhere.example/' }, 6: { url: 'https://checkout.shop.example/' }, 7: { url: `${SHOP}/` } });
    expect(await code(startVisit(5, 'agence-test-juillet'))).toBe('not-a-mission-site');
    expect(await code(startVisit(6, 'agence-test-juillet'))).toBe('not-a-mission-site');
    expect(await code(startVisit(7, 'nope'))).toBe('no-such-mission');
    expect(b.permitted).not.toHaveBeenCalled();
    expect(await code(startVisit(7, 'agence-test-juillet'))).toBe('permission-denied');
    expect(await listVisits(await db())).toEqual([]);
  });

  it('installs an embedded checklist as a checklist and answers it; refuses one that clashes with an installed one', async () => {
    fakeRecorderBrowser();
    tabsShow({ 5: { url: `${SHOP}/` } });
    await installMission(parsed({ id: 'avec-grille', checklist: { embedded } }));
    const { visitId } = await startVisit(5, 'avec-grille');
    expect((await getVisit(await db(), visitId))?.checklistId).toBe('agence-grille');
    expect((await listInstalledChecklists(await db())).map((c) => c.checklist)).toEqual([embedded]);
    await deleteVisit(await db(), visitId);

    // Installed since, under the same id, a different checklist.
    await putInstalledChecklist(await db(), { id: 'agence-grille', checklist: { ...embedded, sections: embedded.sections.slice(1) }, installedAt: 2 });
    expect(await code(startVisit(5, 'avec-grille'))).toBe('checklist-conflict');
    expect(await listVisits(await db())).toEqual([]);
  });
});

describe('a mission’s visit records only its sites', () => {
  beforeEach(async () => {
    await putVisit(await db(), visit({ tabIds: [1], origins: [`${SHOP}/*`, 'https://checkout.shop.example/*'], mission: parsed() }));
  });

  it('add-origin: refuses a site the mission does not name, before asking for permission', async () => {
    const b = fakeRecorderBrowser();
    tabsShow({ 2: { url: 'https://pay.example/3ds' }, 3: { url: 'https://shop.example:9000/' } });
    expect(await code(addOrigin('v1', 2))).toBe('not-a-mission-site');
    expect(await code(addOrigin('v1', 3))).toBe('not-a-mission-site');
    expect(b.permitted).not.toHaveBeenCalled();
    expect((await getVisit(await db(), 'v1'))?.origins).toEqual([`${SHOP}/*`, 'https://checkout.shop.example/*']);
  });

  it('add-origin: the Quick visit, which names no site, takes any site permitted, as before', async () => {
    fakeRecorderBrowser();
    await putVisit(await db(), visit({ tabIds: [1], mission: QUICK_VISIT_MISSION }));
    tabsShow({ 2: { url: 'https://pay.example/3ds' } });
    expect((await addOrigin('v1', 2)).origins).toEqual([`${SHOP}/*`, 'https://pay.example/*']);
  });

  it('hello: records the mission’s sites with its selectors added to the evaluator’s; not another port of the same host', async () => {
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, maskSelectors: ['.mine'], blockSelectors: ['#mine'] });
    await putVisit(await db(), visit({ tabIds: [1], mission: parsed({ privacy: { maskSelectors: ['.loyalty-number'], blockSelectors: ['#chat'], keepSearchTerms: false } }) }));
    expect(await onHello(1, undefined, `${SHOP}/produit`)).toEqual({
      record: true,
      visitId: 'v1',
      paused: false,
      config: { maskSelectors: ['.mine', '.loyalty-number'], blockSelectors: ['#mine', '#chat'] },
      tabId: 1,
    });
    expect(await onHello(1, undefined, `${CHECKOUT}/livraison`)).toMatchObject({ record: true });
    expect(await onHello(1, undefined, 'https://shop.example:9000/')).toEqual({ record: false });
    expect(await onHello(1)).toEqual({ record: false });
    // The Quick visit names no site: its hello is answered as before missions.
    await putVisit(await db(), visit({ tabIds: [1], mission: QUICK_VISIT_MISSION }));
    expect(await onHello(1)).toMatchObject({ record: true });
    expect(await onHello(1, undefined, 'https://shop.example:9000/')).toMatchObject({ record: true });
  });

  it('journey: a document committed on another port of a site’s host makes no page', async () => {
    await onCommitted({ tabId: 1, url: `${SHOP}/`, at: 1_000, transitionType: 'link' });
    await onCommitted({ tabId: 1, url: 'https://shop.example:9000/admin', at: 2_000, transitionType: 'link' });
    expect((await listPages(await db(), 'v1')).map((p) => p.url)).toEqual([`${SHOP}/`]);
  });

  it('privacy: search terms are kept only if the evaluator and the mission both keep them', async () => {
    await rememberTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'q', value: 'robe lin', search: true }] });
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, keepSearchTerms: true });
    expect(await typedValues()).toEqual({ values: [], searchTerms: ['robe lin'] });
    await putVisit(await db(), visit({ tabIds: [1], mission: parsed({ privacy: { maskSelectors: [], blockSelectors: [], keepSearchTerms: true } }) }));
    expect(await typedValues()).toEqual({ values: [], searchTerms: [] });
    // Once stopped, its late writes follow the same rule.
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 5_000, mission: parsed() }));
    expect(await typedValues()).toEqual({ values: [], searchTerms: ['robe lin'] });
  });

  it('privacy: a late write of an ended visit follows its own mission’s search-term rule, not the running visit’s', async () => {
    await rememberTyped({ type: 'recorder/typed', visitId: 'v0', fields: [{ field: 'q', value: 'robe lin', search: true }] });
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, keepSearchTerms: true });
    // v0 ended, its mission keeps no search terms; v1 runs the Quick visit, which leaves them to the evaluator.
    await putVisit(await db(), visit({ id: 'v0', tabIds: [2], status: 'ended', endedAt: 900, mission: parsed() }));
    await putVisit(await db(), visit({ tabIds: [1], mission: QUICK_VISIT_MISSION }));
    expect(await typedValues()).toEqual({ values: [], searchTerms: [] });
    expect(await typedValues('v1')).toEqual({ values: [], searchTerms: [] });
    expect(await typedValues('v0')).toEqual({ values: [], searchTerms: ['robe lin'] });
    // The pass a write of v0 goes through masks the term; one of v1 keeps it.
    expect((await privacyPass('v0')).text('Résultats pour robe lin')).not.toContain('robe lin');
    expect((await privacyPass('v1')).text('Résultats pour robe lin')).toContain('robe lin');
    // A visit not known is treated strictly.
    expect(await typedValues('gone')).toEqual({ values: [], searchTerms: ['robe lin'] });
  });

  it('checklist: a mission’s visit keeps the mission’s checklist; new visits may take another', async () => {
    await putVisit(await db(), visit({ tabIds: [1], mission: parsed(), checklistId: 'mystere-quick' }));
    expect(await code(selectChecklist('mystere-ecommerce', 'v1'))).toBe('checklist-set-by-mission');
    expect((await getVisit(await db(), 'v1'))?.checklistId).toBe('mystere-quick');
    await selectChecklist('mystere-ecommerce');
    await putVisit(await db(), visit({ tabIds: [1], mission: QUICK_VISIT_MISSION, checklistId: 'mystere-quick' }));
    await selectChecklist('mystere-ecommerce', 'v1');
    expect((await getVisit(await db(), 'v1'))?.checklistId).toBe('mystere-ecommerce');
  });
});

describe('step marks and explanations', () => {
  beforeEach(async () => {
    await putVisit(await db(), visit({ mission: parsed() }));
    vi.spyOn(Date, 'now').mockReturnValue(7_000);
  });
  const stored = async () => (await getVisit(await db(), 'v1'))!;

  it('marks a step done, failed or blocked (the last mark wins), and takes a mark back', async () => {
    await setStepStatus('v1', 'home', 'done', '');
    await setStepStatus('v1', 'basket', 'failed', 'Le bouton « Ajouter » ne répond pas.');
    await setStepStatus('v1', 'basket', 'blocked', '  Rupture de stock  ');
    expect((await stored()).stepStatuses).toEqual({
      home: { status: 'done', comment: '', at: 7_000 },
      basket: { status: 'blocked', comment: 'Rupture de stock', at: 7_000 },
    });
    expect(await viewsNotified()).toBe(true);
    await setStepStatus('v1', 'home', null, '');
    expect(Object.keys((await stored()).stepStatuses ?? {})).toEqual(['basket']);
  });

  it('refuses a failed or blocked step without a comment, an unknown step or visit, a visit without a mission', async () => {
    expect(await code(setStepStatus('v1', 'basket', 'failed', '   '))).toBe('comment-required');
    expect(await code(setStepStatus('v1', 'payment', 'done', ''))).toBe('no-such-step');
    expect(await code(setStepStatus('nope', 'home', 'done', ''))).toBe('no-such-visit');
    expect((await stored()).stepStatuses).toBeUndefined();
    await putVisit(await db(), visit());
    expect(await code(setStepStatus('v1', 'home', 'done', ''))).toBe('no-such-step');
  });

  it('keeps the evaluator’s explanation of a missing step or evidence, and takes an empty one back', async () => {
    await explainMissing('v1', 'evidence/basket-shot', ' Capture impossible : la page plantait. ');
    await explainMissing('v1', 'step/product', 'Aucun produit sous 80 €.');
    expect((await stored()).explanations).toEqual({ 'evidence/basket-shot': 'Capture impossible : la page plantait.', 'step/product': 'Aucun produit sous 80 €.' });
    await explainMissing('v1', 'step/product', ' ');
    expect((await stored()).explanations).toEqual({ 'evidence/basket-shot': 'Capture impossible : la page plantait.' });
  });

  it('refuses an explanation of what the mission does not ask for', async () => {
    expect(await code(explainMissing('v1', 'evidence/unknown', 'Texte'))).toBe('no-such-item');
    expect(await code(explainMissing('v1', 'step/basket-shot', 'Texte'))).toBe('no-such-item');
    expect(await code(explainMissing('nope', 'step/home', 'Texte'))).toBe('no-such-visit');
    expect((await stored()).explanations).toBeUndefined();
  });
});
