/**
 * Writes docs/bundle.schema.json from the zod schemas of manifest.json and visit.json. Run it after
 * changing utils/report/bundle/manifest.ts or the visit data's schemas:
 * `npx tsx scripts/bundle-schema.ts` (a unit test fails until you do).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_JSON_SCHEMA_PATH, bundleJsonSchemaText } from '../utils/report/bundle/json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, BUNDLE_JSON_SCHEMA_PATH);
await writeFile(file, bundleJsonSchemaText());
console.log(`Wrote ${path.relative(process.cwd(), file) || file}`);
