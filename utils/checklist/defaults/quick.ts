import { CHECKLIST_FORMAT, CHECKLIST_VERSION, type Checklist, type Criterion } from '../schema';
import { ECOMMERCE_CHECKLIST } from './ecommerce';

/**
 * The quick checklist: the essentials of a purchase in about fifteen questions. It reuses the
 * e-commerce criteria as they are (same ids, wording, weights and references), so that answers
 * read the same in both.
 */

const byId = new Map(ECOMMERCE_CHECKLIST.sections.flatMap((section) => section.criteria).map((criterion) => [criterion.id, criterion]));

/** The e-commerce criteria with these ids; an unknown id is a mistake in this file. */
function pick(...ids: string[]): Criterion[] {
  return ids.map((id) => {
    const criterion = byId.get(id);
    if (!criterion) throw new Error(`Unknown e-commerce criterion: ${id}`);
    return criterion;
  });
}

export const QUICK_CHECKLIST: Checklist = {
  format: CHECKLIST_FORMAT,
  version: CHECKLIST_VERSION,
  id: 'mystere-quick',
  title: { fr: 'Visite rapide', en: 'Quick visit' },
  description: {
    fr: 'Les points essentiels d’un achat, de la recherche au paiement, en une quinzaine de questions reprises de la visite e-commerce.',
    en: 'The essentials of a purchase, from search to payment, in about fifteen questions taken from the e-commerce visit.',
  },
  author: 'Mystère',
  attribution: ECOMMERCE_CHECKLIST.attribution,
  sections: [
    {
      id: 'discover',
      title: { fr: 'Découverte & recherche', en: 'Discovery & search' },
      weight: 15,
      criteria: pick('A04', 'C01', 'C02'),
    },
    {
      id: 'product',
      title: { fr: 'Fiche produit', en: 'Product page' },
      weight: 25,
      criteria: pick('D01', 'D04', 'D05', 'D06'),
    },
    {
      id: 'cart-checkout',
      title: { fr: 'Panier & commande', en: 'Cart & checkout' },
      weight: 25,
      criteria: pick('E03', 'E04', 'F01'),
    },
    {
      id: 'payment',
      title: { fr: 'Paiement & confirmation', en: 'Payment & confirmation' },
      weight: 20,
      criteria: pick('G02', 'G05', 'G06', 'H01'),
    },
    {
      id: 'trust',
      title: { fr: 'Confiance & contact', en: 'Trust & contact' },
      weight: 15,
      criteria: pick('L01', 'K01'),
    },
  ],
};
