import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/report/bundle/hash';
import { isBundleId, isSafeEntryName, partKindOf } from '../../../utils/report/bundle/manifest';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { chunkKey } from '../../../utils/report/visit-data';
import { HOME_ID, PRODUCT_ID, SHOT_ID, VISIT_ID, visitContent } from './fixtures/visit-content';

const NOW = Date.UTC(2025, 2, 14, 11, 0);
const options = { now: NOW, generator: { name: 'Mystère', version: '0.1.0' } };

/** Each entry's compression method, from the zip's central directory. */
function methods(zip: Uint8Array): Record<string, number> {
  const found: Record<string, number> = {};
  unzipSync(zip, { filter: ({ name, compression }) => ((found[name] = compression), false) });
  return found;
}

describe('sha256Hex', () => {
  it('gives the standard digests', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('packBundle → unpackBundle', () => {
  it('gives back the same data, screenshots and recording batches', async () => {
    const content = visitContent();
    const result = await unpackBundle(await packBundle(content, options));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.data).toEqual(content.data);
    expect(result.content.screenshots).toEqual(content.screenshots);
    expect(result.content.chunks).toEqual(content.chunks);
    expect(result.reportHtml).toBeUndefined();
    const events = JSON.parse(new TextDecoder().decode(gunzipSync(result.content.chunks.get(chunkKey(PRODUCT_ID, 0)) ?? new Uint8Array()))) as unknown[];
    expect(events).toHaveLength(3);
  });

  it('writes a manifest listing every part with its kind, size and SHA-256', async () => {
    const content = visitContent();
    const result = await unpackBundle(await packBundle(content, { ...options, reportHtml: '<!doctype html><title>Rapport</title>' }));
    if (!result.ok) throw new Error(result.error.code);
    const { manifest } = result;
    expect(manifest).toMatchObject({ format: 'mystere-bundle', version: 3, createdAt: NOW, generator: options.generator, visitId: VISIT_ID, site: 'shop.example' });
    expect(manifest.parts.map((part) => [part.path, part.kind])).toEqual([
      ['visit.json', 'visit'],
      [`recording/${HOME_ID}/0.json.gz`, 'recording'],
      [`recording/${PRODUCT_ID}/0.json.gz`, 'recording'],
      [`screenshots/${SHOT_ID}.jpg`, 'screenshot'],
      [`screenshots/${SHOT_ID}.thumb.jpg`, 'thumbnail'],
      ['report.html', 'report'],
    ]);
    const image = content.screenshots.get(SHOT_ID)?.image ?? new Uint8Array();
    expect(manifest.parts[3]).toMatchObject({ size: image.length, sha256: await sha256Hex(image) });
    expect(result.reportHtml).toBe('<!doctype html><title>Rapport</title>');
  });

  it('puts manifest.json first, stores JPEG and gzip as they are, deflates JSON and HTML', async () => {
    const zip = await packBundle(visitContent(), { ...options, reportHtml: '<p>x</p>' });
    const found = methods(zip);
    expect(Object.keys(found)[0]).toBe('manifest.json');
    expect(found).toEqual({
      'manifest.json': 8,
      'visit.json': 8,
      [`recording/${HOME_ID}/0.json.gz`]: 0,
      [`recording/${PRODUCT_ID}/0.json.gz`]: 0,
      [`screenshots/${SHOT_ID}.jpg`]: 0,
      [`screenshots/${SHOT_ID}.thumb.jpg`]: 0,
      'report.html': 8,
    });
    expect(new TextDecoder().decode(unzipSync(zip)['visit.json'])).toBe(JSON.stringify(visitContent().data));
  });

  it('packs the same visit to the same bytes', async () => {
    expect(await packBundle(visitContent(), options)).toEqual(await packBundle(visitContent(), options));
  });

  it('packs a visit without screenshots nor recording, and one dated before 1980', async () => {
    const content = visitContent();
    content.data = { ...content.data, screenshots: [], recording: [], answers: [] };
    const result = await unpackBundle(await packBundle(content, { ...options, now: 0 }));
    expect(result.ok && result.content.screenshots.size + result.content.chunks.size).toBe(0);
  });

  it('refuses to pack what could not be imported back', async () => {
    const noChunk = visitContent();
    noChunk.chunks.delete(chunkKey(HOME_ID, 0));
    await expect(packBundle(noChunk, options)).rejects.toThrow(/recording batch/);
    const noImage = visitContent();
    noImage.screenshots.clear();
    await expect(packBundle(noImage, options)).rejects.toThrow(/screenshot/);
    const badId = visitContent();
    const shot = badId.data.screenshots[0];
    if (shot) shot.id = '../evil';
    await expect(packBundle(badId, options)).rejects.toThrow(/screenshots\.0\.id/);
  });
});

describe('bundle paths', () => {
  it.each([
    ['visit.json', 'visit'],
    ['report.html', 'report'],
    ['recording/p-1/0.json.gz', 'recording'],
    ['recording/p-1/12.json.gz', 'recording'],
    ['screenshots/s_1:a.jpg', 'screenshot'],
    ['screenshots/s_1:a.thumb.jpg', 'thumbnail'],
  ])('%s is a %s', (path, kind) => {
    expect(partKindOf(path)).toBe(kind);
  });

  it.each([
    '../x',
    'recording/../visit.json',
    '/visit.json',
    'screenshots\\a.jpg',
    'recording/p 1/0.json.gz',
    'recording/p1/01.json.gz',
    'screenshots/é.jpg',
    'screenshots/.hidden.jpg',
    'manifest.json',
    'notes.txt',
    `screenshots/${'a'.repeat(300)}.jpg`,
  ])('%s is no part', (path) => {
    expect(partKindOf(path)).toBeUndefined();
  });

  it('accepts only safe entry names', () => {
    expect(['manifest.json', 'screenshots/', 'notes.txt', 'a/b:c.d'].every(isSafeEntryName)).toBe(true);
    expect(['', '../x', 'a/../b', '/abs', 'a\\b', 'a//b', 'a b', 'x'.repeat(301), 'C:\u0000'].some(isSafeEntryName)).toBe(false);
  });

  it('takes the ids visits use, not those that could be read two ways', () => {
    expect([VISIT_ID, 'sig-1', 'a.b', 'a_b:c'].every(isBundleId)).toBe(true);
    expect(['', '.a', 'a..b', 'a/b', 'a.thumb', 'a b', 'x'.repeat(101)].some(isBundleId)).toBe(false);
  });
});
