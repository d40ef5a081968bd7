import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteImported,
  getImported,
  listImported,
  openViewerDb,
  putImported,
  updateImported,
  VIEWER_DB_NAME,
  type ViewerDb,
} from '../../../utils/db/viewer-database';
import { moveReview, submittedReview, type Review } from '../../../utils/report/review';
import { imported } from './fixtures';

const opened: ViewerDb[] = [];
async function open(): Promise<ViewerDb> {
  const db = await openViewerDb(crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('viewer database', () => {
  it('is its own database, apart from the evaluator’s', async () => {
    expect(VIEWER_DB_NAME).toBe('mystere-viewer');
    const db = await open();
    expect([...db.objectStoreNames].sort()).toEqual(['bundles', 'imports']);
    expect(db.transaction('imports').store.keyPath).toBe('id');
  });

  it('gives back what was put, bytes included', async () => {
    const db = await open();
    const visit = imported({ criteria: [{ id: 'c1', question: { fr: 'Q ?', en: 'Q?' }, state: 'no', comment: 'x' }] });
    expect(await putImported(db, visit)).toEqual({ replaced: false });
    expect(await getImported(db, 'v1')).toEqual(visit);
    expect(await getImported(db, 'nope')).toBeUndefined();
  });

  it('lists without the bytes, the most recent visit first', async () => {
    const db = await open();
    await putImported(db, imported({ id: 'old', summary: { ...imported().summary, startedAt: 1 } }));
    await putImported(db, imported({ id: 'new', summary: { ...imported().summary, startedAt: 3 } }));
    await putImported(db, imported({ id: 'mid', summary: { ...imported().summary, startedAt: 2 } }));
    const list = await listImported(db);
    expect(list.map((v) => v.id)).toEqual(['new', 'mid', 'old']);
    expect(list.every((v) => !('bytes' in v))).toBe(true);
  });

  it('replaces a visit imported again, and says so', async () => {
    const db = await open();
    await putImported(db, imported());
    expect(await putImported(db, imported({ fileName: 'again.zip', bytes: new Uint8Array([9]) }))).toEqual({ replaced: true });
    expect(await getImported(db, 'v1')).toMatchObject({ fileName: 'again.zip', bytes: new Uint8Array([9]) });
    expect(await listImported(db)).toHaveLength(1);
  });

  it('keeps the agency’s review when a visit is imported again, and takes the new bundle’s data', async () => {
    const db = await open();
    await putImported(db, imported());
    const comment = { criterionId: 'c1', text: 'Montrez le prix.', at: 20_001 };
    const reviewed = await updateImported(db, 'v1', (entry) => {
      const moved = moveReview(entry.review, 'in-review', 20_000);
      return 'error' in moved ? entry : { ...entry, review: { ...moved, reviewer: 'Sam', comments: [comment] } };
    });
    const newer = imported({
      fileName: 'again.zip',
      importedAt: 30_000,
      bytes: new Uint8Array([9]),
      criteria: [{ id: 'c2', question: { fr: 'Q ?', en: 'Q?' }, state: 'yes', comment: '' }],
      summary: { ...imported().summary, score: 90 },
      // What a new import always proposes: ignored for a visit already there.
      review: submittedReview(30_000),
    });
    expect(await putImported(db, newer)).toEqual({ replaced: true });
    const stored = await getImported(db, 'v1');
    expect(stored?.review).toEqual(reviewed?.review);
    expect(stored?.review).toMatchObject({ status: 'in-review', reviewer: 'Sam', comments: [comment] });
    expect(stored).toMatchObject({ fileName: 'again.zip', importedAt: 30_000, bytes: new Uint8Array([9]), summary: { score: 90 } });
    expect(stored?.criteria.map((c) => c.id)).toEqual(['c2']);
  });

  it('updates the review from what is stored, keeping id and bytes', async () => {
    const db = await open();
    await putImported(db, imported());
    const move = (review: Review) => {
      const next = moveReview(review, 'in-review', 20_000);
      return 'error' in next ? review : next;
    };
    const updated = await updateImported(db, 'v1', (entry) => ({ ...entry, id: 'other', review: move(entry.review) }));
    expect(updated?.review.status).toBe('in-review');
    const stored = await getImported(db, 'v1');
    expect(stored?.review.history.map((h) => h.status)).toEqual(['submitted', 'in-review']);
    expect(stored?.bytes).toEqual(imported().bytes);
    expect(await getImported(db, 'other')).toBeUndefined();
    expect(await updateImported(db, 'gone', (e) => e)).toBeUndefined();
  });

  it('deletes a visit and its bundle', async () => {
    const db = await open();
    await putImported(db, imported());
    await putImported(db, imported({ id: 'v2' }));
    await deleteImported(db, 'v1');
    expect((await listImported(db)).map((v) => v.id)).toEqual(['v2']);
    expect(await db.get('bundles', 'v1')).toBeUndefined();
  });
});
