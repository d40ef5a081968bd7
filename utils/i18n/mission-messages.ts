import type { Persona } from '../mission/schema';
import type { StepStatusValue } from '../mission/step-status';
import { IMPORT_WORDS_EN, IMPORT_WORDS_FR } from './import-words';

/**
 * The words of missions in the side panel: the picker (choose, import, delete), the mission during
 * a visit (steps, marks, deadline, persona) and the completeness check before Stop, in French and
 * English. Import problems have their own words (utils/mission/error-text.ts).
 */

type Device = NonNullable<Persona['device']>;

const plural = (n: number, one: string, many: string) => (n <= 1 ? `${n} ${one}` : `${n} ${many}`);

export const missionFr = {
  // Picker
  pickerTitle: 'Mission',
  chooseLabel: 'Mission de la visite',
  builtIn: 'intégrée',
  agency: (name: string) => `Agence\u00a0: ${name}`,
  sites: (list: string) => `Sites\u00a0: ${list}`,
  startSite: 'le site ouvert dans l’onglet au démarrage',
  due: (date: string) => `À rendre le ${date}`,
  pastDue: 'échéance dépassée',
  stepsCount: (n: number) => plural(n, 'étape', 'étapes'),
  instructionsTitle: 'Consignes',
  deleteLabel: 'Supprimer',
  deleteMission: (title: string) => `Supprimer la mission « ${title} »`,
  confirmDelete: 'Supprimer cette mission ? Les visites déjà faites en gardent leur copie.',
  importLabel: 'Importer une mission (fichier JSON)',
  importHint: 'Le fichier est vérifié en entier avant d’être ajouté : rien n’est gardé d’un fichier refusé.',
  ...IMPORT_WORDS_FR,
  importOk: (title: string) => `Mission « ${title} » importée et choisie.`,
  notOnSites: 'L’onglet n’est pas sur l’un des sites de cette mission : ouvrez-en un pour démarrer.',
  startsMission: (title: string) => `Mission : ${title} (à choisir plus bas)`,
  checklistOfMission: (title: string) => `Cette mission utilise la grille « ${title} ».`,
  offSites: 'Cette page n’est pas sur les sites de la mission : elle n’est pas enregistrée.',

  // Persona
  personaTitle: 'Votre persona',
  alias: (alias: string) => `Nom d’emprunt\u00a0: ${alias}`,
  browseIn: (lang: string) => `Langue de navigation\u00a0: ${lang === 'fr' ? 'français' : 'anglais'}`,
  devices: { desktop: 'ordinateur', mobile: 'téléphone', tablet: 'tablette' } satisfies Record<Device, string>,
  device: (device: string) => `Appareil\u00a0: ${device}`,

  // During the visit
  viewTitle: 'Mission',
  when: (ms: number) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(Number(ms)),
  deadlineSoon: (minutes: number) => `Moins d’une heure avant l’échéance\u00a0: ${minutes}\u00a0min.`,
  deadlinePast: 'L’échéance est dépassée : terminez la visite et dites-le dans votre verdict.',
  currentStepTitle: 'Étape en cours',
  success: (text: string) => `Réussite\u00a0: ${text}`,
  allStepsDone: 'Toutes les étapes sont atteintes ou marquées.',
  noSteps: 'Cette mission n’a pas d’étapes : suivez ses consignes.',
  stepsTitle: 'Étapes',
  stepsReached: (reached: number, total: number) => `${reached}\u00a0atteinte${reached > 1 ? 's' : ''} sur ${total}`,
  optional: 'facultative',
  reached: 'Atteinte',
  reachedOutOfOrder: 'Atteinte, hors de l’ordre prévu',
  notReached: 'Pas encore atteinte',
  textNotChecked: 'Cette étape attend un texte sur la page : il est cherché quand la page se charge. S’il n’apparaît qu’ensuite, marquez l’étape vous-même.',
  statusGroup: (step: string) => `Marquer l’étape « ${step} »`,
  statuses: { done: 'Faite', failed: 'Échouée', blocked: 'Bloquée' } satisfies Record<StepStatusValue, string>,
  marked: (status: string, comment: string) => (comment ? `Marquée\u00a0: ${status} — ${comment}` : `Marquée\u00a0: ${status}`),
  commentLabel: 'Pourquoi ?',
  commentRequired: 'Dites pourquoi l’étape a échoué ou est bloquée.',
  save: 'Enregistrer',
  cancel: 'Annuler',
  unmark: 'Retirer la marque',

  // Completeness before Stop
  checkTitle: 'Avant de terminer',
  checkIntro: (n: number) =>
    n === 1
      ? 'La mission demande encore 1 élément : complétez-le, ou expliquez pourquoi il manque.'
      : `La mission demande encore ${n} éléments : complétez chacun, ou expliquez pourquoi il manque.`,
  checkComplete: 'Tout ce que la mission demande est là.',
  checkLeft: (n: number) => (n === 0 ? 'Vous pouvez terminer.' : `${plural(n, 'élément', 'éléments')} à compléter ou expliquer avant de terminer.`),
  goStep: 'Aller à l’étape',
  goAnswer: 'Aller au critère',
  goNote: 'Écrire la note',
  takeScreenshot: 'Faire la capture maintenant',
  explainLabel: 'Ou expliquez pourquoi il manque',
  saveExplanation: 'Enregistrer l’explication',
  explained: 'Expliqué',
  stopNow: 'Terminer la visite',
  backToVisit: 'Revenir à la visite',
};

