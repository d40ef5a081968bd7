import { DEFAULT_CHECKLISTS } from '../checklist/defaults';
import type { Checklist } from '../checklist/schema';
import type { MissionChecklist } from './schema';

/**
 * The checklist a mission uses: the built-in one it names, or the one it embeds. Undefined only for
 * a built-in id this version of Mystère does not ship, which the schema refuses.
 */
export function checklistOfMission(ref: MissionChecklist): Checklist | undefined {
  return 'embedded' in ref ? ref.embedded : DEFAULT_CHECKLISTS.find((checklist) => checklist.id === ref.builtIn);
}

/** The id answers of the mission's visits are kept under (`answersOf(answers, id)`). */
export function checklistIdOfMission(ref: MissionChecklist): string {
  return 'embedded' in ref ? ref.embedded.id : ref.builtIn;
}
