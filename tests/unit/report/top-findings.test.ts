import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../../utils/report/model-types';
import { topFindings, type TopFindingsInput } from '../../../utils/report/top-findings';
import { reportModel } from '../components/report/model-fixture';

const finding = (id: string, rank: number, more: Partial<ReportFinding> = {}): ReportFinding => ({
  id,
  source: 'signal',
  title: `Problem ${id}`,
  severity: rank >= 100 ? 'critical' : rank >= 50 ? 'major' : 'minor',
  rank,
  knockout: false,
  evidence: [],
  ...more,
});

/** A model with these ranked findings and knock-outs, two pages (p1 with a thumbnail) and two screenshots. */
function input(ranked: ReportFinding[], knockouts: ReportFinding[] = []): TopFindingsInput {
  return {
    summary: { ...reportModel.summary, topFindings: ranked, knockouts },
    journey: reportModel.journey,
    screenshots: reportModel.screenshots,
  };
}

describe('topFindings: the findings the first page shows', () => {
  it('takes the three highest ranked, in order', () => {
    const ranked = [finding('a', 90), finding('b', 60), finding('c', 40), finding('d', 30)];
    expect(topFindings(input(ranked)).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(topFindings(input(ranked), 2).map((f) => f.id)).toEqual(['a', 'b']);
    expect(topFindings(input(ranked), 10).map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts a failed knock-out first, even ranked lower, and never twice', () => {
    const ko = finding('criterion:K1', 20, { source: 'checklist', knockout: true });
    const ranked = [finding('a', 90), finding('b', 60), ko, finding('c', 10)];
    expect(topFindings(input(ranked, [ko])).map((f) => f.id)).toEqual(['criterion:K1', 'a', 'b']);
  });

  it('passes over a finding whose title repeats one already chosen (one rule on several pages)', () => {
    const ranked = [
      finding('a11y:p1:color-contrast', 80, { title: 'Text too pale' }),
      finding('a11y:p2:color-contrast', 80, { title: 'Text too pale ' }),
      finding('b', 50),
      finding('c', 40),
    ];
    expect(topFindings(input(ranked)).map((f) => f.id)).toEqual(['a11y:p1:color-contrast', 'b', 'c']);
  });

  it('shows its own first screenshot, else one of its page, else none', () => {
    const ranked = [
      finding('own', 90, { evidence: [{ kind: 'replay', at: 5 }, { kind: 'screenshot', screenshotId: 's2' }], pageId: 'p1' }),
      finding('page', 80, { pageId: 'p1' }),
      finding('none', 70, { pageId: 'p2' }),
    ];
    expect(topFindings(input(ranked)).map((f) => [f.id, f.thumbnailId])).toEqual([
      ['own', 's2'],
      ['page', 's1'],
      ['none', undefined],
    ]);
    // A screenshot the report does not hold is no thumbnail.
    const gone = [finding('gone', 90, { evidence: [{ kind: 'screenshot', screenshotId: 'deleted' }] })];
    expect(topFindings(input(gone))[0]?.thumbnailId).toBeUndefined();
  });

  it('is empty when nothing was found', () => {
    expect(topFindings(input([]))).toEqual([]);
  });
});
