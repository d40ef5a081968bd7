import type { PageType } from '../schema/page-type';
import type { VisitStatus } from '../schema/visit';
import { errorCodeOf, type ErrorCode } from '../messaging/errors';
import { evidenceEn, evidenceFr } from './evidence-messages';
import { checklistEn, checklistFr } from './checklist-messages';
import { auditEn, auditFr } from './audit-messages';
import { missionEn, missionFr } from './mission-messages';
import { cockpitEn, cockpitFr } from './cockpit-messages';

/** Every sentence the interface shows, in French and English. French is written first. */
const fr = {
  appName: 'Mystère',
  currentSite: 'Site de l’onglet :',
  noSite: 'Ouvrez la boutique à visiter dans cet onglet.',
  start: 'Démarrer la visite',
  startHint: 'Mystère enregistre ce que vous voyez, jamais ce que vous tapez. Rien ne quitte votre ordinateur sans votre export.',
  pause: 'Pause',
  resume: 'Reprendre',
  resumeHere: 'Reprendre dans cet onglet',
  stop: 'Terminer',
  elapsed: 'Durée',
  pages: 'Pages de la visite',
  noPages: 'Aucune page enregistrée pour l’instant.',
  pageType: 'Type de page',
  autoType: 'détecté',
  timeOnPage: 'Temps sur la page',
  unrecorded: {
    waiting: 'Enregistrement en attente…',
    'left-early': 'Non enregistrée : quittée avant que l’enregistrement puisse commencer',
    'no-recorder': 'Non enregistrée : l’enregistreur n’a pas démarré sur cette page',
  },
  pastVisits: 'Visites précédentes',
  visitEnded: 'Visite terminée. Relisez le rapport, écrivez votre verdict, puis exportez-le.',
  openReport: 'Ouvrir le rapport',
  openViewer: 'Ouvrir la visionneuse (agence) : importer, relire et valider des visites',
  noPastVisits: 'Aucune visite pour l’instant.',
  open: 'Ouvrir',
  back: 'Retour',
  delete: 'Supprimer',
  confirmDelete: 'Supprimer définitivement cette visite et son enregistrement ?',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  interrupted: 'Cette visite a été interrompue par la fermeture du navigateur. Tout ce qui a été enregistré avant est conservé.',
  notRecorded: 'Cette page n’est pas enregistrée : Mystère n’a pas encore l’autorisation pour ce site.',
  allowSite: 'Autoriser l’enregistrement sur ce site',
  otherTab: 'La visite se déroule dans un autre onglet.',
  recordingHealth: (h: { retried: number; fellBack: number; lost: number }) =>
    `Santé de l’enregistrement : ${h.retried} envoi(s) repris, ${h.fellBack} remis par le stockage de l’extension, ${h.lost} perdu(s).`,
  uncollected: (tabs: number, messages: number) =>
    `À l’arrêt, ${tabs} onglet(s) n’ont pas remis tout ce qu’ils tenaient (${messages} envoi(s) en attente) : la fin de la dernière page peut manquer au replay.`,
  budgetWarning: (usedMb: number, budgetMb: number) =>
    `La visite occupe ${usedMb} Mo sur les ${budgetMb} Mo prévus : une fois plein, l’enregistrement vidéo s’arrêtera (vos réponses et notes continueront).`,
  pagesCount: (n: number) => (n <= 1 ? `${n} page` : `${n} pages`),
  status: { recording: 'Enregistrement', paused: 'En pause', interrupted: 'Interrompue', ended: 'Terminée' } satisfies Record<VisitStatus, string>,
  pageTypes: {
    home: 'Accueil',
    listing: 'Liste de produits',
    search: 'Recherche',
    product: 'Fiche produit',
    cart: 'Panier',
    checkout: 'Commande',
    payment: 'Paiement',
    confirmation: 'Confirmation',
    account: 'Compte',
    contact: 'Contact',
    other: 'Autre',
  } satisfies Record<PageType, string>,
  errors: {
    'permission-denied': 'Sans votre autorisation pour ce site, Mystère ne peut pas l’enregistrer.',
    'visit-running': 'Une visite est déjà en cours. Terminez-la avant d’en commencer une autre.',
    'not-a-website': 'Cette page n’est pas un site web : ouvrez la boutique dans l’onglet.',
    'bad-checklist': 'Cette grille n’est pas valide : rien n’a été installé.',
    'checklist-id-taken': 'Une grille intégrée porte déjà cet identifiant : changez le champ « id » du fichier.',
    'no-such-checklist': 'Cette grille n’existe plus.',
    'checklist-set-by-mission': 'La mission de cette visite fixe sa grille : elle ne peut pas être changée en cours de visite.',
    'bad-mission': 'Cette mission n’est pas valide : rien n’a été installé.',
    'mission-id-taken': 'Une mission intégrée porte déjà cet identifiant : changez le champ « id » du fichier.',
    'no-such-mission': 'Cette mission n’existe plus.',
    'not-a-mission-site':
      'Ce site ne fait pas partie des sites de la mission : ouvrez dans l’onglet l’un des sites qu’elle nomme.',
    'checklist-conflict':
      'La grille de cette mission porte l’identifiant d’une autre grille déjà installée : supprimez cette grille, ou demandez à l’agence de changer l’identifiant.',
    'no-such-step': 'Cette étape n’est pas une étape de la mission de la visite.',
    'no-such-item': 'Cet élément ne fait pas partie de ce que la mission demande.',
    'comment-required': 'Dites pourquoi : un commentaire est requis pour une étape échouée ou bloquée.',
    'page-not-shown': 'Cette page n’est plus affichée dans son onglet : seul l’audit de la page affichée peut être relancé.',
    'visit-not-running': 'La visite est terminée : relancez une visite pour auditer à nouveau.',
    'no-such-visit': 'Cette visite n’existe plus.',
    'verdict-empty': 'Écrivez votre verdict avant de rendre le rapport définitif.',
    'no-such-page': 'Cette page n’existe plus.',
    'budget-reached':
      'Espace de la visite atteint : l’enregistrement vidéo est arrêté. Vos réponses, notes et captures continuent d’être enregistrées.',
    'disk-full':
      'Le disque est plein : les nouvelles données attendent dans la page. Libérez de la place ou supprimez d’anciennes visites, sans fermer l’onglet de la visite.',
    'no-answer': 'Le service de l’extension ne répond pas. Réessayez dans un instant.',
    'bad-message': 'Le message n’a pas été compris : rechargez le panneau et réessayez.',
    'not-in-visit': 'Cet onglet ne fait pas partie de la visite en cours.',
    'no-page-yet': 'Aucune page n’est encore enregistrée dans cette visite.',
    'no-such-note': 'Cette note n’existe plus.',
    'no-such-screenshot': 'Cette capture n’existe plus.',
    'capture-failed': 'La capture a échoué. Réessayez dans un instant.',
    'no-recorder': 'La page n’est pas encore prête : rechargez-la ou attendez qu’elle ait fini de charger.',
    'tab-hidden': 'Affichez l’onglet de la visite pour faire une capture.',
    internal: 'Une erreur inattendue est survenue. Réessayez ; si elle revient, signalez-la.',
  } satisfies Record<ErrorCode, string>,
  evidence: evidenceFr,
  checklist: checklistFr,
  audit: auditFr,
  mission: missionFr,
  cockpit: cockpitFr,
  options: {
    title: 'Réglages de Mystère',
    language: 'Langue',
    languageAuto: 'Celle du navigateur',
    commentOnNo: 'Exiger un commentaire pour chaque réponse « Non » de la grille',
    autoAudit: 'Auditer automatiquement chaque page (accessibilité et vitesse) une fois chargée',
    keepAssets:
      'Conserver avec la visite les images, polices et feuilles de style affichées, pour que le rejeu montre la boutique telle qu’elle était (30 Mo au plus par visite)',
    keepAssetsFirefox:
      'Indisponible dans Firefox : la boutique pourrait y voir la copie de ses images (dans les mesures de chargement de sa page). Le rejeu montre des cadres neutres à leur place.',
    keepSearchTerms:
      'Conserver les termes tapés dans les champs de recherche de la boutique (les adresses e-mail, numéros et jetons qu’ils contiennent restent masqués)',
    mask: 'Masquer le texte de ces éléments (sélecteurs CSS, un par ligne)',
    block: 'Exclure entièrement ces éléments (sélecteurs CSS, un par ligne)',
    privacyNote:
      'Toujours actif : rien de ce que vous tapez n’est conservé, même quand la boutique le réaffiche sur une autre page ; les champs et cadres de paiement sont exclus ; les adresses e-mail, numéros de téléphone et de carte et les jetons sont masqués ; les adresses des pages sont gardées sans leurs paramètres ; les zones que la boutique marque « à ne pas enregistrer » sont respectées.',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés.',
    badSelector: (line: number, selector: string) => `Ligne ${line} : « ${selector} » n’est pas un sélecteur CSS valide.`,
    budget: 'Espace disque par visite (Mo) : au-delà, l’enregistrement vidéo s’arrête, vos réponses et notes continuent',
    badBudget: (min: number, max: number) => `L’espace par visite doit être un nombre entier de Mo, entre ${min} et ${max}.`,
  },
};

