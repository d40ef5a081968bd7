import { z } from 'zod';
import { CHECKLIST_FORMAT, CHECKLIST_VERSION, checklistSchema } from './schema';

/** Where the generated schema is kept, from the repository root. */
export const CHECKLIST_JSON_SCHEMA_PATH = 'docs/checklist.schema.json';

/**
 * The checklist format as a JSON Schema (draft 2020-12), for agencies' editors and tools. Generated
 * from the zod schema, so the two cannot disagree; what JSON Schema cannot say is in `description`.
 */
export function checklistJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(checklistSchema, { io: 'input' });
  return {
    $schema,
    $id: `urn:${CHECKLIST_FORMAT}:${CHECKLIST_VERSION}`,
    title: `Mystère checklist, format version ${CHECKLIST_VERSION}`,
    description:
      'A Mystère checklist: sections of criteria, each prompted on some page types. See docs/checklist-format.md. ' +
      'Mystère also checks what this schema cannot express: criterion ids are unique across the whole checklist, ' +
      'section ids are unique, and texts are trimmed of surrounding spaces before their length is checked.',
    ...rest,
  };
}

/** The file's exact text: two-space indents and a final newline. */
export function checklistJsonSchemaText(): string {
  return `${JSON.stringify(checklistJsonSchema(), null, 2)}\n`;
}
