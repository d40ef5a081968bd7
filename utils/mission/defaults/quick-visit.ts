import { QUICK_CHECKLIST } from '../../checklist/defaults';
import { MISSION_FORMAT, MISSION_VERSION, type Mission } from '../schema';

/**
 * The mission for ad-hoc work: no agency brief, the site the visit starts on (`sites` is empty),
 * the quick checklist, and the usual way to a purchase as optional steps, so that the panel can
 * show how far the visit went without asking anything of it.
 */
export const QUICK_VISIT_MISSION: Mission = {
  format: MISSION_FORMAT,
  version: MISSION_VERSION,
  id: 'mystere-quick-visit',
  agency: 'Mystère',
  title: { fr: 'Visite rapide', en: 'Quick visit' },
  instructions: {
    fr: 'Visitez la boutique comme un client : de l’accueil jusqu’à la commande, sans payer. Répondez aux questions de la grille quand elles se présentent, et notez ce qui vous gêne.',
    en: 'Visit the shop as a customer would: from the home page to the checkout, without paying. Answer the checklist’s questions as they come, and note what gets in your way.',
  },
  sites: [],
  steps: [
    {
      id: 'home',
      instruction: { fr: 'Arrivez sur la page d’accueil.', en: 'Arrive on the home page.' },
      reached: [{ kind: 'pageType', pageType: 'home' }],
      required: false,
      success: { fr: 'On comprend ce que vend la boutique.', en: 'It is clear what the shop sells.' },
    },
    {
      id: 'product',
      instruction: { fr: 'Trouvez un produit, par le menu ou la recherche.', en: 'Find a product, through the menu or the search.' },
      reached: [{ kind: 'pageType', pageType: 'product' }],
      required: false,
      success: { fr: 'La fiche d’un produit est ouverte.', en: 'A product’s page is open.' },
    },
    {
      id: 'basket',
      instruction: { fr: 'Ajoutez-le au panier et ouvrez le panier.', en: 'Add it to the basket and open the basket.' },
      reached: [{ kind: 'stage', stage: 'cart' }],
      required: false,
      success: { fr: 'Le panier montre le produit et son prix.', en: 'The basket shows the product and its price.' },
    },
    {
      id: 'checkout',
      instruction: { fr: 'Allez jusqu’à la commande, sans payer.', en: 'Go on to the checkout, without paying.' },
      reached: [{ kind: 'stage', stage: 'checkout' }],
      required: false,
      success: { fr: 'Une étape de la commande (compte, adresse ou livraison) s’affiche.', en: 'A checkout step (account, address or delivery) is shown.' },
    },
  ],
  checklist: { builtIn: QUICK_CHECKLIST.id },
  // The evaluator's own settings decide whether search terms are kept (utils/mission/privacy.ts).
  privacy: { maskSelectors: [], blockSelectors: [], keepSearchTerms: true },
  requiredEvidence: [],
};
