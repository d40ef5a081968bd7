import { FUNNEL_STAGES, type Abandonment, type FunnelStage, type Outcome, type Signal } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import type { PageType } from '../schema/page-type';

/**
 * The purchase funnel of a visit: the stage each page belongs to, the time and friction spent in
 * each stage, and where the visit ended (converted, or abandoned at a stage).
 */

/** Signals kept with an outcome: enough to explain it, few enough to read. */
export const OUTCOME_SIGNALS = 20;

const STAGE_OF_TYPE: Partial<Record<PageType, FunnelStage>> = {
  home: 'landing',
  listing: 'browse',
  search: 'browse',
  product: 'product',
  cart: 'cart',
  checkout: 'checkout',
  payment: 'payment',
  confirmation: 'confirmation',
};

/**
 * The stage of a page of this type. Account, contact and other pages belong to the stage the
 * shopper was in: an account forced on them during checkout is part of the checkout.
 */
export function stageOfType(type: PageType, previous: FunnelStage | undefined): FunnelStage {
  return STAGE_OF_TYPE[type] ?? previous ?? 'landing';
}

/** The pages in the order they were visited (a stable sort keeps equal starts in stored order). */
function inVisitOrder(pages: Page[]): Page[] {
  return [...pages].sort((a, b) => a.startedAt - b.startedAt);
}

/** Each page's stage (by page id), in visit order; the evaluator's type correction wins. */
export function stagesOfPages(pages: Page[]): Map<string, FunnelStage> {
  const stages = new Map<string, FunnelStage>();
  let previous: FunnelStage | undefined;
  for (const page of inVisitOrder(pages)) {
    previous = stageOfType(pageTypeOf(page), previous);
    stages.set(page.id, previous);
  }
  return stages;
}

/**
 * Whether the visit enters this stage for the first time, which earns an automatic screenshot.
 * Landing is a stage like the others, so the first page is captured too.
 */
export function isNewStage(reached: FunnelStage[], stage: FunnelStage): boolean {
  return !reached.includes(stage);
}

export interface StageSummary {
  stage: FunnelStage;
  /** Time spent on the stage's pages, in ms (a page still open counts until `now`). */
  timeMs: number;
  pageIds: string[];
  signalIds: string[];
}

/** Time, pages and signals per stage, in funnel order, for the stages the visit reached. */
export function summariseStages(pages: Page[], signals: Signal[], now: number): StageSummary[] {
  const stages = stagesOfPages(pages);
  const byStage = new Map<FunnelStage, StageSummary>();
  const summaryOf = (stage: FunnelStage) => {
    let summary = byStage.get(stage);
    if (!summary) {
      summary = { stage, timeMs: 0, pageIds: [], signalIds: [] };
      byStage.set(stage, summary);
    }
    return summary;
  };
  for (const page of inVisitOrder(pages)) {
    const summary = summaryOf(stages.get(page.id) ?? 'landing');
    // A clock set back must not make time negative.
    summary.timeMs += Math.max(0, (page.endedAt ?? now) - page.startedAt);
    summary.pageIds.push(page.id);
  }
  for (const signal of inTimeOrder(signals)) {
    const stage = stages.get(signal.pageId);
    // A signal of a page not stored (yet) has no stage to count in.
    if (stage) summaryOf(stage).signalIds.push(signal.id);
  }
  return FUNNEL_STAGES.flatMap((stage) => byStage.get(stage) ?? []);
}

function inTimeOrder(signals: Signal[]): Signal[] {
  return [...signals].sort((a, b) => a.at - b.at);
}

/** The ids of the last signals (at most OUTCOME_SIGNALS), most recent last. */
function lastSignalIds(signals: Signal[]): string[] {
  return inTimeOrder(signals)
    .slice(-OUTCOME_SIGNALS)
    .map((s) => s.id);
}

/**
 * How the visit ended: converted when a page reached the confirmation; otherwise abandoned where
 * the evaluator last said "I would leave here", or, failing that, at the stage of the last page.
 */
export function computeOutcome(pages: Page[], signals: Signal[], abandonments: Abandonment[]): Outcome {
  const stages = stagesOfPages(pages);
  if ([...stages.values()].includes('confirmation')) {
    return { kind: 'converted', stage: 'confirmation', signalIds: lastSignalIds(signals) };
  }
  const declared = abandonments.reduce<Abandonment | undefined>((last, a) => (!last || a.at >= last.at ? a : last), undefined);
  if (declared) {
    return {
      kind: 'abandoned',
      stage: declared.stage,
      declared: true,
      reason: declared.reason,
      abandonmentId: declared.id,
      pageId: declared.pageId,
      // What happened after the shopper would have left did not make them leave.
      signalIds: lastSignalIds(signals.filter((s) => s.at <= declared.at)),
    };
  }
  const last = inVisitOrder(pages).at(-1);
  return {
    kind: 'abandoned',
    stage: last ? (stages.get(last.id) ?? 'landing') : 'landing',
    declared: false,
    ...(last ? { pageId: last.id } : {}),
    signalIds: lastSignalIds(signals),
  };
}