type Messages = typeof fr;

const en: Messages = {
  appName: 'Mystère',
  currentSite: 'Site in this tab:',
  noSite: 'Open the shop to visit in this tab.',
  start: 'Start visit',
  startHint: 'Mystère records what you see, never what you type. Nothing leaves your computer unless you export it.',
  pause: 'Pause',
  resume: 'Resume',
  resumeHere: 'Resume in this tab',
  stop: 'Stop',
  elapsed: 'Elapsed',
  pages: 'Pages of this visit',
  noPages: 'No page recorded yet.',
  pageType: 'Page type',
  autoType: 'detected',
  timeOnPage: 'Time on page',
  unrecorded: {
    waiting: 'Recording about to start…',
    'left-early': 'Not recorded: left before its recording could start',
    'no-recorder': 'Not recorded: the recorder did not start on this page',
  },
  pastVisits: 'Past visits',
  visitEnded: 'Visit ended. Read the report, write your verdict, then export it.',
  openReport: 'Open the report',
  openViewer: 'Open the viewer (agency): import, review and validate visits',
  noPastVisits: 'No visit yet.',
  open: 'Open',
  back: 'Back',
  delete: 'Delete',
  confirmDelete: 'Delete this visit and its recording for good?',
  confirm: 'Confirm',
  cancel: 'Cancel',
  interrupted: 'This visit was interrupted when the browser closed. Everything recorded before is kept.',
  notRecorded: 'This page is not recorded: Mystère is not yet allowed on this site.',
  allowSite: 'Allow recording on this site',
  recordingHealth: (h: { retried: number; fellBack: number; lost: number }) =>
    `Recording health: ${h.retried} message(s) retried, ${h.fellBack} handed over through the extension’s storage, ${h.lost} lost.`,
  uncollected: (tabs: number, messages: number) =>
    `At Stop, ${tabs} tab(s) did not hand over all they held (${messages} message(s) waiting): the end of the last page may be missing from the replay.`,
  budgetWarning: (usedMb: number, budgetMb: number) =>
    `The visit takes ${usedMb} MB of its ${budgetMb} MB: once full, the video recording will stop (your answers and notes will go on).`,
  otherTab: 'The visit is running in another tab.',
  pagesCount: (n: number) => (n === 1 ? '1 page' : `${n} pages`),
  status: { recording: 'Recording', paused: 'Paused', interrupted: 'Interrupted', ended: 'Ended' },
  pageTypes: {
    home: 'Home',
    listing: 'Product listing',
    search: 'Search',
    product: 'Product page',
    cart: 'Cart',
    checkout: 'Checkout',
    payment: 'Payment',
    confirmation: 'Confirmation',
    account: 'Account',
    contact: 'Contact',
    other: 'Other',
  },
  errors: {
    'permission-denied': 'Without your permission for this site, Mystère cannot record it.',
    'visit-running': 'A visit is already running. Stop it before starting another.',
    'not-a-website': 'This page is not a website: open the shop in this tab.',
    'bad-checklist': 'This checklist is not valid: nothing was installed.',
    'checklist-id-taken': 'A built-in checklist already has this id: change the file’s “id” field.',
    'no-such-checklist': 'This checklist no longer exists.',
    'checklist-set-by-mission': 'This visit’s mission sets its checklist: it cannot be changed during the visit.',
    'bad-mission': 'This mission is not valid: nothing was installed.',
    'mission-id-taken': 'A built-in mission already has this id: change the file’s “id” field.',
    'no-such-mission': 'This mission no longer exists.',
    'not-a-mission-site': 'This site is not one of the mission’s sites: open one of the sites it names in this tab.',
    'checklist-conflict':
      'This mission’s checklist has the id of another checklist already installed: delete that checklist, or ask the agency to change the id.',
    'no-such-step': 'This step is not a step of the visit’s mission.',
    'no-such-item': 'This item is not something the mission asks for.',
    'comment-required': 'Say why: a comment is required for a failed or blocked step.',
    'page-not-shown': 'This page is no longer shown in its tab: only the page on screen can be audited again.',
    'visit-not-running': 'The visit has ended: start a visit to audit again.',
    'no-such-visit': 'This visit no longer exists.',
    'verdict-empty': 'Write your verdict before making the report final.',
    'no-such-page': 'This page no longer exists.',
    'budget-reached': 'The visit’s storage space is full: the video recording has stopped. Your answers, notes and screenshots are still being saved.',
    'disk-full': 'The disk is full: new data is waiting in the page. Free some space or delete old visits, and keep the visit’s tab open.',
    'no-answer': 'The extension’s service is not answering. Try again in a moment.',
    'bad-message': 'The message was not understood: reload the panel and try again.',
    'not-in-visit': 'This tab is not part of the running visit.',
    'no-page-yet': 'No page has been recorded in this visit yet.',
    'no-such-note': 'This note no longer exists.',
    'no-such-screenshot': 'This screenshot no longer exists.',
    'capture-failed': 'The screenshot failed. Try again in a moment.',
    'no-recorder': 'The page is not ready yet: reload it or wait until it has finished loading.',
    'tab-hidden': 'Show the visit’s tab to take a screenshot.',
    internal: 'Something unexpected went wrong. Try again; if it comes back, please report it.',
  },
  evidence: evidenceEn,
  checklist: checklistEn,
  audit: auditEn,
  mission: missionEn,
  cockpit: cockpitEn,
  options: {
    title: 'Mystère settings',
    language: 'Language',
    languageAuto: 'The browser’s',
    commentOnNo: 'Require a comment with every “No” answer of the checklist',
    autoAudit: 'Audit each page automatically (accessibility and speed) once it has loaded',
    keepAssets: 'Keep the images, fonts and style sheets shown with the visit, so that its replay shows the shop as it was (30 MB at most per visit)',
    keepAssetsFirefox: 'Not available in Firefox: the shop could see its images being copied (in its page’s loading measurements). The replay shows neutral boxes in their place.',
    keepSearchTerms: 'Keep the terms typed into the shop’s search fields (e-mail addresses, numbers and tokens in them stay masked)',
    mask: 'Mask the text of these elements (CSS selectors, one per line)',
    block: 'Leave these elements out entirely (CSS selectors, one per line)',
    privacyNote:
      'Always on: nothing you type is kept, even when the shop shows it again on another page; payment fields and frames are left out; e-mail addresses, phone and card numbers and tokens are masked; page addresses are kept without their parameters; the zones the shop marks as “do not record” are respected.',
    save: 'Save',
    saved: 'Settings saved.',
    badSelector: (line: number, selector: string) => `Line ${line}: “${selector}” is not a valid CSS selector.`,
    budget: 'Disk space per visit (MB): beyond it the video recording stops, your answers and notes go on',
    badBudget: (min: number, max: number) => `The space per visit must be a whole number of MB, from ${min} to ${max}.`,
  },
};

export type Lang = 'fr' | 'en';
export const MESSAGES: Record<Lang, Messages> = { fr, en };
export type { Messages };

/** The interface language: the setting if chosen, else the browser's (French for any fr-*), else English. */
export function pickLang(setting: 'auto' | Lang, uiLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** An error code in the user's language. */
export function errorText(m: Messages, code: string): string {
  return m.errors[errorCodeOf(code)];
}
