import { z } from 'zod';
import { checklistSchema, type Checklist } from './schema';
import { DEFAULT_CHECKLISTS } from './defaults';

/** A checklist the evaluator imported, as stored. */
export const installedChecklistSchema = z.object({
  id: z.string().min(1).max(100),
  checklist: checklistSchema,
  installedAt: z.number(),
});
export type InstalledChecklist = z.infer<typeof installedChecklistSchema>;

/** Every checklist on offer: the built-in ones first, then the imported ones. */
export function allChecklists(installed: InstalledChecklist[]): { checklist: Checklist; builtIn: boolean }[] {
  return [
    ...DEFAULT_CHECKLISTS.map((checklist) => ({ checklist, builtIn: true })),
    ...installed.map((i) => ({ checklist: i.checklist, builtIn: false })),
  ];
}

/** A built-in checklist's id cannot be taken by an import. */
export function isBuiltInId(id: string): boolean {
  return DEFAULT_CHECKLISTS.some((c) => c.id === id);
}
