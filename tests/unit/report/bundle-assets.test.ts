import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../utils/report/bundle/hash';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { importBundleFiles } from '../../../utils/report/import-bundles';
import { editBundle, expectRefused } from './fixtures/bundle-edit';
import { FONT, LOGO, SHEET, assetVisitContent, missionVisitContent, visitContent } from './fixtures/visit-content';

const NOW = Date.UTC(2025, 2, 14, 11, 0);
const options = { now: NOW, generator: { name: 'Mystère', version: '0.1.0' } };
const encode = (text: string) => new TextEncoder().encode(text);

/** Each entry's compression method, from the zip's central directory. */
function methods(zip: Uint8Array): Record<string, number> {
  const found: Record<string, number> = {};
  unzipSync(zip, { filter: ({ name, compression }) => ((found[name] = compression), false) });
  return found;
}

const packed = async () => packBundle(await assetVisitContent(), options);

describe('a version 3 bundle carries the visit’s assets', () => {
  it('gives back the same uses, copies and replay answers', async () => {
    const content = await assetVisitContent();
    const result = await unpackBundle(await packBundle(content, options));
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.path ?? ''}`);
    expect(result.manifest.version).toBe(3);
    expect(result.content.data).toEqual(content.data);
    expect(result.content.assetFiles).toEqual(content.assetFiles);
    expect(result.content.assets).toEqual(content.assets);
    expect(result.content.assets?.get('https://cdn.shop.example/logo.webp')).toEqual({ kind: 'image', mime: 'image/webp', bytes: LOGO });
    expect(result.content.assets?.get('https://shop.example/img/banniere.jpg')).toEqual({ missing: true, width: 1200, height: 400 });
  });

  it('writes each copy once, named by its SHA-256, images and fonts stored as they are, sheets deflated', async () => {
    const zip = await packed();
    const [logo, sheet, font] = [await sha256Hex(LOGO), await sha256Hex(SHEET), await sha256Hex(FONT)];
    const found = methods(zip);
    const assets = Object.keys(found).filter((name) => name.startsWith('assets/'));
    expect(assets.sort()).toEqual([`assets/${logo}`, `assets/${sheet}`, `assets/${font}`].sort());
    expect(found[`assets/${logo}`]).toBe(0);
    expect(found[`assets/${font}`]).toBe(0);
    expect(found[`assets/${sheet}`]).toBe(8);
    const result = await unpackBundle(zip);
    expect(result.ok && result.manifest.parts.filter((part) => part.kind === 'asset').every((part) => part.path === `assets/${part.sha256}`)).toBe(true);
  });

  it('a visit without assets packs no asset part and no asset field', async () => {
    const zip = await packBundle(visitContent(), options);
    const result = await unpackBundle(zip);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.content.assets).toBeUndefined();
    expect(result.content.assetFiles).toBeUndefined();
    expect(Object.keys(unzipSync(zip)).some((name) => name.startsWith('assets/'))).toBe(false);
  });

  it('packBundle refuses a copy whose bytes are not its hash, or that is missing', async () => {
    const content = await assetVisitContent();
    const [hash] = content.assetFiles?.keys() ?? [];
    content.assetFiles?.set(hash ?? '', encode('autre chose'));
    await expect(packBundle(content, options)).rejects.toThrow(/not named by its bytes/);
    content.assetFiles?.delete(hash ?? '');
    await expect(packBundle(content, options)).rejects.toThrow(/no bytes for the asset/);
  });
});

describe('an altered or inconsistent asset is refused', () => {
  it('an altered copy, even with the manifest re-hashed, is refused and nothing is stored', async () => {
    const logo = await sha256Hex(LOGO);
    const path = `assets/${logo}`;
    const edit = (bundle: { files: Record<string, Uint8Array> }) => {
      const bytes = Uint8Array.from(bundle.files[path] ?? []);
      bytes[10] = (bytes[10] ?? 0) ^ 0xff;
      bundle.files[path] = bytes;
    };
    const rehashed = await editBundle(await packed(), edit);
    expectRefused(await unpackBundle(rehashed), 'hash-mismatch', path);
    expectRefused(await unpackBundle(await editBundle(await packed(), edit, { rehash: false })), 'hash-mismatch', path);

    const put = vi.fn(() => Promise.resolve({ replaced: false }));
    const results = await importBundleFiles([{ name: 'visite.zip', bytes: rehashed }], { unpack: unpackBundle, put, now: () => NOW, onProgress: () => {} });
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'hash-mismatch', path } });
    expect(put).not.toHaveBeenCalled();
  });

  it('an asset part no use names is refused', async () => {
    const stray = encode('un fichier de trop');
    const path = `assets/${await sha256Hex(stray)}`;
    const zip = await editBundle(await packed(), ({ files, manifest }) => {
      files[path] = stray;
      manifest.parts.push({ path, kind: 'asset', size: 0, sha256: '0'.repeat(64) });
    });
    expect(expectRefused(await unpackBundle(zip), 'missing-part', path).detail).toBe('not-in-visit-data');
  });

  it('a use whose copy is not in the bundle is refused', async () => {
    const font = await sha256Hex(FONT);
    const path = `assets/${font}`;
    const zip = await editBundle(await packed(), ({ files, manifest }) => {
      delete files[path];
      manifest.parts = manifest.parts.filter((part) => part.path !== path);
    });
    expect(expectRefused(await unpackBundle(zip), 'missing-part', path).detail).toBe('not-in-manifest');
  });

  it('a use naming a copy visit.json does not describe, or a described copy no use names, is bad visit data', async () => {
    const undescribed = await editBundle(await packed(), ({ visit }) => {
      visit.assetCopies = visit.assetCopies?.filter((copy) => copy.mime !== 'font/woff2');
    });
    expectRefused(await unpackBundle(undescribed), 'bad-visit-data', 'assets.3.hash');
    const unused = await editBundle(await packed(), ({ visit }) => {
      visit.assets = visit.assets?.filter((use) => use.kind !== 'font');
    });
    expectRefused(await unpackBundle(unused), 'bad-visit-data', 'assetCopies.2.hash');
  });

  it('a use of another visit, or the same address twice, is bad visit data', async () => {
    const other = await editBundle(await packed(), ({ visit }) => {
      const [first] = visit.assets ?? [];
      if (first) first.visitId = 'une-autre-visite';
    });
    expectRefused(await unpackBundle(other), 'bad-visit-data', 'assets.0.visitId');
    const twice = await editBundle(await packed(), ({ visit }) => {
      const [first, second] = visit.assets ?? [];
      if (first && second) second.url = first.url;
    });
    expectRefused(await unpackBundle(twice), 'bad-visit-data', 'assets.1.url');
  });

  it('a copy whose described size is not its part’s is refused', async () => {
    const zip = await editBundle(await packed(), ({ visit }) => {
      const [first] = visit.assetCopies ?? [];
      if (first) first.size += 1;
    });
    expectRefused(await unpackBundle(zip), 'size-mismatch', `assets/${await sha256Hex(LOGO)}`);
  });

  it('a part named like an asset but not 64 hex digits is unknown to the manifest', async () => {
    const zip = await editBundle(await packed(), ({ files, manifest }) => {
      files['assets/logo.webp'] = LOGO;
      manifest.parts.push({ path: 'assets/logo.webp', kind: 'asset', size: 0, sha256: '0'.repeat(64) });
    });
    const result = await unpackBundle(zip);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-manifest');
  });
});

describe('older versions', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

  it('a version 2 bundle (made before assets, with a mission) still opens, without assets', async () => {
    const result = await unpackBundle(fixture('bundle-v2.zip'));
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.path ?? ''}`);
    expect(result.manifest.version).toBe(2);
    expect(result.content.data).toEqual((await missionVisitContent()).data);
    expect(result.content.assets).toBeUndefined();
    expect(result.content.assetFiles).toBeUndefined();
    expect(result.reportHtml).toBe('<!doctype html><title>Rapport</title>');
  });

  it('a version 1 bundle still opens, without assets', async () => {
    const result = await unpackBundle(fixture('bundle-v1.zip'));
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.path ?? ''}`);
    expect(result.manifest.version).toBe(1);
    expect(result.content.assets).toBeUndefined();
  });

  it('a version 2 bundle cannot carry an asset part', async () => {
    const zip = await editBundle(await packed(), ({ manifest }) => {
      manifest.version = 2;
    });
    const result = await unpackBundle(zip);
    expect(!result.ok && result.error).toMatchObject({ code: 'bad-manifest' });
    expect(!result.ok && result.error.path).toMatch(/^parts\.\d+\.kind$/);
  });
});
