import type { SkipReason } from '../assets/schema';
import type { Unrecorded } from '../schema/page';
import type { Annotation, FunnelStage, ScreenshotKind, ScreenshotTrigger, SignalType } from '../schema/evidence';
import type { PageType } from '../schema/page-type';
import type { Rating, Vitals } from '../schema/page';
import type { VisitStatus } from '../schema/visit';
import type { Impact } from '../audit/schema';
import type { AnswerState } from '../checklist/schema';
import type { Review } from './review';
import type { EvidenceKind, Persona } from '../mission/schema';
import type { StepStatusValue } from '../mission/step-status';

/**
 * The report of one visit, ready to show: every sentence already in the report's language, every
 * time already placed on the replay's timeline. Built by `buildReport` (pure), shown by the same
 * Preact components in the extension's report page and in the exported HTML file.
 *
 * Every string here may come from the audited site or from a person (titles, URLs, selectors, HTML
 * excerpts, comments): it is plain text, never markup, and is escaped wherever it is shown.
 */

export type ReportLang = 'fr' | 'en';

/** Where a finding's proof is. `at` is in ms on the visit's replay timeline (see `ReplayMarker`). */
export type EvidenceRef =
  | { kind: 'screenshot'; screenshotId: string }
  | { kind: 'replay'; at: number };

export type FindingSource = 'checklist' | 'signal' | 'accessibility' | 'speed' | 'abandonment' | 'landing';
export type Severity = 'critical' | 'major' | 'minor';

/** One problem the report shows, with its proof. */
export interface ReportFinding {
  /** Stable and unique in a report, e.g. `criterion:C12`, `signal:<id>`, `a11y:<pageId>:<ruleId>`. */
  id: string;
  source: FindingSource;
  title: string;
  detail?: string;
  severity: Severity;
  /** Ranking key: higher first (severity, then the criterion's weight, then frequency). */
  rank: number;
  knockout: boolean;
  pageId?: string;
  pageUrl?: string;
  evidence: EvidenceRef[];
}

export type QuestionId = 'orders' | 'first-seconds' | 'product' | 'return';

/**
 * What explains an answer, in the words of `docs/questions.md`: one kind per cause a shopper meets.
 * The rule table (`utils/report/question-rules.ts`) says which kinds each question weighs and how.
 */
export const CAUSE_KINDS = [
  'blocking-error',
  'validation-loop',
  'forced-account',
  'surprise-cost',
  'payment-trust',
  'delivery-terms',
  'long-checkout',
  'knockout',
  'overlay',
  'slow-landing',
  'slow-page',
  'layout-shift',
  'product-info',
  'product-not-found',
  'returns-info',
  'contact',
  'confirmation',
  'account',
  'declared-leave',
  'unresponsive',
  'form-error',
  'criterion',
  'accessibility',
] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

/** 1 stops the shopper, 2 deters, 3 slows or annoys, 4 a barrier for some shoppers (never leads). */
export type CauseTier = 1 | 2 | 3 | 4;

/** One cause an answer gives, with where it was seen and its proof. */
export interface QuestionCause {
  kind: CauseKind;
  tier: CauseTier;
  /** A sentence a reviewer can keep, in the report's language. */
  text: string;
  pageId?: string;
  pageUrl?: string;
  pageType?: PageType;
  criterionId?: string;
  /** The finding it comes from, when there is one (its id in `findings`). */
  findingId?: string;
  evidence: EvidenceRef[];
}

/**
 * How a question is answered: a cause leads (`answered`), the pages it needs were seen and nothing
 * there stops a shopper (`clear`), or the visit never reached them (`not-reached`).
 */
export type QuestionStatus = 'answered' | 'clear' | 'not-reached';

/** One of the four questions a shop owner asks, answered by a diagnosis of the visit. */
export interface QuestionAnswer {
  id: QuestionId;
  question: string;
  status: QuestionStatus;
  /** The lead sentence, then the verdicts shown elsewhere in the report that bear on the question. */
  answer: string;
  /** The cause that most likely explains it: the first of `causes`, when its tier is 1–3. */
  lead?: QuestionCause;
  /** Every cause in scope, ranked (the rule in `docs/questions.md`). */
  causes: QuestionCause[];
  /** What the visit covered for this question, e.g. "No contact, returns or account page was viewed." */
  coverage: string;
  /** The findings behind the causes, in the order of the causes. */
  findings: ReportFinding[];
}

export interface ReportCover {
  site: string;
  origin: string;
  /** The mission's title; for a visit made before missions, its checklist's title or the quick visit's. */
  mission: string;
  /** The persona's alias the evaluator shopped under, when the mission sets one. */
  personaAlias?: string;
  /** The mission's deadline and whether the visit ended by it. */
  deadline?: ReportMissionDeadline;
  startedAt: number;
  endedAt?: number;
  /** Pauses left out. */
  durationMs: number;
  /** Customer time: pauses and the evaluator's work in the panel left out (utils/journey/customer-time.ts). */
  customerMs: number;
  /** As signed in the verdict; empty when not given yet. */
  evaluator: string;
  /** e.g. "Chrome 156 · Linux". */
  browser: string;
  /** The viewport of the first recorded page, when known. */
  screen?: { width: number; height: number };
  status: VisitStatus;
}

