import { describe, expect, it, vi } from 'vitest';
import { reexportBundle, type ReexportDeps } from '../../../entrypoints/viewer/reexport';
import { packBundle } from '../../../utils/report/bundle/pack';
import { unpackBundle, type UnpackResult } from '../../../utils/report/bundle/unpack';
import { submittedReview, type Review } from '../../../utils/report/review';
import type { VisitContent } from '../../../utils/report/visit-data';
import { assetVisitContent } from '../report/fixtures/visit-content';
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

  it('keeps the shop’s assets: an imported bundle exported again carries the same copies and uses', async () => {
    const assetContent = await assetVisitContent();
    const bytes = await packBundle(assetContent, { now: 1, generator });
    const first = await unpackBundle(bytes);
    if (!first.ok) throw new Error(first.error.code);
    const review: Review = { ...submittedReview(2), status: 'returned' };
    const stored = imported({ bytes, review });
    const result = await reexportBundle(stored, { unpack: unpackBundle, pack: packBundle, now: 3, generator });
    if (!result.ok) throw new Error(result.error.code);
    const again = await unpackBundle(result.bytes);
    if (!again.ok) throw new Error(again.error.code);
    expect(again.content.assets).toEqual(assetContent.assets);
    expect(again.content.assetFiles).toEqual(assetContent.assetFiles);
    expect(again.content.data.assets).toEqual(assetContent.data.assets);
    expect(again.content.data.review).toEqual(review);
  });
});
