import { describe, expect, it } from 'vitest';
import type { ImportedVisit } from '../../../utils/db/viewer-database';
import type { UnpackResult } from '../../../utils/report/bundle/unpack';
import { importBundleFiles, type ImportDeps } from '../../../utils/report/import-bundles';
import { submittedReview, type Review } from '../../../utils/report/review';
import { visit } from '../db/fixtures';
import { answer, checklist, content, manifest, visitData } from './fixtures';

/** A bundle is, for these tests, one byte naming the visit it holds; 0 is a damaged file. */
const bundles: Record<number, UnpackResult> = {
  0: { ok: false, error: { code: 'hash-mismatch', path: 'visit.json' } },
  1: { ok: true, content: content(visitData({ visit: visit({ id: 'a' }) })), manifest: manifest('a') },
  2: { ok: true, content: content(visitData({ visit: visit({ id: 'b' }), checklist, answers: [answer('c1')] })), manifest: manifest('b') },
};
const file = (name: string, byte: number) => ({ name, bytes: new Uint8Array([byte]) });

function world(before: ImportedVisit[] = [], over: Partial<ImportDeps> = {}) {
  const stored = new Map(before.map((v) => [v.id, v]));
  const progress: string[] = [];
  let clock = 100;
  const deps: ImportDeps = {
    unpack: (bytes) => Promise.resolve(bundles[bytes[0]!]!),
    put: (v) => {
      const replaced = stored.has(v.id);
      stored.set(v.id, v);
      return Promise.resolve({ replaced });
    },
    now: () => clock++,
    onProgress: (i, n, name) => progress.push(`${i}/${n} ${name}`),
    ...over,
  };
  return { stored, progress, deps };
}

describe('importBundleFiles', () => {
  it('stores nothing for a rejected file and goes on with the next', async () => {
    const { stored, progress, deps } = world();
    const results = await importBundleFiles([file('bad.zip', 0), file('a.zip', 1)], deps);
    expect(results).toEqual([
      { name: 'bad.zip', ok: false, error: { code: 'hash-mismatch', path: 'visit.json' } },
      { name: 'a.zip', ok: true, visitId: 'a', replaced: false },
    ]);
    expect([...stored.keys()]).toEqual(['a']);
    expect(progress).toEqual(['1/2 bad.zip', '2/2 a.zip']);
  });

  it('keeps the bundle, its manifest, a summary and the answered criteria', async () => {
    const { stored, deps } = world();
    await importBundleFiles([file('b.zip', 2)], deps);
    const b = stored.get('b')!;
    expect(b).toMatchObject({ id: 'b', importedAt: 100, fileName: 'b.zip', manifest: manifest('b'), bytes: new Uint8Array([2]) });
    expect(b.summary).toMatchObject({ site: 'shop.example', score: 100, evaluator: '' });
    expect(b.criteria.map((c) => c.id)).toEqual(['c1']);
  });

  it('says when a visit already imported is replaced', async () => {
    const { stored, deps } = world();
    await importBundleFiles([file('a.zip', 1)], deps);
    const again = await importBundleFiles([file('a-again.zip', 1)], deps);
    expect(again).toEqual([{ name: 'a-again.zip', ok: true, visitId: 'a', replaced: true }]);
    expect(stored.get('a')?.fileName).toBe('a-again.zip');
  });

  it('starts the review as submitted, whatever review the bundle carries', async () => {
    const carried: Review = {
      status: 'validated',
      updatedAt: 50,
      reviewer: 'Sam',
      comments: [{ criterionId: 'c1', text: 'Parfait.', at: 50 }],
      history: [{ status: 'submitted', at: 10 }, { status: 'in-review', at: 20 }, { status: 'validated', at: 50 }],
    };
    const withReview: UnpackResult = {
      ok: true,
      content: content(visitData({ visit: visit({ id: 'r' }), review: carried })),
      manifest: manifest('r'),
    };
    const { stored, deps } = world([], {
      unpack: (bytes) => Promise.resolve(bytes[0] === 9 ? withReview : bundles[bytes[0]!]!),
    });
    await importBundleFiles([file('a.zip', 1), file('r.zip', 9)], deps);
    expect(stored.get('a')?.review).toEqual(submittedReview(100));
    expect(stored.get('r')?.review).toEqual(submittedReview(101));
  });

  it('reports a check that throws, or a store that fails, and goes on', async () => {
    const { stored, deps } = world([], {
      unpack: (bytes) => (bytes[0] === 0 ? Promise.reject(new Error('boom')) : Promise.resolve(bundles[bytes[0]!]!)),
      put: (v) => (v.id === 'a' ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve({ replaced: false })),
    });
    const results = await importBundleFiles([file('x.zip', 0), file('a.zip', 1), file('b.zip', 2)], deps);
    expect(results).toEqual([
      { name: 'x.zip', ok: false, error: { code: 'check-failed', detail: 'boom' } },
      { name: 'a.zip', ok: false, visitId: 'a', error: { code: 'store-failed', detail: 'QuotaExceededError' } },
      { name: 'b.zip', ok: true, visitId: 'b', replaced: false },
    ]);
    expect(stored.size).toBe(0);
  });

  it('checks one file at a time', async () => {
    let running = 0;
    let most = 0;
    const { deps } = world([], {
      unpack: async (bytes) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        return bundles[bytes[0]!]!;
      },
    });
    await importBundleFiles([file('a.zip', 1), file('b.zip', 2), file('bad.zip', 0)], deps);
    expect(most).toBe(1);
  });
});
