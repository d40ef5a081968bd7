import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import type { BundleError } from './errors';
import type { BundleLimits } from './limits';
import { MANIFEST_PATH, MISSION_PATH, VISIT_PATH, isSafeEntryName } from './manifest';

/**
 * Reads a zip that may be hostile: cut short, lying about its sizes, inflating to gigabytes. The
 * central directory is listed first (count, names, declared sizes), then every entry is inflated in
 * small steps while the bytes that actually come out are counted, so that memory stays bounded
 * whatever the headers say. fflate does the zip and deflate work; this module only keeps count.
 */

export type ReadZipResult = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; error: BundleError };

interface Listed {
  name: string;
  originalSize: number;
  compression: number;
}

/** Compressed bytes fed at a time: deflate expands at most ~1 000×, so one step yields ≤ ~16 MB. */
const STEP = 16 * 1024;
/** Give the page's event loop a turn every this many bytes read or inflated, so the page stays responsive. */
const YIELD_EVERY = 16 * 1024 * 1024;
const STORED = 0;
const DEFLATE = 8;
/** fflate's "unexpected EOF". */
const FLATE_EOF = 13;

/** Thrown from fflate's listing callback to stop it early. */
class Stop extends Error {
  constructor(readonly error: BundleError) {
    super(error.code);
  }
}

const fail = (error: BundleError): ReadZipResult => ({ ok: false, error });
const startsAsZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** The most one entry may inflate to: JSON files have a tighter limit. */
const capOf = (name: string, limits: BundleLimits) =>
  name === VISIT_PATH || name === MANIFEST_PATH || name === MISSION_PATH ? Math.min(limits.maxVisitJsonBytes, limits.maxPartBytes) : limits.maxPartBytes;

/** Whether the end-of-archive record's signature ("PK\x05\x06") is where a zip keeps it: in the last 64 KB. */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

/** The central directory's entries, without inflating anything; stops past `maxEntries`. */
function listEntries(bytes: Uint8Array, limits: BundleLimits): Listed[] | BundleError {
  const listed: Listed[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, originalSize, compression }) => {
        if (listed.length >= limits.maxEntries) throw new Stop({ code: 'too-many-entries', detail: String(limits.maxEntries) });
        listed.push({ name, originalSize, compression });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof Stop) return error.error;
    // With an end-of-archive record, the directory is damaged; without, the zip was cut short if it
    // starts like one, else it is not a zip at all.
    if (hasEndRecord(bytes)) return { code: 'corrupt-zip', detail: error instanceof Error ? error.message : String(error) };
    return { code: startsAsZip(bytes) ? 'truncated' : 'not-a-zip' };
  }
  return listed;
}

/** What the listing alone shows: unsafe or repeated names, unknown compression, declared sizes. */
function checkListing(listed: Listed[], limits: BundleLimits): BundleError | undefined {
  const names = new Set<string>();
  let declared = 0;
  for (const { name, originalSize, compression } of listed) {
    if (!isSafeEntryName(name)) return { code: 'unsafe-path', path: name.slice(0, 400) };
    if (names.has(name)) return { code: 'duplicate-part', path: name };
    names.add(name);
    if (compression !== STORED && compression !== DEFLATE) return { code: 'corrupt-zip', path: name, detail: `compression method ${compression}` };
    const cap = capOf(name, limits);
    if (originalSize > cap) return { code: 'decompressed-too-large', path: name, detail: String(cap) };
    declared += originalSize;
    if (declared > limits.maxTotalBytes) return { code: 'decompressed-too-large', detail: String(limits.maxTotalBytes) };
  }
  return undefined;
}

function concat(pieces: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Inflates every entry, counting real output bytes against the limits; stops at the first problem. */
async function inflateEntries(bytes: Uint8Array, listed: Listed[], limits: BundleLimits): Promise<ReadZipResult> {
  const declared = new Set(listed.map((entry) => entry.name));
  const done = new Map<string, Uint8Array>();
  const started = new Set<string>();
  let total = 0;
  let work = 0;
  let failure: BundleError | undefined;

  const onFile = (file: UnzipFile) => {
    if (failure) return;
    if (!declared.has(file.name) || started.has(file.name) || (file.compression !== STORED && file.compression !== DEFLATE)) {
      failure = { code: 'corrupt-zip', path: file.name.slice(0, 400), detail: 'entry does not match the central directory' };
      return;
    }
    started.add(file.name);
    const cap = capOf(file.name, limits);
    const pieces: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = { code: 'corrupt-zip', path: file.name, detail: error.message };
        return;
      }
      size += data.length;
      total += data.length;
      work += data.length;
      if (size > cap) failure = { code: 'decompressed-too-large', path: file.name, detail: String(cap) };
      else if (total > limits.maxTotalBytes) failure = { code: 'decompressed-too-large', detail: String(limits.maxTotalBytes) };
      if (failure) return;
      pieces.push(data);
      if (final) done.set(file.name, concat(pieces, size));
    };
    file.start();
  };

  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += STEP) {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
      work += STEP;
      if (work >= YIELD_EVERY) {
        work = 0;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } catch (error) {
    const eof = (error as { code?: unknown }).code === FLATE_EOF;
    return fail(eof ? { code: 'truncated' } : { code: 'corrupt-zip', detail: error instanceof Error ? error.message : String(error) });
  }
  if (failure) return fail(failure);

  for (const { name, originalSize } of listed) {
    const data = done.get(name);
    if (!data) return fail(started.has(name) ? { code: 'truncated', path: name } : { code: 'corrupt-zip', path: name, detail: 'entry not found' });
    if (data.length !== originalSize) return fail({ code: 'corrupt-zip', path: name, detail: 'size differs from the zip header' });
  }
  return { ok: true, entries: new Map(listed.map(({ name }) => [name, done.get(name) ?? new Uint8Array(0)])) };
}

/**
 * Every entry of a zip, inflated, or the first problem: not a zip, cut short, too many entries,
 * an unsafe name, more bytes than `limits` allow. Never throws on bad input.
 */
export async function readZip(bytes: Uint8Array, limits: BundleLimits): Promise<ReadZipResult> {
  const listed = listEntries(bytes, limits);
  if (!Array.isArray(listed)) return fail(listed);
  const problem = checkListing(listed, limits);
  if (problem) return fail(problem);
  return inflateEntries(bytes, listed, limits);
}
