import { readdir, readFile } from 'node:fs/promises';
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
  const dir = path.join(build, 'content-scripts');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js')).sort();
  if (files.length === 0) throw new Error(`no content scripts in ${dir}: build the extension first`);
  const scripts = await Promise.all(
    files.map(async (file) => {
      const code = await readFile(path.join(dir, file));
      return { file: `content-scripts/${file}`, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, onDemand: ON_DEMAND.has(file) };
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