/** A mission's deadline; `met` is null while the visit is open and the deadline not yet past. */
export interface ReportMissionDeadline {
  at: number;
  met: boolean | null;
}

/** One step of the mission's scenario, as the visit went. */
export interface ReportMissionStep {
  id: string;
  instruction: string;
  success: string;
  required: boolean;
  /** A page of the visit met its conditions. */
  reached: boolean;
  /** Reached after the steps before it that were reached in the expected order. */
  inOrder: boolean;
  /** Required, neither reached nor marked: the completeness check lists it. */
  missing: boolean;
  /** The evaluator's mark and its comment. */
  status?: StepStatusValue;
  comment?: string;
  /** Why it is missing, in the evaluator's words (asked before Stop). */
  explanation?: string;
  /** The page that reached it, and where that page starts on the replay. */
  pageId?: string;
  replayAt: number | null;
  /** From the step before it (or the visit's start) to this one, when reached in order: wall time and customer time. */
  wallMs?: number;
  customerMs?: number;
  targetMs?: number;
  /** Customer time above the target. */
  overTarget?: boolean;
}

/** A piece of evidence the mission requires. */
export interface ReportMissionEvidence {
  id: string;
  kind: EvidenceKind;
  label: string;
  present: boolean;
  stepId?: string;
  explanation?: string;
}

/** The brief the visit followed and how the visit answered it. */
export interface ReportMission {
  id: string;
  title: string;
  agency: string;
  /** The Quick visit, built into Mystère. */
  builtIn: boolean;
  /** SHA-256 of the mission as followed (utils/mission/installed.ts). */
  hash?: string;
  instructions: string;
  persona?: Persona;
  deadline?: ReportMissionDeadline;
  /** Every step reached was reached in the expected order. */
  orderFollowed: boolean;
  steps: ReportMissionStep[];
  evidence: ReportMissionEvidence[];
}

export interface ReportOutcome {
  kind: 'converted' | 'abandoned' | 'unknown';
  stage?: FunnelStage;
  /** The stage's name in the report language. */
  stageLabel?: string;
  /** The abandonment reason in words. */
  reason?: string;
  comment?: string;
  /** One sentence that says it all: "Abandoned at the cart: extra costs shown too late." */
  text: string;
  evidence: EvidenceRef[];
}

export interface ReportSummary {
  /** 0–100, or null when nothing was scored. */
  score: number | null;
  sections: { id: string; title: string; score: number | null; answered: number; total: number }[];
  outcome: ReportOutcome;
  /** At most 10, ranked. */
  topFindings: ReportFinding[];
  /** Knock-out criteria answered "no". */
  knockouts: ReportFinding[];
  counts: { pages: number; screenshots: number; notes: number; signals: number; answered: number; criteria: number };
}

export interface JourneyStage {
  stage: FunnelStage;
  label: string;
  /** Epoch ms when the visit reached it. */
  reachedAt: number;
  /** ms from the visit's start. */
  sinceStart: number;
  /** The same, in customer time. */
  sinceStartCustomer: number;
  replayAt: number | null;
}

export interface JourneyPage {
  id: string;
  url: string;
  title: string;
  type: PageType;
  typeLabel: string;
  startedAt: number;
  durationMs: number;
  /** The same, in customer time: the evaluator's work in the panel and pauses left out. */
  customerMs: number;
  /** Where the page starts on the replay's timeline; null when it has no recording. */
  replayAt: number | null;
  /** Why the page has no recording (known from the browser's navigation alone). */
  unrecorded?: Unrecorded;
  /** How its recording stepped down (a page too busy, the visit's storage full), in words. */
  degraded?: string[];
  /** A screenshot of the page to show as its thumbnail. */
  thumbnailId?: string;
  /** How many times the page was sorted, filtered or paged without becoming another page. */
  refinements: number;
  signals: { type: SignalType; label: string; count: number }[];
}

export interface JourneySignal {
  id: string;
  type: SignalType;
  label: string;
  pageId: string;
  at: number;
  replayAt: number | null;
  selector?: string;
  /** The facts in words, e.g. "5 clicks in 1.2 s on “Size guide”". */
  detail: string;
}

export interface ReportCriterion {
  id: string;
  question: string;
  state: AnswerState | 'unanswered';
  /** "Yes", "No", "Not applicable", "4 / 5", "12 s"… */
  stateLabel: string;
  comment: string;
  weight: number;
  knockout: boolean;
  /** e.g. "Opquast 35", "WCAG 1.1.1", "RGAA 1.1". */
  references: string[];
  evidence: EvidenceRef[];
  pageId?: string;
  /** The reviewer's comment on this criterion, when the visit was returned. */
  reviewComment?: string;
}

