/**
 * What the demo's evaluator answers on each page of the demo shop (`npm start` without a display):
 * a realistic part of the e-commerce checklist, true to the shop's planted flaws
 * (tests/fixtures/shop/README.md), each "no" with the comment an evaluator would write.
 */
export interface DemoAnswer {
  criterionId: string;
  state: 'yes' | 'no' | 'na';
  comment?: string;
}

export const DEMO_ANSWERS: Record<string, DemoAnswer[]> = {
  '/': [
    { criterionId: 'A01', state: 'yes' },
    { criterionId: 'A02', state: 'yes' },
    { criterionId: 'A04', state: 'no', comment: 'La bannière cookies couvre presque tout l’écran d’accueil tant qu’on n’a pas choisi.' },
    { criterionId: 'A05', state: 'yes' },
    { criterionId: 'M02', state: 'no', comment: 'Deux vignettes des « coups de cœur » n’ont pas de texte alternatif.' },
  ],
  '/category/chaussures': [
    { criterionId: 'B02', state: 'yes' },
    { criterionId: 'C01', state: 'yes' },
    { criterionId: 'C07', state: 'yes' },
    { criterionId: 'M01', state: 'no', comment: 'Les mentions en bas de liste, gris clair sur blanc, se lisent mal.' },
    { criterionId: 'M09', state: 'no', comment: 'Un bandeau promo arrive après le chargement et fait sauter la liste.' },
  ],
  '/produit/derby-cuir': [
    { criterionId: 'D01', state: 'yes' },
    { criterionId: 'D03', state: 'yes' },
    { criterionId: 'D05', state: 'no', comment: 'Aucun frais de livraison annoncé avant le panier.' },
    { criterionId: 'D07', state: 'na' },
    { criterionId: 'D10', state: 'yes' },
    { criterionId: 'M12', state: 'no', comment: 'Le bouton « Guide des tailles » ne fait rien.' },
  ],
  '/panier': [
    { criterionId: 'E01', state: 'yes' },
    { criterionId: 'E03', state: 'no', comment: 'Livraison « calculée à l’étape suivante » : le total à payer reste inconnu.' },
    { criterionId: 'E04', state: 'yes' },
  ],
  '/commande': [
    { criterionId: 'F01', state: 'no', comment: 'Création de compte imposée : pas de commande en invité.' },
    { criterionId: 'F06', state: 'no', comment: 'Un champ vide donne « Une erreur est survenue. » sans dire lequel.' },
  ],
};

/** Notes the demo's evaluator writes, by page. */
export const DEMO_NOTES: Record<string, string> = {
  '/category/chaussures': 'La liste a sauté sous mon doigt quand le bandeau promo est apparu.',
  '/commande': 'Il faut créer un compte pour continuer : je l’aurais évité si j’avais pu.',
};

/** Where and why the demo's evaluator would leave. */
export const DEMO_ABANDONMENT = {
  path: '/paiement',
  reason: 'extra-costs',
  comment: 'Les frais de livraison n’apparaissent qu’au paiement : c’est ici que je partirais.',
} as const;
