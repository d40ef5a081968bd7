import type { AnswerState } from '../checklist/schema';
import { numberIn, percentIn } from './formats';
import { IMPORT_WORDS_EN, IMPORT_WORDS_FR } from './import-words';

/**
 * The words of the checklist in the side panel (criteria, answers, evidence, suggestions, scores)
 * and of the checklist picker (import, export), in French and English.
 */

// Scores are 0 to 100.
const scorePercentIn = (locale: string) => (score: number) => percentIn(locale)(Number(score) / 100);
const frNumber = numberIn('fr-FR', 2);
const enNumber = numberIn('en-GB', 2);

export const checklistFr = {
  /** "label : value", with French spacing. */
  fact: (label: string, value: string) => `${label}\u00a0: ${value}`,
  percent: scorePercentIn('fr-FR'),
  save: 'Enregistrer',
  cancel: 'Annuler',

  // Answers
  answers: { yes: 'Oui', no: 'Non', na: 'N.A.', unchecked: 'Non vérifié' } satisfies Record<AnswerState, string>,
  naTitle: 'Non applicable',
  answerGroup: 'Réponse',
  notAnswered: 'Pas encore répondu',
  scaleGroup: 'Note de 1 (mauvais) à 5 (très bien)',
  scaleValue: (n: number) => `${n}\u00a0/ 5`,
  numberLabel: (unit: string) => `Valeur mesurée (${unit})`,
  numberValue: (n: number, unit: string) => `${frNumber(n)} ${unit}`,
  keyboardHint:
    'Raccourcis quand un critère a le focus : flèches haut et bas pour changer de critère, O ou Y pour Oui, N pour Non, A pour N.A., U pour Non vérifié, 1 à 5 pour une note, C pour le commentaire, S pour joindre une capture, R pour lier le moment du replay, ? pour tous les raccourcis.',
  keyboardHintReadOnly: 'Flèches haut et bas pour passer d’un critère à l’autre.',
  commentKeys: 'Ctrl+Entrée enregistre, Échap revient au critère.',
  readOnly: 'La visite est terminée : les réponses sont en lecture seule.',

  // Criterion details
  help: 'Aide',
  weight: (w: number): string => (w >= 3 ? 'Critique' : w === 2 ? 'Important' : 'Bonne pratique'),
  weightLabel: 'Poids',
  knockout: 'Éliminatoire',
  knockoutHint: 'Un « Non » est signalé dans le rapport, quel que soit le score.',

  // Page criteria and sections
  pageCriteriaTitle: 'Critères de cette page',
  pageCriteriaEmpty: 'Aucun critère propre à cette page. Tous les critères restent dans les sections ci-dessous.',
  sectionsTitle: 'Toutes les sections',
  answerAbove: 'Répondre plus haut',

  // Progress and score
  progressTitle: 'Avancement',
  bySection: 'Par section',
  answeredOf: (n: number, total: number) =>
    n <= 1 ? `${n} critère renseigné sur ${total}` : `${n} critères renseignés sur ${total}`,
  scoreLabel: 'Score',
  noScore: 'pas encore de score',
  left: (n: number) => (n === 0 ? 'complet' : n === 1 ? '1 restant' : `${n} restants`),
  knockoutTitle: (n: number) =>
    n === 1 ? 'Critère éliminatoire non respecté :' : `${n} critères éliminatoires non respectés :`,

  // Suggestions
  suggestionLabel: 'Suggestion automatique',
  suggested: (answer: string, reason: string) => `Suggéré\u00a0: ${answer} — ${reason}`,
  suggestedChip: (answer: string) => `Suggéré\u00a0: ${answer}`,
  confirmSuggestion: 'Confirmer',
  otherAnswer: 'Autre réponse',

  // Comment
  commentLabel: 'Commentaire',
  commentRequired: 'Un commentaire est requis pour « Non ».',

  // Evidence
  evidenceTitle: 'Preuves',
  evidenceCount: (n: number) => (n <= 1 ? `${n} preuve` : `${n} preuves`),
  captureNow: 'Capturer maintenant',
  chooseScreenshot: 'Choisir une capture',
  linkReplay: 'Lier ce moment du replay',
  evidenceNeedsAnswer: 'Répondez d’abord au critère pour y joindre une preuve.',
  capturing: 'Capture en cours…',
  captureFailed: 'La capture a échoué. Réessayez dans un instant.',
  noReplay: 'Aucun moment à lier : la page n’est pas encore enregistrée.',
  noScreenshots: 'Aucune capture dans cette visite pour l’instant.',
  attached: 'déjà jointe',
  evidenceFull: 'Nombre maximal de preuves atteint.',
  screenshotEvidence: (label: string) => `Capture\u00a0: ${label}`,
  missingScreenshot: 'Capture supprimée',
  replayEvidence: (time: string) => `Moment du replay\u00a0: ${time}`,
  replayMomentPending: 'Moment du replay (en cours d’enregistrement)',
  remove: 'Retirer',
  removeEvidence: (label: string) => `Retirer « ${label} »`,

  // Picker, import and export
  pickerTitle: 'Grille d’évaluation',
  selectLabel: 'Grille utilisée',
  optionLabel: (title: string, criteria: number, builtIn: boolean) =>
    `${title} — ${criteria <= 1 ? `${criteria} critère` : `${criteria} critères`}${builtIn ? ' (intégrée)' : ''}`,
  exportLabel: 'Exporter la grille (JSON)',
  importLabel: 'Importer une grille (fichier JSON)',
  importHint: 'Le fichier est vérifié avant d’être ajouté.',
  ...IMPORT_WORDS_FR,
  importOk: (title: string) => `Grille « ${title} » importée.`,
};

