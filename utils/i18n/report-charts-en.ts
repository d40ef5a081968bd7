import { evidenceEn } from './evidence-messages';
import type { ReportChartMessages } from './report-charts-fr';

/** The words of the report's first page, table of contents and charts, in English. */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const reportChartsEn: ReportChartMessages = {
  topThree: 'The problems to fix first',
  topThreeHint: 'The most serious of the visit, most serious first; all the others follow in the report.',
  seeScreenshot: (n: number) => `See screenshot ${n}`,
  contents: 'Contents',

  dataTable: 'The chart’s figures',

  scoresTitle: 'Scores by checklist part',
  overall: 'Overall score',
  scoresSummary: (overall: string, weakest: string | undefined) => `Overall score: ${overall}.` + (weakest ? ` Weakest part: ${weakest}.` : ''),
  notScoredShort: 'not scored',

  funnelTitle: 'The purchase funnel: customer time per stage',
  stages: evidenceEn.stages,
  notReached: 'not reached',
  stopHere: { converted: 'order placed', abandoned: 'abandoned here', unknown: 'end of the visit' },
  funnelSummary: (reached: number, total: number, stop: string | undefined, kind: string) =>
    `The visit reached ${reached} of ${total} stages` + (stop ? ` and stopped at the “${stop}” stage (${kind}).` : '.'),
  stageColumn: 'Stage',
  customerTimeColumn: 'Customer time',
  pagesColumn: 'Pages',
  stateColumn: 'State',
  reachedState: 'reached',
  customerAxis: 'customer time',

  timelineTitle: 'The visit over time: pages, answers, signals',
  lanes: { page: 'Pages', answer: 'Answers', signal: 'Signals', evidence: 'Notes, shots' },
  abandonment: 'Abandonment',
  timelineSummary: (pages: number, answers: number, signals: number, evidence: number, length: string) =>
    `Over ${length} of recording: ${plural(pages, 'page', 'pages')}, ${plural(answers, 'answer', 'answers')}, ${plural(signals, 'friction signal', 'friction signals')}, ${plural(evidence, 'note or screenshot', 'notes or screenshots')}.`,
  noTimeline: 'This visit has no recording: nothing to place in time.',
  momentColumn: 'When',
  whatColumn: 'What',
  detailColumn: 'Detail',
  replayAxis: 'recording time',

  vitalsTitle: (metric: string, name: string) => `${metric} (${name.toLocaleLowerCase('en')}) per page, against Google’s thresholds`,
  thresholds: (good: string, poor: string) => `good up to ${good}, poor above ${poor}`,
  vitalsSummary: (good: number, middle: number, poor: number, thresholds: string) =>
    `${plural(good, 'page good', 'pages good')}, ${middle} needing improvement, ${poor} poor (${thresholds}).`,
  vitalsNone: (metrics: string) => `Measured on no page: ${metrics}.`,
  valueColumn: 'Value',
  ratingColumn: 'Rating',
};
