import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Abandonment, Note, Screenshot, Signal } from '../../../utils/schema/evidence';
import type { Page } from '../../../utils/schema/page';
import type { Visit } from '../../../utils/schema/visit';

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
const EVIDENCE_SOURCE = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('mystere');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (name) => new Promise((resolve, reject) => {
    const req = db.transaction(name).objectStore(name).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
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

/** A screenshot's JPEG bytes. */
export async function readImage(extensionPage: PuppeteerPage, id: string): Promise<Buffer> {
  const base64 = await (extensionPage.evaluate(`(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('mystere');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const shot = await new Promise((resolve, reject) => {
      const req = db.transaction('screenshots').objectStore('screenshots').get(id);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    let binary = '';
    for (let i = 0; i < shot.image.length; i++) binary += String.fromCharCode(shot.image[i]);
    return btoa(binary);
  })(${JSON.stringify(id)})`) as Promise<string>);
  return Buffer.from(base64, 'base64');
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
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('mystere');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const records = await new Promise((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return JSON.stringify(records);
    })(${JSON.stringify(store)})`) as Promise<string>),
  ) as T[];
}