export type ChecklistMessages = typeof checklistFr;

export const checklistEn: ChecklistMessages = {
  fact: (label: string, value: string) => `${label}: ${value}`,
  percent: scorePercentIn('en-GB'),
  save: 'Save',
  cancel: 'Cancel',

  answers: { yes: 'Yes', no: 'No', na: 'N/A', unchecked: 'Not checked' },
  naTitle: 'Not applicable',
  answerGroup: 'Answer',
  notAnswered: 'Not answered yet',
  scaleGroup: 'Rating from 1 (poor) to 5 (very good)',
  scaleValue: (n: number) => `${n} / 5`,
  numberLabel: (unit: string) => `Measured value (${unit})`,
  numberValue: (n: number, unit: string) => `${enNumber(n)} ${unit}`,
  keyboardHint:
    'Shortcuts when a criterion has focus: up and down arrows to move between criteria, Y or O for Yes, N for No, A for N/A, U for Not checked, 1 to 5 for a rating, C for the comment, S to attach a screenshot, R to link the replay moment, ? for every shortcut.',
  keyboardHintReadOnly: 'Up and down arrows move between criteria.',
  commentKeys: 'Ctrl+Enter saves, Escape goes back to the criterion.',
  readOnly: 'The visit has ended: answers are read-only.',

  help: 'Help',
  weight: (w: number) => (w >= 3 ? 'Critical' : w === 2 ? 'Important' : 'Good practice'),
  weightLabel: 'Weight',
  knockout: 'Knock-out',
  knockoutHint: 'A “No” is flagged in the report whatever the score.',

  pageCriteriaTitle: 'Criteria for this page',
  pageCriteriaEmpty: 'No criterion specific to this page. Every criterion is still in the sections below.',
  sectionsTitle: 'All sections',
  answerAbove: 'Answer above',

  progressTitle: 'Progress',
  bySection: 'By section',
  answeredOf: (n: number, total: number) => `${n} of ${total} ${total === 1 ? 'criterion' : 'criteria'} answered`,
  scoreLabel: 'Score',
  noScore: 'no score yet',
  left: (n: number) => (n === 0 ? 'complete' : `${n} left`),
  knockoutTitle: (n: number) => (n === 1 ? 'Knock-out criterion failed:' : `${n} knock-out criteria failed:`),

  suggestionLabel: 'Automatic suggestion',
  suggested: (answer: string, reason: string) => `Suggested: ${answer} — ${reason}`,
  suggestedChip: (answer: string) => `Suggested: ${answer}`,
  confirmSuggestion: 'Confirm',
  otherAnswer: 'Other answer',

  commentLabel: 'Comment',
  commentRequired: 'A comment is required for “No”.',

  evidenceTitle: 'Evidence',
  evidenceCount: (n: number) => (n === 1 ? '1 piece of evidence' : `${n} pieces of evidence`),
  captureNow: 'Capture now',
  chooseScreenshot: 'Choose a screenshot',
  linkReplay: 'Link this replay moment',
  evidenceNeedsAnswer: 'Answer the criterion first to attach evidence.',
  capturing: 'Capturing…',
  captureFailed: 'The screenshot failed. Try again in a moment.',
  noReplay: 'No moment to link: the page is not recorded yet.',
  noScreenshots: 'No screenshot in this visit yet.',
  attached: 'already attached',
  evidenceFull: 'The most evidence an answer can hold is reached.',
  screenshotEvidence: (label: string) => `Screenshot: ${label}`,
  missingScreenshot: 'Deleted screenshot',
  replayEvidence: (time: string) => `Replay moment: ${time}`,
  replayMomentPending: 'Replay moment (being stamped)',
  remove: 'Remove',
  removeEvidence: (label: string) => `Remove “${label}”`,

  pickerTitle: 'Checklist',
  selectLabel: 'Checklist in use',
  optionLabel: (title: string, criteria: number, builtIn: boolean) =>
    `${title} — ${criteria === 1 ? '1 criterion' : `${criteria} criteria`}${builtIn ? ' (built-in)' : ''}`,
  exportLabel: 'Export the checklist (JSON)',
  importLabel: 'Import a checklist (JSON file)',
  importHint: 'The file is checked before it is added.',
  ...IMPORT_WORDS_EN,
  importOk: (title: string) => `Checklist “${title}” imported.`,
};
