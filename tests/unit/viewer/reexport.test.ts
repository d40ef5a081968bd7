import { describe, expect, it, vi } from 'vitest';
import { reexportBundle, type ReexportDeps } from '../../../entrypoints/viewer/reexport';
import type { UnpackResult } from '../../../utils/report/bundle/unpack';
import { submittedReview, type Review } from '../../../utils/report/review';
import type { VisitContent } from '../../../utils/report/visit-data';
import { content, imported, manifest, visitData } from './fixtures';

const generator = { name: 'Mystère', version: '1.2.3' };

describe('reexportBundle', () => {
  it('packs the stored visit again with the current review and the report it carried', async () => {
    const review: Review = { ...submittedReview(1), status: 'validated', reviewer: 'Sam' };
    const unpacked: UnpackResult = { ok: true, content: content(visitData()), manifest: manifest('v1'), reportHtml: '<html></html>' };
    const pack = vi.fn<ReexportDeps['pack']>((_content: VisitContent) => Promise.resolve(new Uint8Array([7])));
    const stored = imported({ review, summary: { ...imported().summary, site: 'Shop.Example', startedAt: Date.UTC(2025, 2, 14, 12) } });
    const result = await reexportBundle(stored, { unpack: () => Promise.resolve(unpacked), pack, now: 42, generator });
    expect(result).toEqual({ ok: true, bytes: new Uint8Array([7]), fileName: 'mystere-Shop.Example-2025-03-14-validated.zip' });
    expect(pack.mock.calls[0]![0].data.review).toEqual(review);
    expect(pack.mock.calls[0]![1]).toEqual({ now: 42, generator, reportHtml: '<html></html>' });
  });

  it('gives the check’s error when the stored bytes are damaged', async () => {
    const pack = vi.fn<ReexportDeps['pack']>();
    const unpack = () => Promise.resolve<UnpackResult>({ ok: false, error: { code: 'hash-mismatch' } });
    expect(await reexportBundle(imported(), { unpack, pack, now: 1, generator })).toEqual({ ok: false, error: { code: 'hash-mismatch' } });
    expect(pack).not.toHaveBeenCalled();
  });
});