export type MissionMessages = typeof missionFr;

export const missionEn: MissionMessages = {
  pickerTitle: 'Mission',
  chooseLabel: 'Mission for this visit',
  builtIn: 'built-in',
  agency: (name: string) => `Agency: ${name}`,
  sites: (list: string) => `Sites: ${list}`,
  startSite: 'the site open in the tab when you start',
  due: (date: string) => `Due ${date}`,
  pastDue: 'past its deadline',
  stepsCount: (n: number) => (n === 1 ? '1 step' : `${n} steps`),
  instructionsTitle: 'Instructions',
  deleteLabel: 'Delete',
  deleteMission: (title: string) => `Delete the mission “${title}”`,
  confirmDelete: 'Delete this mission? Visits already made keep their copy of it.',
  importLabel: 'Import a mission (JSON file)',
  importHint: 'The whole file is checked before it is added: nothing is kept of a refused file.',
  ...IMPORT_WORDS_EN,
  importOk: (title: string) => `Mission “${title}” imported and chosen.`,
  notOnSites: 'The tab is not on one of this mission’s sites: open one of them to start.',
  startsMission: (title: string) => `Mission: ${title} (choose below)`,
  checklistOfMission: (title: string) => `This mission uses the checklist “${title}”.`,
  offSites: 'This page is not on the mission’s sites: it is not recorded.',

  personaTitle: 'Your persona',
  alias: (alias: string) => `Alias: ${alias}`,
  browseIn: (lang: string) => `Browse in: ${lang === 'fr' ? 'French' : 'English'}`,
  devices: { desktop: 'computer', mobile: 'phone', tablet: 'tablet' },
  device: (device: string) => `Device: ${device}`,

  viewTitle: 'Mission',
  when: (ms: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(Number(ms)),
  deadlineSoon: (minutes: number) => `Less than an hour before the deadline: ${minutes} min.`,
  deadlinePast: 'The deadline has passed: finish the visit and say so in your verdict.',
  currentStepTitle: 'Current step',
  success: (text: string) => `Success: ${text}`,
  allStepsDone: 'Every step is reached or marked.',
  noSteps: 'This mission has no steps: follow its instructions.',
  stepsTitle: 'Steps',
  stepsReached: (reached: number, total: number) => `${reached} of ${total} reached`,
  optional: 'optional',
  reached: 'Reached',
  reachedOutOfOrder: 'Reached, out of the expected order',
  notReached: 'Not reached yet',
  textNotChecked: 'This step expects a text on the page: it is looked for as the page loads. If it only appears later, mark the step yourself.',
  statusGroup: (step: string) => `Mark the step “${step}”`,
  statuses: { done: 'Done', failed: 'Failed', blocked: 'Blocked' },
  marked: (status: string, comment: string) => (comment ? `Marked: ${status} — ${comment}` : `Marked: ${status}`),
  commentLabel: 'Why?',
  commentRequired: 'Say why the step failed or is blocked.',
  save: 'Save',
  cancel: 'Cancel',
  unmark: 'Take the mark back',

  checkTitle: 'Before you stop',
  checkIntro: (n: number) =>
    n === 1
      ? 'The mission still asks for 1 item: complete it, or explain why it is missing.'
      : `The mission still asks for ${n} items: complete each, or explain why it is missing.`,
  checkComplete: 'Everything the mission asks for is there.',
  checkLeft: (n: number) => (n === 0 ? 'You can stop.' : `${n === 1 ? '1 item' : `${n} items`} to complete or explain before you stop.`),
  goStep: 'Go to the step',
  goAnswer: 'Go to the criterion',
  goNote: 'Write the note',
  takeScreenshot: 'Take the screenshot now',
  explainLabel: 'Or explain why it is missing',
  saveExplanation: 'Save the explanation',
  explained: 'Explained',
  stopNow: 'Stop the visit',
  backToVisit: 'Back to the visit',
};
