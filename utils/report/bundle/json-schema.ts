import { z } from 'zod';
import { visitDataSchema } from '../visit-data';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleManifestSchema } from './manifest';

/** Where the generated schema is kept, from the repository root. */
export const BUNDLE_JSON_SCHEMA_PATH = 'docs/bundle.schema.json';

/** One zod schema as a JSON Schema definition, without its own `$schema`. */
function definition(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

/**
 * The two JSON files of a bundle as one JSON Schema (draft 2020-12): `manifest.json` is
 * `#/$defs/manifest`, `visit.json` is `#/$defs/visit`, and the document itself accepts either.
 * Generated from the zod schemas, so the two cannot disagree; what JSON Schema cannot say is in
 * `description`.
 */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:${BUNDLE_FORMAT}:${BUNDLE_VERSION}`,
    title: `Mystère visit bundle, format version ${BUNDLE_VERSION}`,
    description:
      'The JSON files of a Mystère visit bundle (a zip): manifest.json (#/$defs/manifest) and visit.json (#/$defs/visit); ' +
      'mission.json, for a visit that followed a mission, is a mission file (mission.schema.json). ' +
      'See docs/bundle-format.md. Mystère also checks what this schema cannot express: each part’s kind matches its path, ' +
      'paths are unique, every listed part is in the zip with the given size and SHA-256 and nothing else is, ' +
      'the manifest’s visitId is visit.json’s visit.id, every record of visit.json belongs to that visit, ' +
      'every recording batch and screenshot of visit.json has its files (and the reverse), ' +
      '(from version 3) each assets/<sha256> part is named by the SHA-256 of its bytes and has the size assetCopies gives it, ' +
      'every asset use’s hash is described once in assetCopies, every described copy is used and has its part, and every asset part is described, ' +
      'visit.missionHash is the SHA-256 of the canonical JSON of visit.mission, and (from version 2) a visit with a mission ' +
      'has mission.json, that canonical JSON, and the manifest’s mission gives its id and that SHA-256, while a visit without has neither.',
    anyOf: [{ $ref: '#/$defs/manifest' }, { $ref: '#/$defs/visit' }],
    $defs: { manifest: definition(bundleManifestSchema), visit: definition(visitDataSchema) },
  };
}

/** The file's exact text: two-space indents and a final newline. */
export function bundleJsonSchemaText(): string {
  return `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
}
