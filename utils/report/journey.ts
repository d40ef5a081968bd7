import { customerMs } from '../journey/customer-time';
import { degradedSentences } from './degraded';
import type { ReportWords } from '../i18n/report-messages';
import { stagesOfPages } from '../journey/funnel';
import { SIGNAL_TYPES, type FunnelStage, type Signal, type SignalFacts } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import type { JourneyPage, JourneySignal, JourneyStage } from './model-types';
import { replayAt, type Timeline } from './timeline';
import type { VisitData } from './visit-data';

/** The visit as a path: the funnel stages it reached, its pages in order, its friction signals in words. */

/** Facts come from the audited page: plain strings, cut short. */
const MAX_FACT = 200;

const cut = (text: string) => (text.length > MAX_FACT ? `${text.slice(0, MAX_FACT - 1)}…` : text);

function factText(facts: SignalFacts, key: string): string | undefined {
  if (!Object.hasOwn(facts, key)) return undefined;
  const text = String(facts[key]).trim();
  return text ? cut(text) : undefined;
}

function factNumber(facts: SignalFacts, key: string): number | undefined {
  const value = Object.hasOwn(facts, key) ? facts[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A signal's facts in a few words, lower-case first ("5 clicks in 1.2 s on “Size guide”"). */
export function signalDetail(signal: Signal, w: ReportWords): string {
  const { r, ui } = w;
  const d = r.signalDetails;
  const f = signal.facts;
  const label = factText(f, 'label');
  switch (signal.type) {
    case 'rage-click': {
      const clicks = factNumber(f, 'clicks');
      return clicks === undefined ? d.fallback : d.rage(clicks, ui.evidence.seconds(factNumber(f, 'spanMs') ?? 0), label);
    }
    case 'dead-click':
      return d.dead(label);
    case 'js-error': {
      const message = factText(f, 'message');
      return message ? d.jsError(message) : d.fallback;
    }
    case 'failed-request': {
      const request = [factText(f, 'method'), factText(f, 'url')].filter((s) => s).join(' ');
      const status = factNumber(f, 'status');
      return request && status !== undefined ? d.failed(request, status) : d.fallback;
    }
    case 'form-error': {
      const text = factText(f, 'text');
      return text ? d.form(text) : d.fallback;
    }
    case 'long-wait': {
      const waited = factNumber(f, 'waitedMs');
      const action = factText(f, 'action');
      const words = action && Object.hasOwn(ui.evidence.factValues, action) ? ui.evidence.factValues[action] : action;
      return waited === undefined ? d.fallback : d.wait(ui.evidence.seconds(waited), words);
    }
    case 'layout-shift': {
      const value = factNumber(f, 'value');
      return value === undefined ? d.fallback : d.shift(ui.evidence.decimal(value));
    }
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const inVisitOrder = (pages: readonly Page[]) => [...pages].sort((a, b) => a.startedAt - b.startedAt);

/** The stages reached, in the order reached; each placed at the first page of that stage. */
export function journeyStages(data: VisitData, timeline: Timeline, w: ReportWords, now: number): JourneyStage[] {
  const stageOf = stagesOfPages(data.pages);
  const firstPage = new Map<FunnelStage, Page>();
  for (const page of inVisitOrder(data.pages)) {
    const stage = stageOf.get(page.id);
    if (stage && !firstPage.has(stage)) firstPage.set(stage, page);
  }
  // The visit's own list comes first; stages only the pages show (a type corrected later) follow.
  const reached = [...new Set([...(data.visit.stages ?? []), ...firstPage.keys()])];
  return reached
    .flatMap((stage): JourneyStage[] => {
      const page = firstPage.get(stage);
      if (!page) return [];
      return [
        {
          stage,
          label: w.ui.evidence.stages[stage],
          reachedAt: page.startedAt,
          sinceStart: Math.max(0, page.startedAt - data.visit.startedAt),
          sinceStartCustomer: customerMs(data.visit.startedAt, page.startedAt, data.visit, now),
          replayAt: replayAt(timeline, page.id, 0),
        },
      ];
    })
    .sort((a, b) => a.reachedAt - b.reachedAt);
}

/** The pages in visit order; a page lasts until the next page of its tab, else until it or the visit ended. */
export function journeyPages(data: VisitData, timeline: Timeline, w: ReportWords, now: number): JourneyPage[] {
  const ordered = inVisitOrder(data.pages);
  return ordered.map((page, index) => {
    const next = ordered.slice(index + 1).find((other) => other.tabId === page.tabId);
    const end = next?.startedAt ?? page.endedAt ?? data.visit.endedAt ?? now;
    const shots = data.screenshots.filter((s) => s.pageId === page.id).sort((a, b) => a.at - b.at);
    const thumbnail = shots.find((s) => s.kind === 'visible') ?? shots[0];
    const signals = data.signals.filter((s) => s.pageId === page.id);
    const type = pageTypeOf(page);
    return {
      id: page.id,
      url: page.url,
      title: page.title,
      type,
      typeLabel: w.ui.pageTypes[type],
      startedAt: page.startedAt,
      durationMs: Math.max(0, end - page.startedAt),
      customerMs: customerMs(page.startedAt, end, data.visit, now),
      replayAt: replayAt(timeline, page.id, 0),
      ...(page.unrecorded ? { unrecorded: page.unrecorded } : {}),
      ...(page.degraded?.length ? { degraded: degradedSentences(page, w) } : {}),
      ...(thumbnail ? { thumbnailId: thumbnail.id } : {}),
      refinements: page.refinements?.length ?? 0,
      signals: SIGNAL_TYPES.flatMap((t) => {
        const count = signals.filter((s) => s.type === t).length;
        return count > 0 ? [{ type: t, label: w.ui.evidence.signalTypes[t], count }] : [];
      }),
    };
  });
}

/** Every signal in time order, with its facts in words. */
export function journeySignals(data: VisitData, timeline: Timeline, w: ReportWords): JourneySignal[] {
  return [...data.signals]
    .sort((a, b) => a.at - b.at)
    .map((signal) => ({
      id: signal.id,
      type: signal.type,
      label: w.ui.evidence.signalTypes[signal.type],
      pageId: signal.pageId,
      at: signal.at,
      replayAt: replayAt(timeline, signal.pageId, signal.offset),
      ...(signal.selector !== undefined ? { selector: signal.selector } : {}),
      detail: capitalised(signalDetail(signal, w)),
    }));
}
