/**
 * The words of the side panel's frame — its views, the strip at the top, the keyboard help — and of
 * the checklists' library on the options page, in French and English.
 */

export type PanelView = 'checklist' | 'visit' | 'evidence' | 'audits';

/** A key and what it does, as the help overlay lists it. */
export type KeyLine = readonly [keys: string, what: string];

export const cockpitFr = {
  viewsLabel: 'Vues de la visite',
  views: { checklist: 'Grille', visit: 'Parcours', evidence: 'Preuves', audits: 'Audits' } satisfies Record<PanelView, string>,
  viewCount: {
    checklist: (answered: number, total: number) => `${answered} critères renseignés sur ${total}`,
    visit: (n: number) => (n <= 1 ? `${n} page` : `${n} pages`),
    evidence: (n: number) => (n <= 1 ? `${n} preuve` : `${n} preuves`),
    audits: (n: number) => (n <= 1 ? `${n} problème d’accessibilité` : `${n} problèmes d’accessibilité`),
  },
  stripLabel: 'En ce moment',
  currentPage: 'Page en cours',
  noPageYet: 'Aucune page enregistrée pour l’instant',
  signals: (n: number) => (n === 0 ? 'Aucun signal' : n === 1 ? '1 signal' : `${n} signaux`),
  signalsHint: 'Voir les signaux de friction détectés',
  capture: 'Capture',
  captureHint: 'Capturer la partie visible de la boutique (Maj+S)',
  captured: 'Capture enregistrée.',
  keysOpen: 'Raccourcis clavier',
  keysTitle: 'Raccourcis clavier',
  keysClose: 'Fermer',
  keysGroups: [
    {
      title: 'Partout dans le panneau',
      keys: [
        ['?', 'Afficher cette aide'],
        ['Maj+S', 'Capturer la partie visible de la boutique'],
        ['Maj+N', 'Écrire une note'],
        ['Maj+G', 'Aller au critère en cours de la grille'],
        ['← →', 'Changer de vue, sur la barre des vues'],
      ],
    },
    {
      title: 'Sur un critère de la grille',
      keys: [
        ['↑ ↓ ou K J', 'Critère précédent, suivant'],
        ['Début, Fin', 'Premier, dernier critère'],
        ['O ou Y', 'Oui'],
        ['N', 'Non (le commentaire s’ouvre)'],
        ['A', 'Non applicable'],
        ['U', 'Non vérifié'],
        ['1 à 5', 'Une note, pour un critère noté'],
        ['C', 'Écrire le commentaire'],
        ['S', 'Joindre une capture prise maintenant'],
        ['R', 'Lier ce moment du replay'],
        ['Tab', 'Les boutons et le commentaire du critère'],
      ],
    },
    {
      title: 'Dans un commentaire',
      keys: [
        ['Ctrl+Entrée', 'Enregistrer et revenir au critère'],
        ['Échap', 'Revenir au critère'],
      ],
    },
  ] as ReadonlyArray<{ title: string; keys: readonly KeyLine[] }>,
  library: {
    title: 'Grilles d’évaluation',
    intro: 'Les grilles installées dans Mystère. Une agence fournit les siennes en fichier JSON ; la grille d’une visite se choisit dans le panneau, avant de démarrer.',
    builtIn: 'intégrée',
    criteria: (n: number) => (n <= 1 ? `${n} critère` : `${n} critères`),
    export: 'Exporter',
    exportOf: (title: string) => `Exporter la grille « ${title} » (JSON)`,
  },
};

export type CockpitMessages = typeof cockpitFr;

export const cockpitEn: CockpitMessages = {
  viewsLabel: 'Visit views',
  views: { checklist: 'Checklist', visit: 'Journey', evidence: 'Evidence', audits: 'Audits' },
  viewCount: {
    checklist: (answered: number, total: number) => `${answered} of ${total} criteria answered`,
    visit: (n: number) => (n === 1 ? '1 page' : `${n} pages`),
    evidence: (n: number) => (n === 1 ? '1 piece of evidence' : `${n} pieces of evidence`),
    audits: (n: number) => (n === 1 ? '1 accessibility problem' : `${n} accessibility problems`),
  },
  stripLabel: 'Right now',
  currentPage: 'Current page',
  noPageYet: 'No page recorded yet',
  signals: (n: number) => (n === 0 ? 'No signal' : n === 1 ? '1 signal' : `${n} signals`),
  signalsHint: 'See the friction signals detected',
  capture: 'Screenshot',
  captureHint: 'Capture the visible part of the shop (Shift+S)',
  captured: 'Screenshot saved.',
  keysOpen: 'Keyboard shortcuts',
  keysTitle: 'Keyboard shortcuts',
  keysClose: 'Close',
  keysGroups: [
    {
      title: 'Anywhere in the panel',
      keys: [
        ['?', 'Show this help'],
        ['Shift+S', 'Capture the visible part of the shop'],
        ['Shift+N', 'Write a note'],
        ['Shift+G', 'Go to the current criterion of the checklist'],
        ['← →', 'Change view, on the views bar'],
      ],
    },
    {
      title: 'On a checklist criterion',
      keys: [
        ['↑ ↓ or K J', 'Previous, next criterion'],
        ['Home, End', 'First, last criterion'],
        ['Y or O', 'Yes'],
        ['N', 'No (the comment opens)'],
        ['A', 'Not applicable'],
        ['U', 'Not checked'],
        ['1 to 5', 'A rating, for a rated criterion'],
        ['C', 'Write the comment'],
        ['S', 'Attach a screenshot taken now'],
        ['R', 'Link this replay moment'],
        ['Tab', 'The criterion’s buttons and comment'],
      ],
    },
    {
      title: 'In a comment',
      keys: [
        ['Ctrl+Enter', 'Save and go back to the criterion'],
        ['Escape', 'Go back to the criterion'],
      ],
    },
  ],
  library: {
    title: 'Checklists',
    intro: 'The checklists installed in Mystère. An agency supplies its own as a JSON file; a visit’s checklist is chosen in the panel, before starting.',
    builtIn: 'built-in',
    criteria: (n: number) => (n === 1 ? '1 criterion' : `${n} criteria`),
    export: 'Export',
    exportOf: (title: string) => `Export the checklist “${title}” (JSON)`,
  },
};
