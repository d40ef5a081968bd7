import type { ReviewStatus } from '../report/review';
import { bundleEn, bundleFr } from './bundle-messages';
import { checklistEn, checklistFr } from './checklist-messages';
import { evidenceEn, evidenceFr } from './evidence-messages';

/**
 * The words of the agency's viewer page (import, list, review, re-export), in French and English.
 * French spacing: a non-breaking space (\u00a0) before « : ; ? ! » and inside guillemets.
 */

const scoreIn = (locale: string) => (score: number) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Number(score))}\u00a0/\u00a0100`;

export const viewerFr = {
  pageTitle: 'Mystère – visites importées',
  title: 'Visites des évaluateurs',
  intro: 'Importez les fichiers de visite (.zip) envoyés par les évaluateurs pour les relire, les valider ou les renvoyer avec vos commentaires.',

  // Import
  importTitle: 'Importer des visites',
  importLabel: 'Choisir des fichiers de visite (.zip)',
  dropHint: 'Vous pouvez aussi déposer un ou plusieurs fichiers dans ce cadre. Chaque fichier est vérifié avant d’être gardé.',
  checking: (i: number, n: number, name: string) => `Vérification ${i} sur ${n}\u00a0: ${name}…`,
  checked: (ok: number, n: number) =>
    n === 1 ? (ok === 1 ? '1 fichier vérifié et importé.' : '1 fichier vérifié, refusé.') : `${n} fichiers vérifiés, ${ok} importé${ok > 1 ? 's' : ''}.`,
  resultsTitle: 'Résultat de l’import',
  imported: (name: string) => `${name}\u00a0: importé.`,
  replaced: (name: string) => `${name}\u00a0: importé, à la place de la même visite importée auparavant\u00a0; sa revue est gardée telle quelle.`,
  rejected: (name: string, why: string) => `${name}\u00a0: refusé. ${why}`,
  storeFailed: 'Le navigateur n’a pas pu garder ce fichier (disque plein\u00a0?). Rien n’a été importé.',
  checkFailed: 'La vérification de ce fichier a échoué de façon inattendue. Rien n’a été importé.',
  readFailed: 'Ce fichier n’a pas pu être lu.',

  // List
  listTitle: 'Visites importées',
  empty: 'Aucune visite importée pour l’instant.',
  loadFailed: 'Les visites importées n’ont pas pu être lues. Rechargez la page.',
  columns: {
    site: 'Site',
    mission: 'Mission',
    date: 'Date',
    evaluator: 'Évaluateur',
    score: 'Score',
    outcome: 'Résultat',
    review: 'Revue',
    actions: 'Actions',
  },
  unsigned: 'Non signé',
  noMission: 'Sans mission',
  noScore: 'Sans score',
  score: scoreIn('fr-FR'),
  outcome: {
    converted: 'Commande passée',
    abandoned: (stage: string) => `Abandon à l’étape «\u00a0${stage}\u00a0»`,
    abandonedSomewhere: 'Abandon',
    unknown: 'Inconnu',
  },
  stages: evidenceFr.stages,

  // By mission
  missionFilter: 'Filtrer par mission',
  allMissions: (n: number) => `Toutes les missions (${n})`,
  missionChoice: (title: string, agency: string, n: number) => `${title} – ${agency} (${n})`,
  noMissionChoice: (n: number) => `Sans mission (${n})`,
  visitCount: (n: number) => (n === 1 ? '1 visite' : `${n} visites`),
  shownCount: (n: number, total: number) => (n === 1 ? `1 visite affichée sur ${total}.` : `${n} visites affichées sur ${total}.`),
  missionVersions: (n: number) => `Ces visites ont suivi ${n} versions différentes de la mission (l’agence l’a modifiée entre-temps).`,

  // Review
  statuses: {
    submitted: 'Soumise',
    'in-review': 'En revue',
    validated: 'Validée',
    returned: 'Renvoyée',
  } satisfies Record<ReviewStatus, string>,
  statusOf: (site: string) => `Statut de la revue de ${site}`,
  reviewer: 'Relecteur',
  reviewerOf: (site: string) => `Relecteur de ${site}`,
  commentsTitle: (site: string) => `Commentaires par critère\u00a0: ${site}`,
  commentsHint: 'Dites à l’évaluateur ce qu’il faut revoir, critère par critère. Chaque commentaire est enregistré quand vous quittez le champ.',
  noCriteria: 'Cette visite ne contient aucune réponse à une grille\u00a0: rien à commenter critère par critère.',
  evaluatorAnswer: (answer: string) => `Réponse de l’évaluateur\u00a0: ${answer}`,
  evaluatorComment: (comment: string) => `Son commentaire\u00a0: ${comment}`,
  commentLabel: (id: string, question: string) => `Commentaire sur ${id}\u00a0: ${question}`,
  answers: checklistFr.answers,
  saveComments: 'Enregistrer les commentaires',
  saved: 'Revue enregistrée.',
  saveFailed: 'La revue n’a pas pu être enregistrée. Réessayez.',

  // Actions
  openReport: 'Ouvrir le rapport',
  newTab: '(nouvel onglet)',
  reexport: 'Réexporter',
  reexportOf: (site: string) => `Réexporter la visite de ${site} avec sa revue`,
  reexporting: 'Préparation du fichier…',
  reexported: (file: string) => `Fichier ${file} prêt, téléchargement lancé.`,
  reexportFailed: 'Le fichier n’a pas pu être refait à partir de la visite importée.',
  remove: 'Retirer',
  confirmRemove: 'Retirer cette visite de la visionneuse\u00a0? Le fichier d’origine n’est pas touché.',
  removed: (site: string) => `Visite de ${site} retirée.`,
  confirm: 'Confirmer',
  cancel: 'Annuler',
  bundle: bundleFr,
};

export type ViewerMessages = typeof viewerFr;

export const viewerEn: ViewerMessages = {
  pageTitle: 'Mystère – imported visits',
  title: 'Evaluators’ visits',
  intro: 'Import the visit files (.zip) your evaluators send, to review them, validate them or return them with your comments.',

  importTitle: 'Import visits',
  importLabel: 'Choose visit files (.zip)',
  dropHint: 'You can also drop one or more files into this box. Each file is checked before it is kept.',
  checking: (i: number, n: number, name: string) => `Checking ${i} of ${n}: ${name}…`,
  checked: (ok: number, n: number) =>
    n === 1 ? (ok === 1 ? '1 file checked and imported.' : '1 file checked, rejected.') : `${n} files checked, ${ok} imported.`,
  resultsTitle: 'Import results',
  imported: (name: string) => `${name}: imported.`,
  replaced: (name: string) => `${name}: imported, replacing the same visit imported before; its review is kept as it was.`,
  rejected: (name: string, why: string) => `${name}: rejected. ${why}`,
  storeFailed: 'The browser could not keep this file (disk full?). Nothing was imported.',
  checkFailed: 'Checking this file failed unexpectedly. Nothing was imported.',
  readFailed: 'This file could not be read.',

  listTitle: 'Imported visits',
  empty: 'No visit imported yet.',
  loadFailed: 'The imported visits could not be read. Reload the page.',
  columns: {
    site: 'Site',
    mission: 'Mission',
    date: 'Date',
    evaluator: 'Evaluator',
    score: 'Score',
    outcome: 'Outcome',
    review: 'Review',
    actions: 'Actions',
  },
  unsigned: 'Not signed',
  noMission: 'No mission',
  noScore: 'No score',
  score: scoreIn('en-GB'),
  outcome: {
    converted: 'Order placed',
    abandoned: (stage: string) => `Abandoned at “${stage}”`,
    abandonedSomewhere: 'Abandoned',
    unknown: 'Unknown',
  },
  stages: evidenceEn.stages,

  missionFilter: 'Filter by mission',
  allMissions: (n: number) => `All missions (${n})`,
  missionChoice: (title: string, agency: string, n: number) => `${title} – ${agency} (${n})`,
  noMissionChoice: (n: number) => `No mission (${n})`,
  visitCount: (n: number) => (n === 1 ? '1 visit' : `${n} visits`),
  shownCount: (n: number, total: number) => `Showing ${n} of ${total} visit${total === 1 ? '' : 's'}.`,
  missionVersions: (n: number) => `These visits followed ${n} different versions of the mission (the agency changed it meanwhile).`,

  statuses: {
    submitted: 'Submitted',
    'in-review': 'In review',
    validated: 'Validated',
    returned: 'Returned',
  },
  statusOf: (site: string) => `Review status of ${site}`,
  reviewer: 'Reviewer',
  reviewerOf: (site: string) => `Reviewer of ${site}`,
  commentsTitle: (site: string) => `Comments per criterion: ${site}`,
  commentsHint: 'Tell the evaluator what to look at again, criterion by criterion. Each comment is saved when you leave its field.',
  noCriteria: 'This visit holds no checklist answer: nothing to comment on criterion by criterion.',
  evaluatorAnswer: (answer: string) => `Evaluator’s answer: ${answer}`,
  evaluatorComment: (comment: string) => `Their comment: ${comment}`,
  commentLabel: (id: string, question: string) => `Comment on ${id}: ${question}`,
  answers: checklistEn.answers,
  saveComments: 'Save comments',
  saved: 'Review saved.',
  saveFailed: 'The review could not be saved. Try again.',

  openReport: 'Open report',
  newTab: '(new tab)',
  reexport: 'Re-export',
  reexportOf: (site: string) => `Re-export the visit of ${site} with its review`,
  reexporting: 'Preparing the file…',
  reexported: (file: string) => `File ${file} ready, download started.`,
  reexportFailed: 'The file could not be rebuilt from the imported visit.',
  remove: 'Remove',
  confirmRemove: 'Remove this visit from the viewer? The original file is not touched.',
  removed: (site: string) => `Visit of ${site} removed.`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  bundle: bundleEn,
};

/** The viewer's words in a language. */
export const viewerMessages = (lang: 'fr' | 'en'): ViewerMessages => (lang === 'fr' ? viewerFr : viewerEn);
