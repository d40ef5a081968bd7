/**
 * Writes docs/mission.schema.json from the zod schema. Run it after changing utils/mission/schema.ts
 * (or the checklist schema, which a mission embeds): `npx tsx scripts/mission-schema.ts` (a unit
 * test fails until you do).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSION_JSON_SCHEMA_PATH, missionJsonSchemaText } from '../utils/mission/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, MISSION_JSON_SCHEMA_PATH);
await writeFile(file, missionJsonSchemaText());
console.log(`Wrote ${path.relative(process.cwd(), file) || file}`);
