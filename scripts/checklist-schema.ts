/**
 * Writes docs/checklist.schema.json from the zod schema. Run it after changing
 * utils/checklist/schema.ts: `npx tsx scripts/checklist-schema.ts` (a unit test fails until you do).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKLIST_JSON_SCHEMA_PATH, checklistJsonSchemaText } from '../utils/checklist/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, CHECKLIST_JSON_SCHEMA_PATH);
await writeFile(file, checklistJsonSchemaText());
console.log(`Wrote ${path.relative(process.cwd(), file) || file}`);
