import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../automation/paths';
import { sum } from './stats';

/** The store build: what users install (the automation build differs only in its manifest). */
export const STORE_BUILD = path.join(ROOT, '.output/chrome-mv3');

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Injected only when needed (a screenshot, an audit), not carried by every page of a visit. */
  onDemand: boolean;
}

/**
 * The scripts Mystère puts in the shop's pages, as built: the main-world recorder is a WXT content
 * script; the others are unlisted scripts (utils/content/page-context.ts says why).
 */
export const PAGE_SCRIPTS = ['content-scripts/recorder-main.js', 'recorder.js', 'recorder-isolated.js', 'capture.js', 'audit.js'] as const;

// Injected when needed: a capture, an audit, or (recorder-isolated) the one page already open when a
// visit starts. Every other page carries only the relay and the main-world recorder.
const ON_DEMAND = new Set(['capture.js', 'audit.js', 'recorder-isolated.js']);

export interface ContentScripts {
  build: string;
  scripts: ScriptSize[];
  /** What every page of a visit carries. */
  everyPageBytes: number;
  everyPageGzipBytes: number;
  totalBytes: number;
  totalGzipBytes: number;
}

/** Sizes of the built (minified) content scripts, as shipped and gzipped. */
export async function contentScriptSizes(build = STORE_BUILD): Promise<ContentScripts> {
  const scripts = await Promise.all(
    PAGE_SCRIPTS.map(async (file) => {
      const code = await readFile(path.join(build, file)).catch(() => {
        throw new Error(`no ${file} in ${build}: build the extension first`);
      });
      return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, onDemand: ON_DEMAND.has(file) };
    }),
  );
  return {
    build: path.relative(ROOT, build),
    scripts,
    everyPageBytes: sum(scripts.filter((s) => !s.onDemand).map((s) => s.bytes)),
    everyPageGzipBytes: sum(scripts.filter((s) => !s.onDemand).map((s) => s.gzipBytes)),
    totalBytes: sum(scripts.map((s) => s.bytes)),
    totalGzipBytes: sum(scripts.map((s) => s.gzipBytes)),
  };
}
