import { z } from 'zod';
import { answersOf } from '../checklist/answers';
import type { Answer, Localized } from '../checklist/schema';
import { stagesOfPages } from '../journey/funnel';
import type { Note, Screenshot } from '../schema/evidence';
import { pageTypeOf, type Page } from '../schema/page';
import { checklistIdOfMission } from './checklist';
import type { EvidenceKind, Mission, RequiredEvidence } from './schema';
import type { StepStatus } from './step-status';
import type { ScenarioProgress } from './steps';

/**
 * What a visit still lacks before it answers its mission: required steps neither reached nor
 * marked by the evaluator, and the evidence the agency requires — screenshots, notes, and answers
 * to criteria. Criteria have no "required" flag of their own: the answers a mission requires are
 * its evidence of kind `answer`.
 */

export type MissingKind = 'step' | EvidenceKind;

/** A missing item's id: `step/<stepId>` or `evidence/<evidenceId>`. */
export const missingItemIdSchema = z.string().regex(/^(step|evidence)\/[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);

export interface MissingItem {
  /** Stable across calls: `step/<stepId>` or `evidence/<evidenceId>`. */
  id: string;
  kind: MissingKind;
  /** The step's or the evidence's id in the mission. */
  refId: string;
  label: Localized;
}

export interface CompletenessInput {
  mission: Pick<Mission, 'steps' | 'requiredEvidence' | 'checklist'>;
  pages: readonly Page[];
  /** `detectSteps(mission.steps, pages, …)`. */
  progress: ScenarioProgress;
  statuses: readonly Pick<StepStatus, 'stepId' | 'status' | 'pageId'>[];
  answers: readonly Pick<Answer, 'checklistId' | 'criterionId' | 'state' | 'pageId'>[];
  screenshots: readonly Pick<Screenshot, 'pageId'>[];
  notes: readonly Pick<Note, 'pageId'>[];
}

const PREFIX: Record<MissingKind, Localized> = {
  step: { fr: 'Étape ni atteinte ni marquée', en: 'Step neither reached nor marked' },
  screenshot: { fr: 'Capture d’écran manquante', en: 'Missing screenshot' },
  note: { fr: 'Note manquante', en: 'Missing note' },
  answer: { fr: 'Réponse manquante', en: 'Missing answer' },
};

function labelled(kind: MissingKind, text: Localized): Localized {
  return { fr: `${PREFIX[kind].fr}\u00a0: ${text.fr}`, en: `${PREFIX[kind].en}: ${text.en}` };
}

/** The missing items, steps first then evidence, each in the mission's order; none when complete. */
export function missingItems(input: CompletenessInput): MissingItem[] {
  const { mission, progress } = input;
  const reached = new Set(progress.steps.filter((step) => step.reached).map((step) => step.stepId));
  const marked = new Set(input.statuses.map((status) => status.stepId));
  const steps = mission.steps
    .filter((step) => step.required && !reached.has(step.id) && !marked.has(step.id))
    .map((step): MissingItem => ({ id: `step/${step.id}`, kind: 'step', refId: step.id, label: labelled('step', step.instruction) }));

  const pagesById = new Map(input.pages.map((page) => [page.id, page]));
  const stages = stagesOfPages([...input.pages]);
  // A step's pages: those that met its conditions, or, for a step the evaluator marked instead, the page on screen then.
  const stepPages = new Map(progress.steps.map((step) => [step.stepId, new Set(step.pageIds)]));
  for (const status of input.statuses) {
    const pages = stepPages.get(status.stepId);
    if (pages && pages.size === 0 && status.pageId) pages.add(status.pageId);
  }
  /** Whether a page is where the evidence is wanted. */
  const inPlace = (evidence: RequiredEvidence, pageId: string): boolean => {
    if (evidence.stepId !== undefined) return stepPages.get(evidence.stepId)?.has(pageId) ?? false;
    const page = pagesById.get(pageId);
    if (evidence.pageType !== undefined) return page !== undefined && pageTypeOf(page) === evidence.pageType;
    if (evidence.stage !== undefined) return stages.get(pageId) === evidence.stage;
    return true;
  };
  const answers = answersOf(input.answers, checklistIdOfMission(mission.checklist));
  const given = (evidence: RequiredEvidence): boolean => {
    switch (evidence.kind) {
      case 'screenshot':
        return input.screenshots.some((shot) => inPlace(evidence, shot.pageId));
      case 'note':
        return input.notes.some((note) => inPlace(evidence, note.pageId));
      case 'answer':
        return answers.some((a) => a.criterionId === evidence.criterionId && a.state !== 'unchecked' && inPlace(evidence, a.pageId));
    }
  };
  const evidence = mission.requiredEvidence
    .filter((item) => !given(item))
    .map((item): MissingItem => ({ id: `evidence/${item.id}`, kind: item.kind, refId: item.id, label: labelled(item.kind, item.label) }));
  return [...steps, ...evidence];
}