export interface ReportChecklistSection {
  id: string;
  title: string;
  score: number | null;
  criteria: ReportCriterion[];
}

export interface ReportAccessibilityFinding {
  ruleId: string;
  impact: Impact;
  impactLabel: string;
  help: string;
  helpUrl: string;
  wcag: string[];
  rgaa: string[];
  nodeCount: number;
  nodes: { selector: string; html: string; summary: string }[];
}

export interface ReportAccessibilityPage {
  pageId: string;
  url: string;
  title: string;
  /** done / timed-out / failed / not audited, in words. */
  statusLabel: string;
  audited: boolean;
  findings: ReportAccessibilityFinding[];
}

export interface ReportSpeedPage {
  pageId: string;
  url: string;
  title: string;
  verdict: Rating | null;
  verdictLabel: string;
  vitals: Vitals;
  reasons: string[];
  ttfbMs?: number;
  transferBytes?: number;
}

export interface ReportNote {
  id: string;
  pageId: string;
  at: number;
  replayAt: number | null;
  text: string;
}

export interface ReportScreenshot {
  id: string;
  pageId: string;
  at: number;
  replayAt: number | null;
  kind: ScreenshotKind;
  trigger: ScreenshotTrigger;
  width: number;
  height: number;
  /** "Full page · Cart · 14:02:11". */
  caption: string;
  annotations: Annotation[];
}

export type WritingIssue =
  | { kind: 'long-sentence'; sentence: string; words: number }
  | { kind: 'no-without-comment'; criterionId: string; question: string };

export interface ReportVerdict {
  text: string;
  final: boolean;
  at?: number;
  /** What the writing help flags; a final verdict may still have some (they are advice). */
  issues: WritingIssue[];
}

export type MarkerKind = 'page' | 'answer' | 'note' | 'screenshot' | 'signal' | 'abandonment';

/**
 * What the replay shows of the shop's own images, fonts and style sheets (issue 15): how many
 * addresses the visit kept a copy of, how many it did not and why, whether the visit's asset budget
 * was reached, and — in an exported file — how many copies the file leaves out to stay within its
 * size budget (the bundle carries them all).
 */
export type ReplayAssets = {
  kept: number;
  notKept: Partial<Record<SkipReason, number>>;
  budgetReached: boolean;
  leftOutOfFile: number;
};

/** A moment on the replay's timeline, in ms from the first recorded event of the visit. */
export interface ReplayMarker {
  at: number;
  kind: MarkerKind;
  label: string;
  /** The id of what it points at (page, answer's criterion, note, screenshot, signal, abandonment). */
  refId: string;
}

export interface ReportAppendix {
  method: string[];
  references: { name: string; attribution: string; url?: string }[];
  glossary: { term: string; definition: string }[];
}

/** One of the findings the first page shows, with the screenshot shown beside it. */
export interface TopFinding extends ReportFinding {
  /** Its own first screenshot, else a screenshot of its page; absent when neither exists. */
  thumbnailId?: string;
}

/**
 * What a shop owner reads in a minute, on the report's first page: the score, how the visit
 * ended, and the few findings that matter most (chosen by `topFindings`).
 */
export interface ReportFirstPage {
  /** 0–100, or null when nothing was scored (the same as `summary.score`). */
  score: number | null;
  outcome: ReportOutcome;
  findings: TopFinding[];
}

export interface ReportModel {
  lang: ReportLang;
  visitId: string;
  generatedAt: number;
  /** The first page: score, outcome, top findings. */
  firstPage: ReportFirstPage;
  cover: ReportCover;
  summary: ReportSummary;
  questions: QuestionAnswer[];
  /** Null for a visit made before missions. */
  mission: ReportMission | null;
  journey: { stages: JourneyStage[]; pages: JourneyPage[]; signals: JourneySignal[] };
  checklist: { title: string; sections: ReportChecklistSection[] } | null;
  accessibility: { pages: ReportAccessibilityPage[]; violations: number; byImpact: Record<string, number> };
  speed: { pages: ReportSpeedPage[] };
  notes: ReportNote[];
  screenshots: ReportScreenshot[];
  verdict: ReportVerdict;
  /** Sorted by time. */
  markers: ReplayMarker[];
  replay: { available: boolean; durationMs: number; assets: ReplayAssets };
  review?: Review;
  appendix: ReportAppendix;
}

/** What `buildReport` needs besides the visit's data. */
export interface ReportOptions {
  lang: ReportLang;
  now: number;
}

/** The report sections, in order; each is a `report-section` with this `data-section`. */
export const REPORT_SECTIONS = [
  'cover',
  'contents',
  'visit',
  'summary',
  'questions',
  'mission',
  'journey',
  'replay',
  'checklist',
  'accessibility',
  'speed',
  'notes',
  'verdict',
  'appendix',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];
