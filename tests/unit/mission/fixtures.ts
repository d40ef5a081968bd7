import type { Page } from '../../../utils/schema/page';
import type { PageType } from '../../../utils/schema/page-type';

/** A small valid mission file, as an agency would write it; tests break one thing at a time. */
export function validMissionFile() {
  const step = (id: string, fr: string, en: string, reached: Record<string, unknown>[]) => ({
    id,
    instruction: { fr, en },
    reached,
    success: { fr: `${fr} : fait`, en: `${en}: done` },
  });
  return {
    format: 'mystere-mission',
    version: 1,
    id: 'agence-test-juillet',
    agency: 'Agence Test',
    title: { fr: 'Mission de test', en: 'Test mission' },
    instructions: { fr: 'Visitez la boutique.', en: 'Visit the shop.' },
    sites: ['https://shop.example'],
    steps: [
      step('home', 'Accueil', 'Home', [{ kind: 'pageType', pageType: 'home' }]),
      step('product', 'Produit', 'Product', [{ kind: 'stage', stage: 'product' }]),
      step('basket', 'Panier', 'Basket', [{ kind: 'url', pattern: '/panier*' }]),
    ],
    checklist: { builtIn: 'mystere-quick' },
    persona: { alias: 'Claire M.', lang: 'fr', device: 'desktop', country: 'FR', currency: 'EUR' },
    privacy: { maskSelectors: ['.loyalty-number'], blockSelectors: [] as string[], keepSearchTerms: false },
    deadline: '2025-07-14T18:00:00+02:00',
    requiredEvidence: [
      { id: 'basket-shot', kind: 'screenshot', stepId: 'basket', label: { fr: 'Capture du panier', en: 'Screenshot of the basket' } },
      { id: 'delivery-note', kind: 'note', stage: 'checkout', label: { fr: 'Note sur la livraison', en: 'Note on delivery' } },
    ],
  };
}

export type MissionFile = ReturnType<typeof validMissionFile>;

/** The file with one change made to it. */
export function broken(change: (file: MissionFile & Record<string, unknown>) => void): MissionFile {
  const file = validMissionFile();
  change(file);
  return file;
}

export const T0 = 1_700_000_000_000;

/** A stored page of the visit, `start` seconds after T0. */
export function page(id: string, autoType: PageType, start: number, more: { path?: string; end?: number; typeOverride?: PageType } = {}): Page {
  return {
    id,
    visitId: 'v',
    tabId: 1,
    url: `https://shop.example${more.path ?? `/${id}`}`,
    title: id,
    startedAt: T0 + start * 1000,
    ...(more.end !== undefined ? { endedAt: T0 + more.end * 1000 } : {}),
    navType: 'navigate',
    vitals: {},
    autoType,
    autoTypeReasons: [],
    ...(more.typeOverride ? { typeOverride: more.typeOverride } : {}),
  };
}
