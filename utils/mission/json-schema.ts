import { z } from 'zod';
import { MISSION_FORMAT, MISSION_VERSION, missionSchema } from './schema';

/** Where the generated schema is kept, from the repository root. */
export const MISSION_JSON_SCHEMA_PATH = 'docs/mission.schema.json';

/**
 * The mission format as a JSON Schema (draft 2020-12), for agencies' editors and tools. Generated
 * from the zod schema, so the two cannot disagree; what JSON Schema cannot say is in `description`.
 */
export function missionJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(missionSchema, { io: 'input' });
  return {
    $schema,
    $id: `urn:${MISSION_FORMAT}:${MISSION_VERSION}`,
    title: `Mystère mission, format version ${MISSION_VERSION}`,
    description:
      'A Mystère mission: the sites, the scenario of steps, the checklist, the persona, privacy rules, the deadline and the ' +
      'evidence an agency asks of a visit. See docs/mission-format.md. Mystère also checks what this schema cannot express: ' +
      'sites are origins (http or https, no path) and each is given once; step ids and evidence ids are unique; evidence names ' +
      'a step of the mission and a criterion of its checklist; evidence gives at most one of stepId, pageType and stage, and ' +
      'criterionId exactly when its kind is answer; an embedded checklist follows the checklist format and does not take a ' +
      'built-in checklist\u2019s id; URL patterns start with / and have no space or #; selectors parse as CSS; the deadline is ' +
      'an ISO 8601 date and time with its time zone; texts are trimmed of surrounding spaces before their length is checked.',
    ...rest,
  };
}

/** The file's exact text: two-space indents and a final newline. */
export function missionJsonSchemaText(): string {
  return `${JSON.stringify(missionJsonSchema(), null, 2)}\n`;
}
