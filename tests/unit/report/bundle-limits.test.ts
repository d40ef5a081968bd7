import { zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS } from '../../../utils/report/bundle/limits';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { expectRefused, lieAboutSizes } from './fixtures/bundle-edit';
import { visitContent } from './fixtures/visit-content';

/**
 * Zip bombs and other oversized bundles. The limits are made small so that the bombs stay small
 * and fast to build; the guard is the same code with the real limits.
 */

const MB = 1024 * 1024;
const small = { ...BUNDLE_LIMITS, maxPartBytes: 1 * MB, maxTotalBytes: 2 * MB, maxVisitJsonBytes: 512 * 1024 };
const BOMB_PATH = 'recording/p1/0.json.gz';

/** 16 MB of zeros deflate to about 16 KB: a thousandfold bomb. */
const bomb = (path = BOMB_PATH, megabytes = 16) => zipSync({ [path]: [new Uint8Array(megabytes * MB), { level: 9 }] });

describe('BUNDLE_LIMITS', () => {
  it('are the documented ones', () => {
    expect(BUNDLE_LIMITS).toEqual({
      maxBundleBytes: 300 * MB,
      maxTotalBytes: 400 * MB,
      maxPartBytes: 200 * MB,
      maxEntries: 20_000,
      maxVisitJsonBytes: 50 * MB,
    });
  });
});

describe('unpackBundle against zip bombs', () => {
  let big: Uint8Array;
  beforeAll(() => {
    big = bomb();
  });

  it('refuses an entry whose headers say it inflates past the limit, before inflating it', async () => {
    expect(big.length).toBeLessThan(100 * 1024);
    const error = expectRefused(await unpackBundle(big, small), 'decompressed-too-large', BOMB_PATH);
    expect(error.detail).toBe(String(1 * MB));
  });

  it('refuses it too when the headers lie, counting the bytes that really come out', async () => {
    const liar = lieAboutSizes(big, 100);
    expectRefused(await unpackBundle(liar, small), 'decompressed-too-large', BOMB_PATH);
  });

  it('applies the tighter visit.json limit', async () => {
    const liar = lieAboutSizes(bomb('visit.json', 2), 100);
    expectRefused(await unpackBundle(liar, small), 'decompressed-too-large', 'visit.json');
  });

  it('refuses many parts each under the limit but too large together, lying or not', async () => {
    const parts: Zippable = {};
    for (const seq of [0, 1, 2]) parts[`recording/p1/${seq}.json.gz`] = [new Uint8Array(900 * 1024), { level: 9 }];
    const honest = zipSync(parts);
    const error = expectRefused(await unpackBundle(honest, small), 'decompressed-too-large');
    expect(error.path).toBeUndefined();
    expect(error.detail).toBe(String(2 * MB));
    expectRefused(await unpackBundle(lieAboutSizes(honest, 10), small), 'decompressed-too-large');
  });

  it('reports a lie about sizes that stays under the limits as a damaged zip', async () => {
    const liar = lieAboutSizes(bomb(BOMB_PATH, 0.5), 100);
    expectRefused(await unpackBundle(liar, small), 'corrupt-zip', BOMB_PATH);
  });

  it('accepts a real bundle under the same small limits', async () => {
    const zip = await packBundle(visitContent(), { now: Date.UTC(2025, 0, 1), generator: { name: 'Mystère', version: '0.1.0' } });
    expect((await unpackBundle(zip, small)).ok).toBe(true);
  });
});

describe('unpackBundle against too many entries', () => {
  it('stops listing past the limit', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`recording/p1/${i}.json.gz`, new Uint8Array(1)]));
    const error = expectRefused(await unpackBundle(zipSync(files), { ...BUNDLE_LIMITS, maxEntries: 20 }), 'too-many-entries');
    expect(error.detail).toBe('20');
  });
});
