import type { Signal } from '../schema/evidence';
import { pageTypeOf } from '../schema/page';
import type { PageType } from '../schema/page-type';
import { pushReplay } from './finding-evidence';
import { signalDetail } from './journey';
import type { EvidenceRef, Severity } from './model-types';
import { make, type Source } from './sourced-finding';
import { replayAt } from './timeline';

/** Where a failing script or request hurts most: on the way to paying. */
const PURCHASE_PAGES: readonly PageType[] = ['cart', 'checkout', 'payment'];
const SIGNAL_EVIDENCE = 3;

/** One finding per page and signal type: three rage clicks on one page are one problem, seen three times. */
export const signalFindings: Source = (data, timeline, w, pages) => {
  const groups = new Map<string, Signal[]>();
  for (const signal of [...data.signals].sort((a, b) => a.at - b.at)) {
    const key = `${signal.pageId}\u0000${signal.type}`;
    groups.set(key, [...(groups.get(key) ?? []), signal]);
  }
  return [...groups.values()].flatMap(([first, ...others]) => {
    if (!first) return [];
    const page = pages.get(first.pageId);
    const type = page ? pageTypeOf(page) : 'other';
    const clicks = first.type === 'rage-click' || first.type === 'dead-click';
    const broken = (first.type === 'js-error' || first.type === 'failed-request') && PURCHASE_PAGES.includes(type);
    const count = others.length + 1;
    const evidence: EvidenceRef[] = [];
    for (const s of [first, ...others].slice(0, SIGNAL_EVIDENCE)) pushReplay(evidence, replayAt(timeline, s.pageId, s.offset));
    const title = w.r.findings.signalTitle(w.ui.evidence.signalTypes[first.type], w.ui.pageTypes[type]);
    const detail = w.r.findings.signalDetail(count, signalDetail(first, w));
    const severity: Severity = clicks || broken ? 'major' : 'minor';
    const d = { id: `signal:${first.pageId}:${first.type}`, source: 'signal' as const, title, detail, severity };
    return [make({ ...d, count, page, pageId: first.pageId, evidence }, { signalType: first.type })];
  });
};
