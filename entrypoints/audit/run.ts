import axe from 'axe-core';
import { toFindings } from '../../utils/audit/findings';
import type { AuditAnswer, AuditRequest } from '../../utils/messaging/audit-page';
import { collectSpeedFacts } from './speed-facts';
import { sharedTypedValues } from '../../utils/recording/typed-values';
import { pageClock } from './clock';

/** WCAG 2.x A and AA only: what RGAA and the European accessibility act ask for. */
const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations', 'incomplete'],
  elementRef: false,
  // Frames are other documents (a payment provider's): the audit stays on the page itself.
  iframes: false,
};

/**
 * Begins when the page is idle (`clock.ts`: plain timers, not WXT's `ctx` ones, since a later injection
 * of this script invalidates the first one's context, whose listener still serves). axe then runs
 * rule by rule, each in a task of its own.
 */
async function auditPage(request: AuditRequest, win: Window): Promise<AuditAnswer> {
  const started = win.performance.now();
  const clock = pageClock(win);
  try {
    await clock.idle();
    const answer: AuditAnswer = { durationMs: 0 };
    // Speed first: it only reads timings, and axe's work must not show in them.
    if (request.checks.speed) answer.speed = collectSpeedFacts(win);
    if (request.checks.accessibility) answer.accessibility = toFindings(await axe.run(win.document, AXE_OPTIONS), sharedTypedValues());
    answer.durationMs = Math.round(win.performance.now() - started);
    answer.longestTaskMs = clock.longestTask();
    return answer;
  } finally {
    clock.stop();
  }
}

/**
 * Runs audits one at a time: axe refuses to run twice at once, and a second request (the evaluator
 * asking again) waits for the first to end. The time limit is the background's: it races the reply.
 */
export function createAuditRunner(win: Window): (request: AuditRequest) => Promise<AuditAnswer> {
  let last: Promise<unknown> = Promise.resolve();
  return (request) => {
    const next = last.then(() => auditPage(request, win));
    last = next.catch(() => undefined);
    return next;
  };
}
