import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEn, bundleErrorText, bundleFr } from '../../../utils/i18n/bundle-messages';
import { parseMissionText } from '../../../utils/mission/errors';
import { QUICK_VISIT_MISSION } from '../../../utils/mission/defaults';
import { canonicalJson, missionHash } from '../../../utils/mission/installed';
import { sha256Hex } from '../../../utils/report/bundle/hash';
import { BUNDLE_VERSION } from '../../../utils/report/bundle/manifest';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { editBundle, expectRefused } from './fixtures/bundle-edit';
import { VISIT_ID, agencyMission, missionVisitContent, visitContent } from './fixtures/visit-content';

const options = { now: Date.UTC(2025, 2, 14, 11, 0), generator: { name: 'Mystère', version: '0.1.0' } };
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

let withMission: Uint8Array;
let without: Uint8Array;

beforeAll(async () => {
  withMission = await packBundle(await missionVisitContent(), options);
  without = await packBundle(visitContent(), options);
});

describe('a bundle of a visit that followed a mission', () => {
  it('carries mission.json, the visit’s copy as canonical JSON, and the manifest names it with its hash', async () => {
    const content = await missionVisitContent();
    const { mission, missionHash: hash } = content.data.visit;
    const files = unzipSync(withMission);
    expect(decode(files['mission.json'])).toBe(canonicalJson(mission));
    expect(await sha256Hex(files['mission.json'] ?? new Uint8Array())).toBe(hash);

    const result = await unpackBundle(withMission);
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.detail ?? ''}`);
    expect(result.manifest.version).toBe(BUNDLE_VERSION);
    expect(result.manifest.mission).toEqual({ id: 'agence-test-juillet', sha256: hash });
    expect(result.manifest.parts.slice(0, 2).map((part) => [part.path, part.kind])).toEqual([
      ['visit.json', 'visit'],
      ['mission.json', 'mission'],
    ]);
    expect(result.content.data).toEqual(content.data);
    expect(result.content.data.visit.stepStatuses).toEqual({ home: { status: 'done', comment: '', at: expect.any(Number) as number } });
  });

  it('gives the agency a brief it can import as a mission file, with the same hash', async () => {
    const parsed = parseMissionText(decode(unzipSync(withMission)['mission.json']), 'en');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.mission).toEqual(agencyMission());
    expect(await missionHash(parsed.mission)).toBe((await missionVisitContent()).data.visit.missionHash);
  });

  it('packs the Quick visit’s copy the same way', async () => {
    const result = await unpackBundle(await packBundle(await missionVisitContent(QUICK_VISIT_MISSION), options));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.manifest.mission?.id).toBe(QUICK_VISIT_MISSION.id);
    expect(result.content.data.visit.mission).toEqual(QUICK_VISIT_MISSION);
  });

  it('has neither mission.json nor a manifest mission for a visit without one', async () => {
    expect(Object.keys(unzipSync(without))).not.toContain('mission.json');
    const result = await unpackBundle(without);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.manifest.mission).toBeUndefined();
    expect(result.manifest.parts.some((part) => part.kind === 'mission')).toBe(false);
  });

  it('is not packed when the visit’s hash does not match its copy', async () => {
    const content = await missionVisitContent();
    content.data.visit.missionHash = '0'.repeat(64);
    await expect(packBundle(content, options)).rejects.toThrow(/missionHash/);
    const { missionHash: _dropped, ...noHash } = content.data.visit;
    content.data.visit = noHash;
    await expect(packBundle(content, options)).rejects.toThrow(/missionHash/);
  });
});

describe('unpackBundle refuses a mission that does not hold together (mission-mismatch)', () => {
  const refused = async (bytes: Uint8Array, path: string, detail: string) => {
    const error = expectRefused(await unpackBundle(bytes), 'mission-mismatch', path);
    expect(error.detail).toBe(detail);
    return error;
  };

  it('a visit with a mission and no mission.json', async () => {
    const gone = await editBundle(withMission, ({ files, manifest }) => {
      delete files['mission.json'];
      manifest.parts = manifest.parts.filter((part) => part.path !== 'mission.json');
    });
    const error = await refused(gone, 'mission.json', 'no-mission-file');
    expect(bundleErrorText(bundleEn, error)).toBe(
      'The visit followed a mission, but the bundle lacks the mission.json file that describes it: nothing was imported.',
    );
  });

  it('mission.json in the bundle of a visit without mission', async () => {
    const mission = encode(canonicalJson(agencyMission()));
    const added = await editBundle(without, ({ files, manifest }) => {
      files['mission.json'] = mission;
      manifest.parts.splice(1, 0, { path: 'mission.json', kind: 'mission', size: 0, sha256: '0'.repeat(64) });
    });
    await refused(added, 'mission.json', 'no-visit-mission');
  });

  it('the visit’s copy edited after export (visit.json rehashed, not its missionHash)', async () => {
    const edited = await editBundle(withMission, ({ visit }) => {
      if (visit.visit.mission) visit.visit.mission.instructions.fr = 'Achetez tout.';
    });
    const error = await refused(edited, 'visit.missionHash', 'visit-mission-hash');
    expect(bundleErrorText(bundleFr, error)).toContain('modifiée après l’export');
  });

  it('a visit with a copy and no missionHash, or a missionHash and no copy', async () => {
    const noHash = await editBundle(withMission, ({ visit }) => {
      delete visit.visit.missionHash;
    });
    await refused(noHash, 'visit.missionHash', 'visit-mission-hash');
    const noCopy = await editBundle(without, ({ visit }) => {
      visit.visit.missionHash = 'a'.repeat(64);
    });
    await refused(noCopy, 'visit.missionHash', 'visit-mission-hash');
  });

  it('a manifest that names no mission, another one, or another version of it', async () => {
    const none = await editBundle(withMission, ({ manifest }) => {
      delete manifest.mission;
    });
    await refused(none, 'mission', 'manifest-mission');
    const other = await editBundle(withMission, ({ manifest }) => {
      if (manifest.mission) manifest.mission.id = 'another-mission';
    });
    await refused(other, 'mission.id', 'manifest-mission');
    const version = await editBundle(withMission, ({ manifest }) => {
      if (manifest.mission) manifest.mission.sha256 = 'b'.repeat(64);
    });
    const error = await refused(version, 'mission.sha256', 'manifest-mission');
    expect(bundleErrorText(bundleFr, error)).toContain('manifest.json');
  });

  it('a manifest that names a mission for a visit without one', async () => {
    const named = await editBundle(without, ({ manifest }) => {
      manifest.mission = { id: 'agence-test-juillet', sha256: 'c'.repeat(64) };
    });
    await refused(named, 'mission', 'manifest-mission');
  });

  it('mission.json holding another brief, its part rehashed', async () => {
    const other = { ...agencyMission(), instructions: { fr: 'Achetez tout.', en: 'Buy everything.' } };
    const swapped = await editBundle(withMission, ({ files }) => {
      files['mission.json'] = encode(canonicalJson(other));
    });
    const error = await refused(swapped, 'mission.json', 'mission-content');
    expect(bundleErrorText(bundleEn, error)).toContain('differs from the copy kept in visit.json');
    const notJson = await editBundle(withMission, ({ files }) => {
      files['mission.json'] = encode('{"format":');
    });
    await refused(notJson, 'mission.json', 'mission-content');
    // Nested past the stack's depth: refused as another brief, never thrown.
    const deep = await editBundle(withMission, ({ files }) => {
      files['mission.json'] = encode(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    });
    await refused(deep, 'mission.json', 'mission-content');
  });

  it('mission.json with the same brief written otherwise: its hash is not the visit’s', async () => {
    const pretty = await editBundle(withMission, ({ files }) => {
      files['mission.json'] = encode(JSON.stringify(JSON.parse(decode(files['mission.json'])), null, 2));
    });
    const error = await refused(pretty, 'mission.json', 'mission-file-hash');
    expect(bundleErrorText(bundleEn, error)).toContain('SHA-256');
  });

  it('mission.json edited and its part left as packed is caught by the part’s own hash first', async () => {
    const edited = await editBundle(
      withMission,
      ({ files }) => {
        const text = decode(files['mission.json']);
        files['mission.json'] = encode(text.replace('Agence Test', 'Agence Tost'));
      },
      { rehash: false },
    );
    expectRefused(await unpackBundle(edited), 'hash-mismatch', 'mission.json');
  });
});

describe('a version 1 bundle (made before missions)', () => {
  const v1 = new Uint8Array(readFileSync(new URL('./fixtures/bundle-v1.zip', import.meta.url)));

  it('still opens: the file a version 1 Mystère wrote', async () => {
    const result = await unpackBundle(v1);
    if (!result.ok) throw new Error(`${result.error.code} ${result.error.path ?? ''}`);
    expect(result.manifest.version).toBe(1);
    expect(result.manifest.mission).toBeUndefined();
    expect(result.content.data).toEqual(visitContent().data);
    expect(result.reportHtml).toBe('<!doctype html><title>Rapport</title>');
  });

  it('opens with a mission copy in visit.json and no mission.json, as long as the copy matches its hash', async () => {
    const copy = await missionVisitContent();
    const withCopy = await editBundle(v1, ({ visit }) => {
      visit.visit = copy.data.visit;
    });
    const result = await unpackBundle(withCopy);
    expect(result.ok && result.content.data.visit.mission?.id).toBe('agence-test-juillet');
    const badHash = await editBundle(v1, ({ visit }) => {
      visit.visit = { ...copy.data.visit, missionHash: 'd'.repeat(64) };
    });
    expectRefused(await unpackBundle(badHash), 'mission-mismatch', 'visit.missionHash');
  });

  it('cannot carry mission.json or a manifest mission, which version 1 did not have', async () => {
    const part = await editBundle(withMission, ({ manifest }) => {
      manifest.version = 1;
      delete manifest.mission;
    });
    expectRefused(await unpackBundle(part), 'bad-manifest', 'parts.1.kind');
    const field = await editBundle(v1, ({ manifest }) => {
      manifest.mission = { id: 'agence-test-juillet', sha256: 'e'.repeat(64) };
    });
    expectRefused(await unpackBundle(field), 'bad-manifest', 'mission');
  });
});

describe('the visit id check comes before the mission checks', () => {
  it('a bundle naming another visit is a bad manifest whatever its mission', async () => {
    const other = await editBundle(withMission, ({ manifest, files }) => {
      manifest.visitId = `${VISIT_ID}-x`;
      delete files['mission.json'];
      manifest.parts = manifest.parts.filter((part) => part.path !== 'mission.json');
    });
    expect(expectRefused(await unpackBundle(other), 'bad-manifest', 'visitId').detail).toBe('visit-id-mismatch');
  });
});
