import { stagesOfPages } from '../journey/funnel';
import type { FunnelStage } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import type { Condition, Step } from './schema';
import { foldText } from './fold-text';
import { matchesUrlPattern } from './url-pattern';

/**
 * Where a visit reached each step of its mission's scenario, from its pages alone: pure, so the
 * panel can show it live and the report can tell it after.
 */

/** How one step went, as the pages tell it. */
export interface StepProgress {
  stepId: string;
  reached: boolean;
  /** The page that reached it: in the expected order when it was reached so, else the first one. */
  pageId?: string;
  /** When (epoch ms): that page's start. */
  at?: number;
  /** Every page that meets the step's conditions, in visit order (a route revisited shows twice). */
  pageIds: string[];
  /** Reached after the steps before it that were reached in order. */
  inOrder: boolean;
  /** When the step's time began (epoch ms): the step before it reached in order, or the visit's start; only when in order. */
  from?: number;
  /** Seconds from `from` to `at`, wall time; only when in order. */
  seconds?: number;
  /** Took longer than the step's `targetSeconds`; only when both are known. */
  overTarget?: boolean;
}

export interface ScenarioProgress {
  steps: StepProgress[];
  /** Every step reached was reached in the expected order. */
  orderFollowed: boolean;
}

export interface DetectStepsOptions {
  /** The visible text of pages, by page id, where it was read; a text condition needs it. */
  texts?: ReadonlyMap<string, string>;
  /** When the visit started (epoch ms); the first page's start by default. */
  startedAt?: number;
}

/** Required steps weigh more than all the optional ones together when the order is worked out. */
const REQUIRED_WEIGHT = 1000;

export { foldText };

/** Whether one condition holds on a page of this stage, with this folded visible text (if read). */
export function conditionHolds(condition: Condition, page: Page, stage: FunnelStage | undefined, foldedText: string | undefined): boolean {
  switch (condition.kind) {
    case 'pageType':
      return pageTypeOf(page) === condition.pageType;
    case 'stage':
      return stage === condition.stage;
    case 'url':
      return matchesUrlPattern(condition.pattern, page.url);
    case 'text': {
      // Seen on the page by the capture script while it was shown (`page.textsSeen`), or in text given here.
      const wanted = foldText(condition.text);
      return (page.textsSeen?.includes(wanted) ?? false) || (foldedText !== undefined && foldedText.includes(wanted));
    }
  }
}

interface Link {
  score: number;
  step: number;
  page: number;
  previous: Link | undefined;
}

/**
 * Each step's progress. A step is reached on a page where all its conditions hold. The expected
 * order is judged on the best route through the visit: the most steps (required ones first) that
 * can be matched to pages in the mission's order, a page counting for consecutive steps if it meets
 * them all. So a shopper who goes back to a listing and then on to the product again still followed
 * the order; a step met only before the one meant to precede it did not.
 */
export function detectSteps(
  steps: readonly Pick<Step, 'id' | 'reached' | 'required' | 'targetSeconds'>[],
  pages: readonly Page[],
  options: DetectStepsOptions = {},
): ScenarioProgress {
  const ordered = [...pages].sort((a, b) => a.startedAt - b.startedAt);
  const stages = stagesOfPages(ordered);
  const texts = new Map([...(options.texts ?? [])].map(([id, text]) => [id, foldText(text)]));
  const matches = steps.map((step) =>
    ordered.flatMap((page, i) => (step.reached.every((c) => conditionHolds(c, page, stages.get(page.id), texts.get(page.id))) ? [i] : [])),
  );
  const chain = bestChain(steps, matches, ordered.length);
  let previousAt = options.startedAt ?? ordered[0]?.startedAt;
  const progress = steps.map((step, s): StepProgress => {
    const pageIds = (matches[s] ?? []).map((i) => ordered[i]?.id ?? '');
    const chained = chain.get(s);
    const index = chained ?? matches[s]?.[0];
    const page = index === undefined ? undefined : ordered[index];
    if (!page) return { stepId: step.id, reached: false, pageIds, inOrder: false };
    const result: StepProgress = { stepId: step.id, reached: true, pageId: page.id, at: page.startedAt, pageIds, inOrder: chained !== undefined };
    if (chained === undefined) return result;
    if (previousAt !== undefined) {
      result.from = previousAt;
      result.seconds = Math.max(0, page.startedAt - previousAt) / 1000;
      if (step.targetSeconds !== undefined) result.overTarget = result.seconds > step.targetSeconds;
    }
    previousAt = page.startedAt;
    return result;
  });
  return { steps: progress, orderFollowed: progress.every((step) => !step.reached || step.inOrder) };
}

/**
 * The steps matched in order, by step index to page index: the heaviest chain of (step, page) pairs
 * whose steps and pages both increase (pages may repeat), earliest pages first on ties.
 */
function bestChain(steps: readonly Pick<Step, 'required'>[], matches: number[][], pageCount: number): Map<number, number> {
  // best[p]: the heaviest chain so far whose last page is p.
  let best: (Link | undefined)[] = new Array<Link | undefined>(pageCount).fill(undefined);
  steps.forEach((step, s) => {
    const weight = step.required ? REQUIRED_WEIGHT : 1;
    const next = [...best];
    let before: Link | undefined;
    let scanned = 0;
    for (const page of matches[s] ?? []) {
      for (; scanned <= page; scanned++) {
        const link = best[scanned];
        if (link && (!before || link.score > before.score)) before = link;
      }
      const link: Link = { score: (before?.score ?? 0) + weight, step: s, page, previous: before };
      const current = next[page];
      if (!current || link.score > current.score) next[page] = link;
    }
    best = next;
  });
  let last: Link | undefined;
  for (const link of best) if (link && (!last || link.score > last.score)) last = link;
  const chain = new Map<number, number>();
  for (let link = last; link; link = link.previous) chain.set(link.step, link.page);
  return chain;
}
