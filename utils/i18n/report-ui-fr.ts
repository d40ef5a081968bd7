import type { FindingSource, MarkerKind, ReportSectionId, Severity } from '../report/model-types';
import type { ReviewStatus } from '../report/review';
import type { SkipReason } from '../assets/schema';
import type { VisitStatus } from '../schema/visit';
import { auditFr } from './audit-messages';
import { reportChartsFr } from './report-charts-fr';
import { bytesIn, numberIn, secondsIn } from './formats';

/**
 * The words of the report's interface in French, whose shape every language follows, and the
 * formats only the report uses (the others are in ./formats).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A position on the replay as a player shows it: "1:23", "1:02:03". Same in both languages. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(Number(ms) / 1000) || 0);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** A long date and a short time in `locale`. */
export const dateTimeIn = (locale: string) => (epochMs: number) =>
  new Date(epochMs).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
/** Hours and minutes in `locale`. */
export const timeIn = (locale: string) => (epochMs: number) =>
  new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

export const reportUiFr = {
  // Formats
  clock,
  dateTime: dateTimeIn('fr-FR'),
  time: timeIn('fr-FR'),
  number: numberIn('fr-FR', 1),
  seconds: secondsIn('fr-FR', '\u00a0'),
  decimal: (n: number) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(n)),
  bytes: bytesIn('fr-FR', ['o', 'ko', 'Mo', 'Go'], '\u00a0'),
  /** "label : value", with French spacing. */
  fact: (label: string, value: string) => `${label}\u00a0: ${value}`,
  /** Scores keep one decimal, as the scoring computes them ("76,9 / 100"). */
  score: (n: number) => `${numberIn('fr-FR', 1)(n)}\u00a0/\u00a0100`,
  ratio: (done: number, total: number) => `${done}\u00a0/\u00a0${total}`,
  dimensions: (width: number, height: number) => `${Math.round(width)}\u00a0×\u00a0${Math.round(height)}\u00a0px`,

  // The report and its sections
  /** First page, contents and charts. */
  charts: reportChartsFr,

  reportTitle: 'Rapport de visite mystère',
  sections: {
    cover: 'L’essentiel',
    contents: 'Sommaire',
    visit: 'La visite',
    summary: 'En bref',
    questions: 'Quatre questions',
    mission: 'La mission',
    journey: 'Le parcours',
    replay: 'Revoir la visite',
    checklist: 'Grille d’évaluation',
    accessibility: 'Accessibilité',
    speed: 'Vitesse',
    notes: 'Notes et captures',
    verdict: 'Verdict',
    appendix: 'Annexe',
  } satisfies Record<ReportSectionId, string>,

  // Cover
  site: 'Site',
  origin: 'Adresse',
  mission: 'Mission',
  date: 'Date',
  ended: 'Fin',
  duration: 'Durée',
  /** Une durée en temps client, avec le temps réel à côté. */
  customerTime: (customer: string, wall: string) => `${customer} en temps client · ${wall} en temps réel`,
  evaluator: 'Évaluateur',
  notSigned: 'pas encore signé',
  browser: 'Navigateur',
  screen: 'Écran',
  status: 'État de la visite',
  visitStatuses: { recording: 'en cours', paused: 'en pause', interrupted: 'interrompue', ended: 'terminée' } satisfies Record<VisitStatus, string>,
  review: 'Relecture',
  reviewStatuses: {
    submitted: 'envoyée, pas encore relue',
    'in-review': 'en cours de relecture',
    validated: 'validée',
    returned: 'renvoyée à l’évaluateur',
  } satisfies Record<ReviewStatus, string>,
  reviewer: 'Relecteur',
  reviewedAt: (date: string) => `mise à jour le ${date}`,
  generatedAt: (date: string) => `Rapport produit le ${date}`,

  // Mission
  personaAlias: 'Persona',
  deadline: 'Échéance',
  deadlineState: (date: string, met: boolean | null) =>
    met === null ? `${date} (visite en cours)` : met ? `${date}, respectée` : `${date}, dépassée`,
  noMission: 'Cette visite a été faite avant les missions : elle n’en suivait aucune.',
  agency: 'Agence',
  missionId: 'Identifiant de la mission',
  missionHash: 'Empreinte de la mission (SHA-256)',
  builtInMission: 'mission intégrée à Mystère',
  instructions: 'Consignes',
  persona: 'Persona',
  personaFacts: {
    alias: 'Nom d’emprunt',
    lang: 'Langue',
    device: 'Appareil',
    viewport: 'Fenêtre',
    country: 'Pays',
    currency: 'Devise',
  },
  langs: { fr: 'français', en: 'anglais' } as Record<'fr' | 'en', string>,
  devices: { desktop: 'ordinateur', mobile: 'téléphone', tablet: 'tablette' } as Record<'desktop' | 'mobile' | 'tablet', string>,
  scenarioTitle: 'Scénario',
  noSteps: 'Cette mission ne décrit aucune étape.',
  orderFollowed: 'Chaque étape atteinte l’a été dans l’ordre prévu.',
  orderNotFollowed: 'Le parcours ne suit pas l’ordre prévu : au moins une étape a été atteinte avant celle qui devait la précéder.',
  stepRequired: (required: boolean): string => (required ? 'obligatoire' : 'facultative'),
  stepReached: 'Atteinte',
  stepReachedValue: (reached: boolean, inOrder: boolean): string =>
    !reached ? 'non atteinte' : inOrder ? 'oui, dans l’ordre prévu' : 'oui, hors de l’ordre prévu',
  stepMark: 'Marque de l’évaluateur',
  stepMarks: { done: 'faite', failed: 'échouée', blocked: 'bloquée' } as Record<'done' | 'failed' | 'blocked', string>,
  notMarked: 'aucune',
  stepSuccess: 'Réussite',
  stepTime: 'Temps de l’étape',
  stepTarget: 'Cible',
  overTarget: 'au-delà de la cible',
  withinTarget: 'dans la cible',
  stepMissing: 'Manquante : ni atteinte ni marquée',
  explained: (text: string) => `Explication de l’évaluateur : ${text}`,
  evidenceRequired: 'Preuves demandées',
  evidenceKinds: { screenshot: 'Capture d’écran', note: 'Note', answer: 'Réponse à un critère' } as Record<'screenshot' | 'note' | 'answer', string>,
  evidencePresent: (present: boolean): string => (present ? 'fournie' : 'manquante'),
  noEvidenceRequired: 'La mission ne demande aucune preuve particulière.',

  // Summary
  overallScore: 'Note globale',
  notScored: 'pas de note (aucun critère noté)',
  sectionColumn: 'Partie',
  scoreColumn: 'Note',
  noScore: 'non notée',
  answeredColumn: 'Critères répondus',
  outcomeTitle: 'Issue de la visite',
  outcomeKinds: { converted: 'Commande passée', abandoned: 'Abandon', unknown: 'Issue inconnue' },
  reason: 'Raison',
  comment: 'Commentaire',
  topFindings: 'Problèmes principaux',
  noFindings: 'Aucun problème relevé.',
  knockouts: 'Critères éliminatoires non respectés',
  knockoutsHint: 'Un seul de ces critères suffit à faire échouer la visite.',
  countsTitle: 'En chiffres',
  counts: {
    pages: (n: number) => plural(n, 'page vue', 'pages vues'),
    screenshots: (n: number) => plural(n, 'capture', 'captures'),
    notes: (n: number) => plural(n, 'note', 'notes'),
    signals: (n: number) => plural(n, 'signal de friction', 'signaux de friction'),
    answered: (done: number, total: number) => `${done}\u00a0critères répondus sur ${total}`,
  },
  severity: 'Gravité',
  severities: { critical: 'critique', major: 'importante', minor: 'mineure' } satisfies Record<Severity, string>,
  knockout: 'éliminatoire',
  sources: {
    checklist: 'grille',
    signal: 'signal de friction',
    accessibility: 'accessibilité',
    speed: 'vitesse',
    abandonment: 'abandon',
    landing: 'premières secondes',
  } satisfies Record<FindingSource, string>,
  page: 'Page',

  // Evidence
  evidence: 'Preuves',
  screenshotN: (n: number) => `Capture ${n}`,
  missingScreenshot: 'capture absente',
  playAt: (time: string) => `Lire l’enregistrement à ${time}`,
  noRecording: 'sans enregistrement',

  // Questions
  questionFindings: 'Constats',
  questionCauses: 'Causes, de la plus probable à la moins probable',
  questionLead: 'Preuve de la cause principale',
  questionCoverage: 'Périmètre\u00a0:',
  causeTiers: { 1: 'Bloque le client', 2: 'Dissuade', 3: 'Freine ou agace', 4: 'Barrière pour certains clients' },
  criterionShort: (id: string) => `critère ${id}`,

  // Journey
  pagesTitle: 'Pages vues',
  noPages: 'Aucune page enregistrée.',
  untitledPage: 'Page sans titre',
  pageType: 'Type',
  timeOnPage: 'Temps sur la page',
  recording: 'Enregistrement',
  unrecorded: {
    waiting: 'non enregistrée : la visite s’est terminée avant que son enregistrement n’arrive',
    'left-early': 'non enregistrée : quittée avant que l’enregistrement puisse commencer',
    'no-recorder': 'non enregistrée : l’enregistreur n’a pas démarré sur cette page',
  },
  refinedOnPage: 'Tris et filtres',
  refinedTimes: (count: number) => (count === 1 ? 'une fois, sans changer de page' : `${count} fois, sans changer de page`),
  signalsOnPage: 'Signaux',
  none: 'aucun',
  signalsTitle: 'Signaux de friction',
  noSignals: 'Aucun signal de friction détecté.',
  timeColumn: 'Moment',
  signalColumn: 'Signal',
  pageColumn: 'Page',
  detailColumn: 'Détail',
  elementColumn: 'Élément',
  replayColumn: 'Enregistrement',

  // Replay
  replayPlayer: 'Lecteur de l’enregistrement',
  replayHelp: [
    'Le bouton de lecture lance ou arrête l’enregistrement ; la frise permet d’aller à un moment précis (flèches gauche et droite quand elle a le focus).',
    'Vitesses de 1× à 8×. Les moments sans activité sont sautés.',
    'Chaque lien ▶ du rapport lit l’enregistrement au moment indiqué.',
    'L’enregistrement montre les images, polices et styles de la boutique tels que gardés avec la visite : rien n’est demandé à la boutique. Un cadre gris clair remplace une image qui n’a pas été gardée ; un texte dans une police ordinaire, une police qui ne l’a pas été.',
  ],
  replayPrint: 'L’enregistrement se lit dans la version HTML de ce rapport.',
  noReplay: 'Cette visite n’a pas d’enregistrement à revoir.',
  replayDuration: (duration: string) => `Durée de l’enregistrement\u00a0: ${duration}`,
  replayAssets: (kept: number, notKept: number) =>
    kept + notKept === 0
      ? 'Aucune image, police ni feuille de style de la boutique n’a été gardée avec cette visite : l’enregistrement les remplace par des cadres neutres et des polices ordinaires.'
      : `Images, polices et feuilles de style de la boutique\u00a0: ${plural(kept, 'gardée', 'gardées')} avec la visite, ${plural(notKept, 'non gardée', 'non gardées')}`,
  replayAssetReasons: {
    budget: 'au-delà du budget de la visite',
    private: 'dans une zone masquée',
    payment: 'du prestataire de paiement',
    tracker: 'pixels de suivi',
    typed: 'adresse portant une saisie',
    failed: 'lecture impossible',
    'too-large': 'trop lourdes',
    'not-cached': 'absentes du cache du navigateur',
    'other-site': 'servies par un autre site',
  } satisfies Record<SkipReason, string>,
  replayAssetsBudget: (mb: number) => `Le budget de ${mb}\u00a0Mo par visite a été atteint : ce que les pages ont montré ensuite n’a pas été gardé.`,
  replayAssetsLeftOut: (n: number, mb: number) =>
    `Pour rester sous ${mb}\u00a0Mo, ce fichier laisse de côté ${plural(n, 'copie', 'copies')} (cadres neutres dans l’enregistrement)\u00a0; le paquet .zip de la visite les contient toutes.`,
  markersTitle: 'Moments clés',
  markerKinds: {
    page: 'page',
    answer: 'réponse',
    note: 'note',
    screenshot: 'capture',
    signal: 'signal',
    abandonment: 'abandon',
  } satisfies Record<MarkerKind, string>,

  // Checklist
  noChecklist: 'Aucune grille n’a été utilisée pour cette visite.',
  answer: 'Réponse',
  weight: 'Poids',
  references: 'Références',
  reviewComment: 'Remarque du relecteur',
  noCriteria: 'Aucun critère dans cette partie.',

  // Accessibility
  a11ySummary: (n: number) =>
    n === 0 ? 'Aucun problème détecté automatiquement.' : n === 1 ? '1\u00a0problème détecté automatiquement.' : `${n}\u00a0problèmes détectés automatiquement.`,
  a11yHint: 'Les tests automatiques ne repèrent qu’une partie des problèmes d’accessibilité.',
  auditStatus: 'Audit',
  noA11yPages: 'Aucune page auditée.',
  noViolations: 'Aucun problème détecté sur cette page.',
  impact: 'Gravité',
  wcag: 'WCAG',
  rgaa: 'RGAA',
  noMatch: 'pas de correspondance',
  nodesCount: (n: number) => plural(n, 'élément concerné', 'éléments concernés'),
  selector: 'Sélecteur',
  html: 'Extrait du code',
  fix: 'À corriger',
  learnMore: 'En savoir plus',

  // Speed
  noSpeedPages: 'Aucune page mesurée.',
  vitals: 'Mesures',
  metrics: auditFr.metrics,
  ratings: auditFr.ratings,
  reasons: 'Pourquoi',
  ttfb: 'Première réponse du serveur',
  transfer: 'Poids transféré',
  notMeasured: 'non mesuré',

  // Notes and screenshots
  notesTitle: 'Notes',
  noNotes: 'Aucune note.',
  screenshotsTitle: 'Captures',
  noScreenshots: 'Aucune capture.',
  imageMissing: 'Image absente de ce rapport.',
  annotations: 'Zones annotées',

  // Verdict
  verdictBy: (alias: string) => `Signé\u00a0: ${alias}`,
  verdictAt: (date: string) => `le ${date}`,
  notFinal: 'Pas encore définitif',
  final: 'Définitif',
  noVerdict: 'Pas encore de verdict.',
  issuesTitle: 'Aide à la rédaction',
  noIssues: 'Rien à signaler.',
  longSentence: (words: number) => `Phrase de ${words}\u00a0mots (25\u00a0au plus, une idée par phrase)\u00a0:`,
  noWithoutComment: 'Réponse «\u00a0non\u00a0» sans commentaire\u00a0:',

  // Verdict form
  aliasLabel: 'Votre nom ou pseudonyme (signature)',
  verdictLabel: 'Verdict pour le commerçant',
  verdictHint: 'Phrases courtes, faits observés, preuves à l’appui.',
  saveDraft: 'Enregistrer le brouillon',
  markFinal: 'Marquer comme définitif',
  saving: 'Enregistrement…',
  savedAt: (time: string) => `Enregistré à ${time}`,
  finalAt: (time: string) => `Enregistré comme définitif à ${time}`,
  emptyFinal: 'Écrivez le verdict avant de le marquer comme définitif.',
  saveFailed: (detail: string) => `L’enregistrement a échoué${detail ? ` (${detail})` : ''}. Réessayez.`,

  // Appendix
  method: 'Méthode',
  referencesTitle: 'Référentiels',
  glossary: 'Glossaire',
};

export type ReportUiMessages = typeof reportUiFr;
