/**
 * The recorder's second way to the background, for a message the first way (`runtime.sendMessage`)
 * failed to deliver several times: the message is written into the extension's storage, the
 * background takes it from there (woken by `storage.onChanged`, or at its next start), handles it
 * exactly as if it had been sent, and removes it, or writes why it refused it. Nothing of the message
 * crosses a messaging channel, so whatever made that channel fail cannot fail it the same way.
 *
 * The session area is used where the browser lets a content script reach it (the background opens
 * it to them at start): it is kept in memory, never written to disk. Else the local area, where a
 * message waits only until the background has handled it (a moment). Either way the background's
 * privacy pass masks it before anything is kept, as for any batch.
 */

export const HANDOVER_PREFIX = 'mystere-handover:';

/** What is written for the background; `error` is the background's refusal, for the recorder to read. */
export type Handover = { tabId: number; message: unknown; at: number; error?: string; detail?: string };

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;
interface Area {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
export type AreaName = 'session' | 'local';
export interface HandoverStorage {
  local: Area;
  session?: Area;
  onChanged: {
    addListener(cb: (changes: Changes, area: string) => void): void;
    removeListener(cb: (changes: Changes, area: string) => void): void;
  };
}

/** A refusal read back from the background, with its error code (as a messaging reply would carry). */
export class HandoverRefused extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/**
 * The recorder's side: hands `message` over and resolves once the background has handled it;
 * rejects with `HandoverRefused` when it refused it, or with an error when it did not take it within
 * `timeoutMs` (then the message is taken back, so that it is not handled twice by surprise).
 */
// The parameters are named `store`, not `storage`: named `storage`, WXT's build imported its own
// storage module into the recorder (11 KB more on every page of the shop).
export async function handOver(store: HandoverStorage, tabId: number, message: unknown, timeoutMs = 5000): Promise<void> {
  const name = await areaFor(store);
  const area = store[name]!;
  const key = HANDOVER_PREFIX + crypto.randomUUID();
  let listener: ((changes: Changes, area: string) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answered = new Promise<void>((resolve, reject) => {
    listener = (changes, changed) => {
      const change = changed === name ? changes[key] : undefined;
      if (!change) return;
      const now = change.newValue as Handover | null | undefined;
      // Removed (no new value; some implementations say null): the background has handled it.
      if (now === undefined || now === null) return resolve();
      if (now.error) reject(new HandoverRefused(now.error, now.detail));
    };
    store.onChanged.addListener(listener);
    timer = setTimeout(() => reject(new Error(`the background did not take the message in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await area.set({ [key]: { tabId, message, at: Date.now() } satisfies Handover });
    await answered;
  } finally {
    clearTimeout(timer);
    if (listener) store.onChanged.removeListener(listener);
    // Taken back: refused, not taken in time (the recorder tries again its own way), or already gone.
    await area.remove(key).catch(() => undefined);
  }
}

let chosen: Promise<AreaName> | undefined;

/** The session area if this context may write it (tried once), else the local one. */
function areaFor(store: HandoverStorage): Promise<AreaName> {
  chosen ??= (async () => {
    const session = store.session;
    if (!session) return 'local';
    try {
      const probe = `${HANDOVER_PREFIX}probe`;
      await session.set({ [probe]: null });
      await session.remove(probe);
      return 'session';
    } catch {
      return 'local';
    }
  })();
  return chosen;
}

/** For tests: choose the area again. */
export function forgetHandoverArea(): void {
  chosen = undefined;
}

/**
 * The background's side: handles each message handed over, now and as they come. `handle` is the
 * background's own handling of a message from `tabId`; it rejects with an error whose `code` says why.
 */
export function takeHandovers(
  store: HandoverStorage,
  handle: (message: unknown, tabId: number) => Promise<void>,
  codeOf: (error: unknown) => string,
  log: (text: string) => void = () => undefined,
): { drained: Promise<void> } {
  const working = new Set<string>();
  const take = async (name: AreaName, key: string, value: unknown) => {
    const area = store[name];
    if (!area || working.has(key) || !isHandover(value) || value.error) return;
    working.add(key);
    try {
      await handle(value.message, value.tabId);
      await area.remove(key);
      log(`a recorder message from tab ${value.tabId} was delivered by hand-over`);
    } catch (error) {
      const refusal: Handover = { ...value, message: null, error: codeOf(error), detail: String(error).slice(0, 300) };
      log(`a recorder message from tab ${value.tabId}, delivered by hand-over, was refused: ${refusal.error}`);
      await area.set({ [key]: refusal }).catch(() => undefined);
    } finally {
      working.delete(key);
    }
  };
  store.onChanged.addListener((changes, name) => {
    if (name !== 'local' && name !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(HANDOVER_PREFIX) && change.newValue != null) void take(name, key, change.newValue);
    }
  });
  // Those left while the background was stopped; refusals left by a recorder that went away are cleared.
  const drain = async (name: AreaName) => {
    const area = store[name];
    if (!area) return;
    const left = Object.entries(await area.get(null)).filter(([key]) => key.startsWith(HANDOVER_PREFIX));
    for (const [key, value] of left) {
      if (!isHandover(value) || value.error) await area.remove(key);
      else await take(name, key, value);
    }
  };
  const drained = Promise.all([drain('session'), drain('local')]).then(() => undefined);
  return { drained: drained.catch(() => undefined) };
}

function isHandover(value: unknown): value is Handover {
  return typeof value === 'object' && value !== null && typeof (value as Handover).tabId === 'number' && 'message' in value;
}
