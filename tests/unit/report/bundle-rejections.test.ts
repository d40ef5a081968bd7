import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEn, bundleErrorText, bundleFr } from '../../../utils/i18n/bundle-messages';
import { BUNDLE_LIMITS } from '../../../utils/report/bundle/limits';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { dataOffset, editBundle, expectRefused, noise, renameEntry, setMethod } from './fixtures/bundle-edit';
import { HOME_ID, SHOT_ID, visitContent } from './fixtures/visit-content';

const encode = (text: string) => new TextEncoder().encode(text);
let good: Uint8Array;

beforeAll(async () => {
  good = await packBundle(visitContent(), { now: Date.UTC(2025, 2, 14), generator: { name: 'Mystère', version: '0.1.0' } });
});

describe('unpackBundle refuses a file that is not a whole zip', () => {
  it('random bytes, an empty file and a text file are not zips', async () => {
    expectRefused(await unpackBundle(noise(10_000)), 'not-a-zip');
    expectRefused(await unpackBundle(new Uint8Array(0)), 'not-a-zip');
    expectRefused(await unpackBundle(encode('{"format":"mystere-bundle"}')), 'not-a-zip');
  });

  it('a zip cut in half, or missing its last 10 bytes, is truncated', async () => {
    expectRefused(await unpackBundle(good.subarray(0, good.length >> 1)), 'truncated');
    expectRefused(await unpackBundle(good.subarray(0, good.length - 10)), 'truncated');
  });

  it('damaged compressed data and an unknown compression method are reported, not thrown', async () => {
    const damaged = good.slice();
    damaged.fill(0xff, dataOffset(good, 'visit.json'), dataOffset(good, 'visit.json') + 16);
    expectRefused(await unpackBundle(damaged), 'corrupt-zip', 'visit.json');
    expectRefused(await unpackBundle(setMethod(good, 'visit.json', 12)), 'corrupt-zip', 'visit.json');
  });

  it('a file larger than the limit is refused before being read', async () => {
    const error = expectRefused(await unpackBundle(good, { ...BUNDLE_LIMITS, maxBundleBytes: 1000 }), 'too-large');
    expect(error.detail).toBe('1000');
  });
});

describe('unpackBundle refuses unsafe or surprising entries', () => {
  it('a path escaping the folder, even alongside a valid bundle', async () => {
    const traversal = await editBundle(good, ({ files }) => {
      files['../x'] = encode('pwned');
    });
    expectRefused(await unpackBundle(traversal), 'unsafe-path', '../x');
  });

  it('a manifest listing a path escaping the folder', async () => {
    const listed = await editBundle(good, ({ manifest }) => {
      manifest.parts.push({ path: '../x', kind: 'report', size: 1, sha256: '0'.repeat(64) });
    });
    expectRefused(await unpackBundle(listed), 'bad-manifest', 'parts.5.path');
  });

  it('the same name twice', async () => {
    const twice = renameEntry(zipSync({ 'manifest.json': encode('{}'), 'manifest.jsoo': encode('{}') }), 'manifest.jsoo', 'manifest.json');
    expectRefused(await unpackBundle(twice), 'duplicate-part', 'manifest.json');
  });

  it('an extra file the manifest does not list', async () => {
    const extra = await editBundle(good, ({ files }) => {
      files['notes.txt'] = encode('hello');
    });
    expectRefused(await unpackBundle(extra), 'unexpected-part', 'notes.txt');
  });

  it('but not an empty folder entry, as zip tools add', async () => {
    const folder = await editBundle(good, ({ files }) => {
      files['screenshots/'] = new Uint8Array(0);
    });
    expect((await unpackBundle(folder)).ok).toBe(true);
  });
});

