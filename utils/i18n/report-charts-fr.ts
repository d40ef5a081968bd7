import { evidenceFr } from './evidence-messages';

/**
 * The words of the report's first page, table of contents and charts, in French (the shape every
 * language follows). Each chart has a title, one sentence that says what it shows, and the column
 * names of the table that gives its figures to screen readers.
 */

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

export const reportChartsFr = {
  // First page
  topThree: 'Les problèmes à régler d’abord',
  topThreeHint: 'Les plus graves de la visite, du plus grave au moins grave\u00a0; tous les autres suivent dans le rapport.',
  seeScreenshot: (n: number) => `Voir la capture\u00a0${n}`,
  contents: 'Sommaire',

  // Every chart
  dataTable: 'Les chiffres du graphique',

  // Scores by part
  scoresTitle: 'Scores par partie de la grille',
  overall: 'Score global',
  scoresSummary: (overall: string, weakest: string | undefined) =>
    `Score global\u00a0: ${overall}.` + (weakest ? ` Partie la plus faible\u00a0: ${weakest}.` : ''),
  notScoredShort: 'non noté',

  // Funnel
  funnelTitle: 'Le tunnel d’achat\u00a0: temps client par étape',
  stages: evidenceFr.stages,
  notReached: 'non atteinte',
  stopHere: { converted: 'commande passée', abandoned: 'abandon ici', unknown: 'fin de la visite' },
  funnelSummary: (reached: number, total: number, stop: string | undefined, kind: string) =>
    `La visite a atteint ${reached}\u00a0étapes sur ${total}` + (stop ? ` et s’est arrêtée à l’étape «\u00a0${stop}\u00a0» (${kind}).` : '.'),
  stageColumn: 'Étape',
  customerTimeColumn: 'Temps client',
  pagesColumn: 'Pages',
  stateColumn: 'État',
  reachedState: 'atteinte',
  customerAxis: 'temps client',

  // Timeline
  timelineTitle: 'La visite dans le temps\u00a0: pages, réponses, signaux',
  lanes: { page: 'Pages', answer: 'Réponses', signal: 'Signaux', evidence: 'Notes, captures' },
  abandonment: 'Abandon',
  timelineSummary: (pages: number, answers: number, signals: number, evidence: number, length: string) =>
    `Sur ${length} d’enregistrement\u00a0: ${plural(pages, 'page', 'pages')}, ${plural(answers, 'réponse', 'réponses')}, ${plural(signals, 'signal', 'signaux')} de friction, ${plural(evidence, 'note ou capture', 'notes ou captures')}.`,
  noTimeline: 'Cette visite n’a pas d’enregistrement\u00a0: rien à placer dans le temps.',
  momentColumn: 'Moment',
  whatColumn: 'Quoi',
  detailColumn: 'Détail',
  replayAxis: 'temps de l’enregistrement',

  // Vitals
  vitalsTitle: (metric: string, name: string) => `${metric} (${name.toLocaleLowerCase('fr')}) par page, face aux seuils de Google`,
  thresholds: (good: string, poor: string) => `bon jusqu’à ${good}, mauvais au-delà de ${poor}`,
  vitalsSummary: (good: number, middle: number, poor: number, thresholds: string) =>
    `${plural(good, 'page bonne', 'pages bonnes')}, ${plural(middle, 'à améliorer', 'à améliorer')}, ${plural(poor, 'mauvaise', 'mauvaises')} (${thresholds}).`,
  vitalsNone: (metrics: string) => `Mesuré sur aucune page\u00a0: ${metrics}.`,
  valueColumn: 'Valeur',
  ratingColumn: 'Note',
};

export type ReportChartMessages = typeof reportChartsFr;
