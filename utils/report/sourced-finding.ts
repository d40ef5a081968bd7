import type { Criterion } from '../checklist/schema';
import type { ReportWords } from '../i18n/report-messages';
import type { AbandonReason, SignalType } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import type { PageType } from '../schema/page-type';
import type { ReportFinding, Severity } from './model-types';
import type { Timeline } from './timeline';
import type { VisitData } from './visit-data';

/** A finding with what the four questions sort it by (never shown). */
export interface SourcedFinding {
  finding: ReportFinding;
  /** The types of the pages it was seen on. */
  pageTypes: PageType[];
  criterion?: Criterion;
  signalType?: SignalType;
  reason?: AbandonReason;
  /** For a landing finding: the sentence that opens the first-seconds answer. */
  lead?: string;
}

export const POINTS: Record<Severity, number> = { critical: 300, major: 200, minor: 100 };

/** Severity points, then weight × 10, then frequency (up to 9). */
export function rankOf(severity: Severity, weight: number, count: number): number {
  return POINTS[severity] + weight * 10 + Math.min(Math.max(count, 0), 9);
}

interface Draft extends Omit<ReportFinding, 'rank' | 'knockout' | 'pageId' | 'pageUrl' | 'detail'> {
  detail?: string | undefined;
  page: Page | undefined;
  pageId: string;
  weight?: number;
  count?: number;
  knockout?: boolean;
}

/** A ranked finding, seen on its page's type unless told otherwise. */
export function make(d: Draft, more: Partial<SourcedFinding> = {}): SourcedFinding {
  const { page, weight = 0, count = 1, knockout = false, detail, ...rest } = d;
  const finding: ReportFinding = {
    ...rest,
    ...(detail ? { detail } : {}),
    rank: rankOf(d.severity, weight, count),
    knockout,
    ...(page ? { pageUrl: page.url } : {}),
  };
  return { finding, pageTypes: page ? [pageTypeOf(page)] : [], ...more };
}

/** One source of findings: what it saw in a visit, with its pages by id. */
export type Source = (data: VisitData, timeline: Timeline, w: ReportWords, pages: Map<string, Page>) => SourcedFinding[];

/** The pages in the order they were opened. */
export const inVisitOrder = (pages: readonly Page[]) => [...pages].sort((a, b) => a.startedAt - b.startedAt);