describe('unpackBundle checks manifest.json', () => {
  it('must be there', async () => {
    const none = await editBundle(good, ({ files }) => {
      delete files['manifest.json'];
    });
    expectRefused(await unpackBundle(none), 'missing-manifest');
    expectRefused(await unpackBundle(zipSync({})), 'missing-manifest');
  });

  it('must be JSON', async () => {
    const broken = zipSync({ ...unzipSync(good), 'manifest.json': encode('format: mystere-bundle') });
    expect(expectRefused(await unpackBundle(broken), 'bad-manifest').detail).toBe('not-json');
  });

  it('must say its format', async () => {
    const other = await editBundle(good, ({ manifest }) => {
      manifest.format = 'zip-of-things';
    });
    expect(expectRefused(await unpackBundle(other), 'unknown-format').detail).toBe('zip-of-things');
    const missing = await editBundle(good, ({ manifest }) => {
      delete manifest.format;
    });
    expectRefused(await unpackBundle(missing), 'unknown-format');
  });

  it.each([4, 99])('version %i was made by a newer Mystère', async (version) => {
    const newer = await editBundle(good, ({ manifest }) => {
      manifest.version = version;
      // A newer version may change anything else too: the version is checked before the shape.
      (manifest as { parts: unknown }).parts = 'elsewhere';
    });
    const error = expectRefused(await unpackBundle(newer), 'unsupported-version');
    expect(error.detail).toBe(String(version));
    expect(bundleErrorText(bundleFr, error)).toContain('version plus récente de Mystère');
    expect(bundleErrorText(bundleEn, error)).toContain('made by a newer Mystère');
  });

  it('version 0 is unknown, and a version that is not a number is a bad manifest', async () => {
    const zero = await editBundle(good, ({ manifest }) => {
      manifest.version = 0;
    });
    const error = expectRefused(await unpackBundle(zero), 'unsupported-version');
    expect(bundleErrorText(bundleEn, error)).not.toContain('newer');
    const text = await editBundle(good, ({ manifest }) => {
      manifest.version = '1';
    });
    expectRefused(await unpackBundle(text), 'bad-manifest');
  });

  it('must match the schema, the issue path saying where', async () => {
    const upper = await editBundle(
      good,
      ({ manifest }) => {
        const part = manifest.parts[1];
        if (part) part.sha256 = part.sha256.toUpperCase();
      },
      { rehash: false },
    );
    expectRefused(await unpackBundle(upper), 'bad-manifest', 'parts.1.sha256');
    const kind = await editBundle(good, ({ manifest }) => {
      const part = manifest.parts[3];
      if (part) part.kind = 'thumbnail';
    });
    expectRefused(await unpackBundle(kind), 'bad-manifest', 'parts.3.kind');
  });

  it('must name the visit visit.json holds', async () => {
    const other = await editBundle(good, ({ manifest }) => {
      manifest.visitId = 'another-visit';
    });
    expect(expectRefused(await unpackBundle(other), 'bad-manifest', 'visitId').detail).toBe('visit-id-mismatch');
  });
});

describe('unpackBundle checks every part', () => {
  it('a listed part missing from the zip', async () => {
    const missing = await editBundle(good, ({ files }) => {
      delete files[`screenshots/${SHOT_ID}.jpg`];
    });
    expectRefused(await unpackBundle(missing), 'missing-part', `screenshots/${SHOT_ID}.jpg`);
  });

  it('a part of another size', async () => {
    const longer = await editBundle(
      good,
      ({ files }) => {
        files['visit.json'] = encode(`${new TextDecoder().decode(files['visit.json'])} `);
      },
      { rehash: false },
    );
    expectRefused(await unpackBundle(longer), 'size-mismatch', 'visit.json');
  });

  it('visit.json edited after export, same size, zip still valid', async () => {
    const edited = await editBundle(
      good,
      ({ files }) => {
        const text = new TextDecoder().decode(files['visit.json']);
        files['visit.json'] = encode(text.replace('"state":"no"', '"state":"na"'));
      },
      { rehash: false },
    );
    expect(edited.length).toBeGreaterThan(0);
    expectRefused(await unpackBundle(edited), 'hash-mismatch', 'visit.json');
  });

  it('a screenshot edited after export', async () => {
    const edited = await editBundle(
      good,
      ({ files }) => {
        const image = files[`screenshots/${SHOT_ID}.jpg`];
        if (image) image[100] = (image[100] ?? 0) ^ 1;
      },
      { rehash: false },
    );
    expectRefused(await unpackBundle(edited), 'hash-mismatch', `screenshots/${SHOT_ID}.jpg`);
  });
});

describe('unpackBundle checks visit.json', () => {
  it('must be JSON', async () => {
    const text = await editBundle(good, ({ files }) => {
      files['visit.json'] = encode('not json');
    });
    expect(expectRefused(await unpackBundle(text), 'bad-visit-data').detail).toBe('not-json');
  });

  it('must match the schema, the issue path saying where', async () => {
    const wrong = await editBundle(good, ({ visit }) => {
      (visit.pages[0] as unknown as Record<string, unknown>).url = 42;
    });
    expectRefused(await unpackBundle(wrong), 'bad-visit-data', 'pages.0.url');
  });

  it('must hold one visit only', async () => {
    const mixed = await editBundle(good, ({ visit }) => {
      const note = visit.notes[0];
      if (note) note.visitId = 'someone-else';
    });
    expect(expectRefused(await unpackBundle(mixed), 'bad-visit-data', 'notes.0.visitId').detail).toBe('other-visit');
  });

  it('must have the files of its recording batches and screenshots', async () => {
    const path = `recording/${HOME_ID}/0.json.gz`;
    const gone = await editBundle(good, ({ files, manifest }) => {
      delete files[path];
      manifest.parts = manifest.parts.filter((part) => part.path !== path);
    });
    expect(expectRefused(await unpackBundle(gone), 'missing-part', path).detail).toBe('not-in-manifest');
  });

  it('must describe every recording file it carries', async () => {
    const undescribed = await editBundle(good, ({ visit }) => {
      visit.recording = visit.recording.filter((part) => part.pageId !== HOME_ID);
    });
    const path = `recording/${HOME_ID}/0.json.gz`;
    expect(expectRefused(await unpackBundle(undescribed), 'missing-part', path).detail).toBe('not-in-visit-data');
  });

  it('must use ids a path can hold', async () => {
    const odd = await editBundle(good, ({ visit }) => {
      const part = visit.recording[0];
      if (part) part.pageId = 'a/b';
    });
    expect(expectRefused(await unpackBundle(odd), 'bad-visit-data', 'recording.0.pageId').detail).toBe('bad-id');
  });
});
