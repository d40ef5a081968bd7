import type { ReportWords } from '../i18n/report-messages';
import type { DegradedStep, Page } from '../schema/page';
import type { Visit } from '../schema/visit';

/** Sentences shown per page at most; the pauses beyond are counted. */
const MAX_SENTENCES = 4;

const clock = (at: number, w: ReportWords) =>
  new Date(at).toLocaleTimeString(w.lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Why a step was taken, in words, with what the page did ("mutation storm: 100,000 changes in 10 s"). */
function why(step: DegradedStep, w: ReportWords): string {
  const locale = w.lang === 'fr' ? 'fr-FR' : 'en-GB';
  const n = (v: number) => v.toLocaleString(locale);
  const seconds = n(Math.max(1, Math.round(step.ms / 1000)));
  const words = w.r.degraded.why;
  if (step.reason === 'mutations') return words.mutations(n(step.changes), seconds);
  if (step.reason === 'volume') return words.volume(n(Math.round((step.chars / 1024 / 1024) * 10) / 10), seconds);
  if (step.reason === 'backlog') return words.backlog(step.events);
  return words.events(n(step.events), seconds);
}

/**
 * How a page's recording stepped down, in words, for its line of the journey: when it was sampled,
 * each pause (until the retry that resumed it), and a stop for the visit's storage budget.
 */
export function degradedSentences(page: Pick<Page, 'degraded'>, w: ReportWords): string[] {
  const steps = page.degraded ?? [];
  const d = w.r.degraded;
  const sentences: string[] = [];
  let untold = 0;
  let sampled = false;
  steps.forEach((step, i) => {
    if (step.reason === 'budget') return void sentences.push(d.budget(clock(step.at, w)));
    if (step.step === 1 && step.reason !== 'retry' && !sampled) {
      sampled = true;
      return void sentences.push(d.sampled(clock(step.at, w), why(step, w)));
    }
    if (step.step !== 2) return;
    if (sentences.length >= MAX_SENTENCES) return void untold++;
    const resumed = steps.slice(i + 1).find((s) => s.step < 2);
    sentences.push(resumed ? d.paused(clock(step.at, w), clock(resumed.at, w), why(step, w)) : d.pausedToEnd(clock(step.at, w), why(step, w)));
  });
  return untold > 0 ? [...sentences, d.more(untold)] : sentences;
}

/** The appendix's sentences: the pages whose recording was lightened, and the budget's stop. */
export function degradedMethod(visit: Pick<Visit, 'storage'>, pages: ReadonlyArray<Pick<Page, 'degraded'>>, w: ReportWords): string[] {
  const lightened = pages.filter((p) => p.degraded?.some((s) => s.reason !== 'budget')).length;
  const storage = visit.storage;
  const budget = storage?.fullAt !== undefined && storage.budget ? `${Math.round(storage.budget / 1024 / 1024).toLocaleString(w.lang === 'fr' ? 'fr-FR' : 'en-GB')}\u00a0${w.lang === 'fr' ? 'Mo' : 'MB'}` : undefined;
  return [
    ...(lightened > 0 ? [w.r.method.degraded(lightened)] : []),
    ...(budget && storage?.fullAt !== undefined ? [w.r.method.budget(budget, clock(storage.fullAt, w))] : []),
  ];
}
