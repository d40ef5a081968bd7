import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEn, bundleErrorText, bundleFr } from '../../utils/i18n/bundle-messages';
import { packBundle } from '../../utils/report/bundle/pack';
import { editBundle } from '../unit/report/fixtures/bundle-edit';
import { LOGO, VISIT_ID, assetVisitContent, missionVisitContent, visitContent } from '../unit/report/fixtures/visit-content';
import { sha256Hex } from '../../utils/report/bundle/hash';
import { launchChromium, type Launched } from '../../scripts/automation/chromium';

const MISSION_VISIT_ID = '0b7e4d2a-5c91-4f3e-8a62-9d1c3b5e7f80';

/** Bundles an agency might receive damaged or forged: each is refused with a clear message, and nothing is stored. */
describe('the viewer refuses tampered bundles and stores nothing from them', () => {
  let launched: Launched;
  let viewer: Page;
  const dir = mkdtempSync(path.join(tmpdir(), 'mystere-bundles-'));
  const files: Record<string, string> = {};
  let alteredAssetPart = '';

  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    files[name] = file;
  };

  /** Imports one file; returns the result the viewer shows for it. */
  async function importFile(name: string): Promise<{ ok: boolean; code: string | null; text: string }> {
    await viewer.reload();
    const input = (await viewer.waitForSelector('[data-testid=viewer-import]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(files[name]!);
    const result = await viewer.waitForSelector('[data-testid=viewer-import-result]', { timeout: 60_000 });
    return result!.evaluate((e) => ({ ok: e.getAttribute('data-ok') === 'true', code: e.getAttribute('data-error-code'), text: e.textContent ?? '' }));
  }

  /** The visits the viewer holds, read from its own database. */
  const stored = () =>
    viewer.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('mystere-viewer');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('imports')) return resolve(0);
            const count = db.transaction('imports').objectStore('imports').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );

  beforeAll(async () => {
    const good = await packBundle(visitContent(), { now: Date.now(), generator: { name: 'Mystère', version: 'test' } });
    write('good.zip', good);
    // visit.json edited after export, the manifest left as it was: its SHA-256 no longer matches.
    write('edited.zip', await editBundle(good, (b) => (b.visit.visit.site = 'shop.exampl3'), { rehash: false }));
    write('truncated.zip', good.slice(0, Math.floor(good.length / 2)));
    // A zip bomb: 250 MB of zeros (more than any one part may inflate to) in a few hundred KB.
    write('bomb.zip', zipSync({ 'manifest.json': new TextEncoder().encode('{}'), 'recording/p/0.json.gz': new Uint8Array(250 * 1024 * 1024) }, { level: 9 }));
    write('future.zip', await editBundle(good, (b) => (b.manifest.version = 99)));
    // A well-formed bundle (hashes made again) whose visit.json claims the agency validated it already.
    const forged = { status: 'validated' as const, updatedAt: 1, reviewer: 'Forged', comments: [], history: [{ status: 'validated' as const, at: 1 }] };
    write('validated.zip', await editBundle(good, (b) => (b.visit.review = forged)));
    // Another visit, following an agency's mission; and a copy whose mission.json says something else.
    const mission = await missionVisitContent();
    mission.data = JSON.parse(JSON.stringify(mission.data).replaceAll(VISIT_ID, MISSION_VISIT_ID)) as typeof mission.data;
    const withMission = await packBundle(mission, { now: Date.now(), generator: { name: 'Mystère', version: 'test' } });
    write('mission.zip', withMission);
    const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
    write('other-brief.zip', await editBundle(withMission, (b) => (b.files['mission.json'] = new TextEncoder().encode(decode(b.files['mission.json']).replace('Visit the shop.', 'Buy it all.')))));
    // A visit with its kept assets, one copy's bytes altered and the manifest made again to match:
    // the copy is no longer the SHA-256 its name says.
    const logoPart = `assets/${await sha256Hex(LOGO)}`;
    const withAssets = await packBundle(await assetVisitContent(), { now: Date.now(), generator: { name: 'Mystère', version: 'test' } });
    write(
      'altered-asset.zip',
      await editBundle(withAssets, (b) => {
        const bytes = Uint8Array.from(b.files[logoPart] ?? []);
        bytes[10] = (bytes[10] ?? 0) ^ 0xff;
        b.files[logoPart] = bytes;
      }),
    );
    alteredAssetPart = logoPart;
    launched = await launchChromium();
    viewer = await launched.browser.newPage();
    await viewer.goto(`chrome-extension://${launched.extensionId}/viewer.html`);
  }, 120_000);

  afterAll(() => launched?.browser.close());

  const cases = [
    ['edited.zip', 'hash-mismatch', 'visit.json', undefined],
    ['truncated.zip', 'truncated', undefined, undefined],
    ['bomb.zip', 'decompressed-too-large', undefined, undefined],
    ['future.zip', 'unsupported-version', undefined, undefined],
    ['other-brief.zip', 'mission-mismatch', 'mission.json', 'mission-content'],
  ] as const;

  it('refuses altered-asset.zip (hash-mismatch): a kept copy of the shop whose bytes were changed, the manifest made again; stores nothing', async () => {
    const result = await importFile('altered-asset.zip');
    expect(result).toMatchObject({ ok: false, code: 'hash-mismatch' });
    expect(result.text).toContain(alteredAssetPart);
    expect(result.text).toContain('altered-asset.zip');
    expect(await stored()).toBe(0);
    expect(await viewer.$$('[data-testid=viewer-visit]')).toHaveLength(0);
  }, 90_000);

  for (const [name, code, part, detail] of cases) {
    it(`refuses ${name} (${code}) with a clear message and stores nothing`, async () => {
      const result = await importFile(name);
      expect(result.ok).toBe(false);
      expect(result.code).toBe(code);
      const lang = await viewer.evaluate(() => document.documentElement.lang);
      const t = lang === 'fr' ? bundleFr : bundleEn;
      // The message the catalogue gives for this refusal, naming the file it concerns.
      const expected = bundleErrorText(t, { code, ...(part ? { path: part } : {}), ...(detail ? { detail } : {}) });
      expect(result.text).toContain(expected.slice(0, 30));
      expect(result.text).toContain(name);
      if (part) expect(result.text).toContain(part);
      expect(await stored()).toBe(0);
      expect(await viewer.$$('[data-testid=viewer-visit]')).toHaveLength(0);
    }, 90_000);
  }

  it('imports the untouched bundle (the refusals were not the harness failing)', async () => {
    const result = await importFile('good.zip');
    expect(result).toMatchObject({ ok: true });
    await viewer.waitForSelector(`[data-testid=viewer-visit][data-visit-id="${VISIT_ID}"]`);
    expect(await stored()).toBe(1);
  }, 60_000);

  it('takes no review from a bundle: it arrives submitted, and a new import keeps the agency’s review', async () => {
    const row = `[data-testid=viewer-visit][data-visit-id="${VISIT_ID}"]`;
    const status = () => viewer.$eval(row, (e) => e.getAttribute('data-review-status'));
    expect(await importFile('validated.zip')).toMatchObject({ ok: true });
    expect(await status()).toBe('submitted');
    await viewer.select(`${row} [data-testid=visit-review-status]`, 'in-review');
    await viewer.waitForSelector(`${row}[data-review-status=in-review]`);
    expect(await importFile('validated.zip')).toMatchObject({ ok: true });
    expect(await status()).toBe('in-review');
  }, 90_000);

  it('lists a visit of a mission under its mission, and filters on it', async () => {
    expect(await importFile('mission.zip')).toMatchObject({ ok: true });
    const lang = await viewer.evaluate(() => document.documentElement.lang);
    const group = '[data-testid=viewer-mission-group][data-mission-id="agence-test-juillet"]';
    await viewer.waitForSelector(`${group} [data-testid=viewer-visit][data-visit-id="${MISSION_VISIT_ID}"]`);
    const heading = await viewer.$eval(`${group} h3`, (h) => h.textContent ?? '');
    expect(heading).toContain(lang === 'fr' ? 'Mission de test' : 'Test mission');
    expect(heading).toContain('Agence Test');
    // The visit without a mission is in a group of its own.
    await viewer.waitForSelector(`[data-testid=viewer-mission-group][data-mission-id=""] [data-testid=viewer-visit][data-visit-id="${VISIT_ID}"]`);

    // The labelled filter, used from the keyboard: focus it, choose the mission, only its visit is left.
    const label = await viewer.$eval('label[for=viewer-mission-filter]', (l) => l.textContent);
    expect(label).toBeTruthy();
    await viewer.focus('[data-testid=viewer-mission-filter]');
    await viewer.keyboard.press('ArrowDown');
    await viewer.waitForFunction(() => document.querySelectorAll('[data-testid=viewer-visit]').length === 1);
    const shown = await viewer.$$eval('[data-testid=viewer-visit]', (rows) => rows.map((r) => r.getAttribute('data-visit-id')));
    expect(shown).toEqual([MISSION_VISIT_ID]);
    expect(await viewer.evaluate(() => location.hash)).toBe('#mission=agence-test-juillet');
    // Kept in the address: a reload shows the same list.
    await viewer.reload();
    await viewer.waitForSelector(`[data-testid=viewer-visit][data-visit-id="${MISSION_VISIT_ID}"]`);
    expect(await viewer.$$('[data-testid=viewer-visit]')).toHaveLength(1);
    expect(await stored()).toBe(2);
  }, 90_000);
});
