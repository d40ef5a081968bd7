import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Abandonment, Note, Screenshot, Signal } from '../../utils/schema/evidence';
import type { Page } from '../../utils/schema/page';
import type { Visit } from '../../utils/schema/visit';

export type StoredScreenshot = Omit<Screenshot, 'image' | 'thumb'> & { imageBytes: number; thumbBytes: number };

export interface EvidenceDump {
  visits: Visit[];
  pages: Page[];
  screenshots: StoredScreenshot[];
  notes: Note[];
  signals: Signal[];
  abandonments: Abandonment[];
}

/**
 * Source of an expression, run in an extension page, that reads the visits, pages and evidence
 * (image bytes left out, their sizes kept). Source text, so no transpiler helper leaks into the page.
 */
/**
 * In-page helpers: the database, and an IndexedDB request as a promise. `idb` is the expression for
 * the page's IndexedDB (Firefox's automation reaches it through a wrapper).
 */
const open = (idb = 'indexedDB') => `const done = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const db = await done(${idb}.open('mystere'));`;
const OPEN = open();

const EVIDENCE_SOURCE = `(async () => {
  ${OPEN}
  const all = (name) => done(db.transaction(name).objectStore(name).getAll());
  const out = {};
  for (const name of ['visits', 'pages', 'screenshots', 'notes', 'signals', 'abandonments']) {
    out[name] = (await all(name)).map((rec) => {
      if (name !== 'screenshots') return rec;
      const { image, thumb, ...rest } = rec;
      return { ...rest, imageBytes: image.length, thumbBytes: thumb.length };
    });
  }
  db.close();
  return JSON.stringify(out);
})()`;

export async function readEvidence(extensionPage: PuppeteerPage): Promise<EvidenceDump> {
  return JSON.parse(await (extensionPage.evaluate(EVIDENCE_SOURCE) as Promise<string>)) as EvidenceDump;
}

/**
 * Source of an expression, run in an extension page, that gives a screenshot's JPEG bytes as base64.
 * `idb` as in `dumpSource` (scripts/automation/extension-data.ts).
 */
export function imageSource(id: string, idb = 'indexedDB'): string {
  return `(async (id) => {
    ${open(idb)}
    const shot = await done(db.transaction('screenshots').objectStore('screenshots').get(id));
    db.close();
    let binary = '';
    for (let i = 0; i < shot.image.length; i++) binary += String.fromCharCode(shot.image[i]);
    return btoa(binary);
  })(${JSON.stringify(id)})`;
}

/** A screenshot's JPEG bytes. */
export async function readImage(extensionPage: PuppeteerPage, id: string): Promise<Buffer> {
  return Buffer.from(await (extensionPage.evaluate(imageSource(id)) as Promise<string>), 'base64');
}

/** The path of the page a piece of evidence belongs to. */
export function pathOf(dump: EvidenceDump, pageId: string): string | undefined {
  const page = dump.pages.find((p) => p.id === pageId);
  return page && new URL(page.url).pathname;
}

/** Every record of one store, read from an extension page (images and other bytes included as is). */
export async function readStore<T>(extensionPage: PuppeteerPage, store: string): Promise<T[]> {
  return JSON.parse(
    await (extensionPage.evaluate(`(async (store) => {
      ${OPEN}
      const records = await done(db.transaction(store).objectStore(store).getAll());
      db.close();
      return JSON.stringify(records);
    })(${JSON.stringify(store)})`) as Promise<string>),
  ) as T[];
}
