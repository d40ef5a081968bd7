import { afterEach, describe, expect, it } from 'vitest';
import { reexportBundle } from '../../../entrypoints/viewer/reexport';
import { getImported, listImported, openViewerDb, putImported, updateImported, type ImportedVisit, type ViewerDb } from '../../../utils/db/viewer-database';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle } from '../../../utils/report/bundle/unpack';
import { importBundleFiles } from '../../../utils/report/import-bundles';
import { moveReview, setReviewComment, submittedReview, type Review } from '../../../utils/report/review';
import { visit } from '../db/fixtures';
import { editBundle } from '../report/fixtures/bundle-edit';
import { VISIT_ID, missionVisitContent } from '../report/fixtures/visit-content';
import { answer, checklist, content, visitData } from './fixtures';

const opened: ViewerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));
const generator = { name: 'Mystère', version: '0.1.0' };

/** The real packer and checker, end to end: import a bundle, review it, re-export it, read it back. */
describe('a bundle through the viewer', () => {
  it('is imported, reviewed and re-exported with its review', async () => {
    const db = await openViewerDb(crypto.randomUUID());
    opened.push(db);
    const data = visitData({ visit: visit({ status: 'ended', endedAt: 9000 }), checklist, answers: [answer('c1', { state: 'no' })] });
    const bytes = await packBundle(content(data), { now: 5000, generator });
    const damaged = bytes.slice(0, bytes.length - 30);

    const results = await importBundleFiles(
      [
        { name: 'cut.zip', bytes: damaged },
        { name: 'good.zip', bytes },
      ],
      { unpack: unpackBundle, put: (v) => putImported(db, v), now: () => 6000, onProgress: () => {} },
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['cut.zip', false],
      ['good.zip', true],
    ]);
    expect((await listImported(db)).map((v) => v.id)).toEqual(['v1']);

    await updateImported(db, 'v1', (entry) => {
      const moved = moveReview(entry.review, 'in-review', 7000);
      if ('error' in moved) throw new Error(moved.error);
      return { ...entry, review: setReviewComment(moved, 'c1', 'Montrez le prix.', 7001) };
    });
    const stored = (await getImported(db, 'v1'))!;
    const again = await reexportBundle(stored, { unpack: unpackBundle, pack: packBundle, now: 8000, generator });
    if (!again.ok) throw new Error(again.error.code);
    const reread = await unpackBundle(again.bytes);
    if (!reread.ok) throw new Error(reread.error.code);
    expect(reread.content.data.review).toMatchObject({ status: 'in-review', comments: [{ criterionId: 'c1', text: 'Montrez le prix.' }] });
    expect(again.fileName).toMatch(/^mystere-shop\.example-\d{4}-\d{2}-\d{2}-in-review\.zip$/);
  });

  it('arrives submitted whatever review it carries, and a new import of it keeps the agency’s review', async () => {
    const db = await openViewerDb(crypto.randomUUID());
    opened.push(db);
    const deps = (now: number) => ({ unpack: unpackBundle, put: (v: ImportedVisit) => putImported(db, v), now: () => now, onProgress: () => {} });
    // A bundle edited to claim it was validated already, with a comment and a history.
    const forged: Review = {
      status: 'validated',
      updatedAt: 5000,
      reviewer: 'Quelqu’un',
      comments: [{ criterionId: 'c1', text: 'Tout est bon.', at: 5000 }],
      history: [{ status: 'validated', at: 5000 }],
    };
    const first = visitData({ visit: visit({ status: 'ended', endedAt: 9000 }), checklist, answers: [answer('c1', { state: 'no' })], review: forged });
    await importBundleFiles([{ name: 'v1.zip', bytes: await packBundle(content(first), { now: 5000, generator }) }], deps(6000));
    expect((await getImported(db, 'v1'))?.review).toEqual(submittedReview(6000));

    // The agency reviews it and returns it with a comment...
    await updateImported(db, 'v1', (entry) => {
      const inReview = moveReview(entry.review, 'in-review', 7000);
      const returned = 'error' in inReview ? inReview : moveReview(inReview, 'returned', 7001);
      if ('error' in returned) throw new Error(returned.error);
      return { ...entry, review: setReviewComment(returned, 'c1', 'Montrez le prix.', 7002) };
    });
    const agency = (await getImported(db, 'v1'))!.review;

    // ...then the evaluator's corrected bundle arrives (other answers, another forged review): its data
    // replaces the visit's, the agency's review stays as it was.
    const second = { ...first, answers: [answer('c1', { state: 'yes' })], review: { ...forged, comments: [] } };
    const results = await importBundleFiles([{ name: 'v1-fixed.zip', bytes: await packBundle(content(second), { now: 8000, generator }) }], deps(9000));
    expect(results).toMatchObject([{ ok: true, replaced: true }]);
    const stored = (await getImported(db, 'v1'))!;
    expect(stored.review).toEqual(agency);
    expect(stored.review).toMatchObject({ status: 'returned', comments: [{ criterionId: 'c1', text: 'Montrez le prix.' }] });
    expect(stored).toMatchObject({ fileName: 'v1-fixed.zip', importedAt: 9000 });
    expect(stored.criteria).toMatchObject([{ id: 'c1', state: 'yes' }]);
  });

  it('of a mission is listed under it, keeps its mission.json when re-exported, and a forged mission stores nothing', async () => {
    const db = await openViewerDb(crypto.randomUUID());
    opened.push(db);
    const withMission = await missionVisitContent();
    const bytes = await packBundle(withMission, { now: 5000, generator });
    const forged = await editBundle(bytes, ({ files }) => {
      files['mission.json'] = new TextEncoder().encode(new TextDecoder().decode(files['mission.json']).replace('Visit the shop.', 'Buy it all.'));
    });
    const results = await importBundleFiles(
      [
        { name: 'forged.zip', bytes: forged },
        { name: 'mission.zip', bytes },
      ],
      { unpack: unpackBundle, put: (v) => putImported(db, v), now: () => 6000, onProgress: () => {} },
    );
    expect(results).toMatchObject([
      { name: 'forged.zip', ok: false, error: { code: 'mission-mismatch', path: 'mission.json', detail: 'mission-content' } },
      { name: 'mission.zip', ok: true },
    ]);
    const [entry] = await listImported(db);
    expect(entry?.summary.mission).toEqual({
      id: 'agence-test-juillet',
      sha256: withMission.data.visit.missionHash,
      agency: 'Agence Test',
      title: { fr: 'Mission de test', en: 'Test mission' },
    });
    expect(entry?.manifest.mission).toEqual({ id: 'agence-test-juillet', sha256: withMission.data.visit.missionHash });

    const again = await reexportBundle((await getImported(db, VISIT_ID))!, { unpack: unpackBundle, pack: packBundle, now: 8000, generator });
    if (!again.ok) throw new Error(again.error.code);
    const reread = await unpackBundle(again.bytes);
    expect(reread.ok && reread.manifest.mission).toEqual(entry?.manifest.mission);
  });
});
