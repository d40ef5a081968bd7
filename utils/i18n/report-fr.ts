import type { AnswerState } from '../checklist/schema';
import type { FunnelStage } from '../schema/evidence';
import { checklistFr } from './checklist-messages';
import { RGAA_CREDIT } from '../audit/rgaa-credit';

/** The words the report model is written with, in French, whose shape every language follows. */

export type Severity = 'critical' | 'major' | 'minor';
type QuestionId = 'orders' | 'first-seconds' | 'product' | 'return';
type Term = { term: string; definition: string };

const frPlural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;
const frQuote = (s: string) => `«\u00a0${s}\u00a0»`;


export const reportFr = {
  quote: frQuote,
  quickVisit: 'Visite rapide',
  unknownBrowser: 'Navigateur inconnu',
  notAudited: 'non audité',
  notMeasured: 'non mesurée',
  severities: { critical: 'Critique', major: 'Majeur', minor: 'Mineur' } satisfies Record<Severity, string>,
  states: {
    yes: checklistFr.answers.yes,
    no: checklistFr.answers.no,
    na: checklistFr.naTitle,
    unchecked: checklistFr.answers.unchecked,
    unanswered: 'Sans réponse',
  } satisfies Record<AnswerState | 'unanswered', string>,
  scaleValue: checklistFr.scaleValue,
  numberValue: checklistFr.numberValue,
  pageLabel: (type: string, title: string) => (title ? `${type} · ${title}` : type),
  answerLabel: (criterionId: string, state: string) => `${criterionId} · ${state}`,
  caption: (kind: string, page: string, time: string) => `${kind} · ${page} · ${time}`,

  // The four questions
  questions: {
    orders: 'Pourquoi les commandes n’aboutissent-elles pas\u00a0?',
    'first-seconds': 'Pourquoi les visiteurs partent-ils dès les premières secondes\u00a0?',
    product: 'Pourquoi un produit ne se vend-il pas\u00a0?',
    return: 'Pourquoi un nouveau client ne reviendrait-il pas\u00a0?',
  } satisfies Record<QuestionId, string>,
  firstSeconds: {
    overlay: (kind: string, percent: string, duration: string) =>
      `À l’arrivée, une fenêtre (${kind}) a couvert ${percent} de l’écran pendant ${duration}.`,
    slow: (duration: string) => `À l’arrivée, le contenu principal a mis ${duration} à s’afficher.`,
  },
  /** The diagnosis of the four questions (utils/report/questions.ts, docs/questions.md). */
  diagnosis: {
    unknownPage: 'une page non enregistrée',
    pageName: (type: string, title: string) => (title ? `«\u00a0${title}\u00a0» (${type})` : `la page «\u00a0${type}\u00a0»`),
    left: (at: string, reason: string, comment: string) => `Le client serait parti ${at}\u00a0: ${reason}${comment ? ` (${comment})` : ''}.`,
    signal: (type: string, page: string, detail: string, n: number) => `${type} sur ${page}\u00a0: ${detail}${n > 1 ? ` (${n}\u00a0fois)` : ''}.`,
    loop: (n: number, page: string, detail: string) => `Le formulaire a affiché une erreur ${n}\u00a0fois de suite sur ${page}\u00a0: ${detail}.`,
    forcedAccount: (from: string, page: string) => `Depuis ${from}, la visite a été envoyée vers ${page} pour se connecter, sans jamais atteindre le paiement.`,
    shifts: (page: string, cls: string, rating: string) => `À l’arrivée, ${page} a bougé pendant son chargement (CLS ${cls}, ${rating}).`,
    speed: (page: string, verdict: string, reasons: string) => `Vitesse de ${page}\u00a0: «\u00a0${verdict}\u00a0»${reasons ? `\u00a0; ${reasons}` : ''}.`,
    reasonSeparator: '\u00a0; ',
    paint: (page: string, duration: string, rating: string) => `À l’arrivée sur ${page}, le contenu principal a mis ${duration} à s’afficher (${rating}).`,
    criterion: (id: string, question: string, state: string, page: string, comment: string) =>
      `${id} «\u00a0${question}\u00a0»\u00a0: «\u00a0${state}\u00a0» sur ${page}${comment ? `, ${comment}` : ''}.`,
    accessibility: (title: string, nodes: number, pages: string) => `Accessibilité\u00a0: ${title} (${frPlural(nodes, 'élément', 'éléments')}, ${pages}).`,
    likely: (text: string) => `Cause la plus probable\u00a0: ${text}`,
    couldStop: (text: string) => `Ce qui pourrait arrêter d’autres clients\u00a0: ${text}`,
    converted: 'La commande a abouti.',
    noOutcome: 'La visite n’a pas d’issue connue.',
    endedAt: (at: string) => `La visite s’est arrêtée ${at}, sans commande.`,
    clear: {
      orders: 'Rien de ce qui a été vu du panier au paiement n’arrête un client.',
      'first-seconds': 'Les premières pages se sont affichées sans rien qui fasse partir un visiteur aussitôt.',
      product: 'Rien de ce qui a été vu sur les fiches produit n’empêche l’achat.',
      return: 'Rien de ce qui a été vu après l’achat, au contact ou au compte ne décourage un nouveau client.',
    } satisfies Record<QuestionId, string>,
    notReached: {
      orders: 'La visite n’est pas allée jusqu’au panier\u00a0: elle ne dit pas pourquoi une commande n’aboutirait pas.',
      'first-seconds': 'Les premières secondes des premières pages n’ont pas été mesurées\u00a0: la visite ne dit pas pourquoi des visiteurs partiraient aussitôt.',
      product: 'La visite n’a ouvert aucune fiche produit\u00a0: elle ne dit pas pourquoi un produit ne se vendrait pas.',
      return: 'La visite n’a vu ni confirmation, ni contact, ni retours, ni compte\u00a0: elle ne dit pas pourquoi un client ne reviendrait pas.',
    } satisfies Record<QuestionId, string>,
    ordersNotReachedAt: (at: string) => `La visite s’est arrêtée ${at}, avant le panier\u00a0: elle ne dit pas pourquoi une commande n’aboutirait pas.`,
    alsoSpeed: (n: number) => `La vitesse de ${frPlural(n, 'autre page', 'autres pages')} concernée${n > 1 ? 's' : ''} est à revoir (ci-dessous).`,
    barriers: (n: number) => `${frPlural(n, 'problème', 'problèmes')} d’accessibilité peu${n > 1 ? 'vent' : 't'} toutefois arrêter des clients qui naviguent au clavier ou avec un lecteur d’écran (ci-dessous).`,
    seen: (names: string) => `Vu dans cette visite\u00a0: ${names}.`,
    ordersNotSeen: 'Aucune page de panier, de commande ou de paiement n’a été vue dans cette visite.',
    firstPages: (names: string) => (names ? `Premières pages\u00a0: ${names}.` : 'Aucune page enregistrée.'),
    notMeasured: 'Leurs premières secondes n’ont pas été mesurées.',
    productNotSeen: 'Aucune fiche produit n’a été vue dans cette visite.',
    returnPages: { contact: 'contact', returns: 'livraison et retours', account: 'compte' },
    returnNotSeen: (missing: string) => `Aucune page ${missing} n’a été vue dans cette visite.`,
    /** "a, b ni c": the pages not seen. */
    orWord: ' ni ',
  },

  atStage: {
    landing: 'dès l’arrivée',
    browse: 'pendant la navigation',
    product: 'sur la fiche produit',
    cart: 'au panier',
    checkout: 'à la commande',
    payment: 'au paiement',
    confirmation: 'à la confirmation',
  } satisfies Record<FunnelStage, string>,
  outcome: {
    converted: 'Commande réussie\u00a0: la commande a été confirmée.',
    abandoned: (at: string, reason: string) => `Abandon ${at}\u00a0: ${reason}.`,
    ended: (at: string) => `Abandon ${at}\u00a0: la visite s’est arrêtée là, sans commande.`,
    interrupted: 'Issue inconnue\u00a0: la visite a été interrompue avant la fin.',
    unknown: 'Issue inconnue\u00a0: la visite n’est pas terminée.',
  },

  // Findings
  findings: {
    signalTitle: (type: string, page: string) => `${type} — ${page}`,
    signalDetail: (n: number, first: string) => (n > 1 ? `${n}\u00a0fois. La première\u00a0: ${first}.` : `${first}.`),
    a11yDetail: (nodes: number, pages: number) =>
      `${frPlural(nodes, 'élément', 'éléments')} sur ${frPlural(pages, 'page', 'pages')}`,
    speedTitle: (verdict: string, page: string) => `${verdict}\u00a0: ${page}`,
    overlayTitle: (kind: string, percent: string, duration: string) =>
      `${kind}\u00a0: couvre ${percent} de l’écran pendant ${duration}`,
    overlayDetail: (page: string, selector: string) => `Sur ${page}, élément ${frQuote(selector)}.`,
    slowTitle: (duration: string) => `Contenu principal affiché au bout de ${duration}`,
    shiftsTitle: 'La page bouge pendant son chargement',
  },
  signalDetails: {
    rage: (clicks: number, duration: string, label?: string) =>
      `${frPlural(clicks, 'clic', 'clics')} en ${duration}${label ? ` sur ${frQuote(label)}` : ''}`,
    dead: (label?: string) => (label ? `clic sans effet sur ${frQuote(label)}` : 'clic sans effet'),
    jsError: (message: string) => `erreur ${frQuote(message)}`,
    failed: (request: string, status: number) => (status === 0 ? `${request}\u00a0: erreur réseau` : `${request}\u00a0: réponse ${status}`),
    form: (text: string) => `le formulaire a affiché ${frQuote(text)}`,
    wait: (duration: string, action?: string) => `${duration} d’attente${action ? ` après ${action}` : ''}`,
    shift: (value: string) => `décalage de ${value}`,
    fallback: 'détecté automatiquement',
  },

  // Appendix
  method: {
    recorded: (browser: string) =>
      `La visite a été faite par un évaluateur dans son propre navigateur (${browser}), enregistrée page par page.`,
    privacy:
      'Rien de ce qui a été tapé n’a été conservé, même réaffiché par la boutique\u00a0; les adresses e-mail, numéros et jetons sont masqués, les adresses des pages gardées sans paramètres\u00a0; les champs de paiement et les zones privées de la boutique sont exclus, et les captures les masquent.',
    dropped: (forged: number, excess: number) =>
      `Pendant l’enregistrement, ${forged} message(s) falsifié(s) et ${excess} message(s) en excès venus des pages ont été écartés\u00a0: ils ne sont pas dans le rejeu.`,
    customerTime:
      'Les durées sont données en temps client — le temps qu’un client aurait passé sur la boutique\u00a0: le travail de l’évaluateur dans le panneau (réponses, notes, captures, annotations) et les pauses en sont retirés — avec le temps réel à côté.',
    delivery: (h: { retried: number; fellBack: number; lost: number }) =>
      `Santé de l’enregistrement\u00a0: ${h.retried} envoi(s) des pages sont arrivés après une reprise, ${h.fellBack} par le stockage de l’extension quand la messagerie échouait, et ${h.lost} ont été perdus${h.lost > 0 ? '\u00a0: leur contenu manque au rejeu' : ''}.`,
    uncollected: (tabs: number, messages: number) =>
      `À l’arrêt de la visite, ${tabs} onglet(s) n’ont pas remis à temps tout ce qu’ils tenaient (${messages} envoi(s))\u00a0: la fin de la dernière page peut manquer.`,
    ignored: (what: string) =>
      `Ne comptent pas comme friction les avertissements du navigateur, les erreurs des extensions de l’évaluateur et les requêtes que le navigateur fait ou annule de lui-même\u00a0: ${what}.`,
    axe: (version: string) =>
      `L’accessibilité a été testée automatiquement par axe-core ${version}, avec la correspondance WCAG et RGAA 4.1.2.`,
    noAxe: 'Aucun audit d’accessibilité n’a été fait pendant cette visite.',
    speed: 'La vitesse a été mesurée une fois par page et notée selon les seuils de web-vitals.',
    score: 'Score\u00a0: chaque critère rapporte son poids sur «\u00a0Oui\u00a0», une note de 1 à 5 une part de ce poids, et les sections se combinent selon leurs poids.',
    noScore: 'Aucune grille n’a été utilisée\u00a0: la visite n’a pas de score.',
    degraded: (pages: number) =>
      `Sur ${frPlural(pages, 'page trop chargée', 'pages trop chargées')}, l’enregistrement a été allégé pour ne pas ralentir la boutique (souris et défilement moins souvent enregistrés, ou pause puis reprise sur un nouvel instantané)\u00a0: le parcours dit où et quand.`,
    budget: (budget: string, time: string) =>
      `L’espace prévu pour la visite (${budget}) a été atteint à ${time}\u00a0: l’enregistrement vidéo s’est arrêté là\u00a0; pages, réponses, notes et captures ont continué d’être enregistrées.`,
  },
  /** How a page's recording stepped down, on its line of the journey. */
  degraded: {
    sampled: (time: string, why: string) => `Enregistrement allégé à partir de ${time} (${why})\u00a0: souris et défilement moins souvent enregistrés.`,
    paused: (from: string, to: string, why: string) => `Enregistrement suspendu de ${from} à ${to} (${why}), repris sur un nouvel instantané.`,
    pausedToEnd: (from: string, why: string) => `Enregistrement suspendu à partir de ${from} (${why}).`,
    budget: (time: string) => `Enregistrement arrêté à ${time}\u00a0: l’espace de la visite était plein.`,
    more: (n: number) => `Et ${frPlural(n, 'autre pause', 'autres pauses')}.`,
    why: {
      mutations: (changes: string, seconds: string) => `tempête de mutations\u00a0: ${changes}\u00a0changements en ${seconds}\u00a0s`,
      events: (events: string, seconds: string) => `${events}\u00a0événements en ${seconds}\u00a0s`,
      volume: (mb: string, seconds: string) => `${mb}\u00a0Mo de changements en ${seconds}\u00a0s`,
      backlog: (batches: number) => `l’envoi ne suivait plus\u00a0: ${frPlural(batches, 'lot écarté', 'lots écartés')}`,
    },
  },
  attributions: {
    checklist: (text: string) => text,
    axe: 'Deque Systems, licence MPL-2.0',
    rgaa: RGAA_CREDIT,
    opquast: 'Opquast, CC BY-SA 4.0 (numéros de règles seulement)',
    webVitals: 'Google, licence Apache-2.0',
    rrweb: 'rrweb, licence MIT',
  },
  glossary: [
    { term: 'Visite', definition: 'Le parcours enregistré d’un évaluateur sur le site, du début à la fin.' },
    { term: 'Page', definition: 'Une page vue pendant la visite, avec ses temps, son type et ses audits.' },
    { term: 'Étape', definition: 'Une étape de l’achat, de l’arrivée à la confirmation, déduite du type des pages.' },
    { term: 'Signal', definition: 'Une friction détectée automatiquement\u00a0: clics répétés, erreur, requête en échec, attente…' },
    { term: 'Clics répétés (rage)', definition: 'Trois clics ou plus en une seconde au même endroit\u00a0: signe d’impatience.' },
    { term: 'Clic sans effet', definition: 'Un clic sur un élément qui semble cliquable, sans que rien ne se passe.' },
    { term: 'Critère éliminatoire', definition: 'Un critère dont le «\u00a0Non\u00a0» est signalé quel que soit le score.' },
    { term: 'LCP', definition: 'Le temps d’affichage du plus grand élément de la page (Largest Contentful Paint).' },
    { term: 'CLS', definition: 'La somme des décalages inattendus de la mise en page (Cumulative Layout Shift).' },
    { term: 'INP', definition: 'Le temps de réaction de la page aux actions (Interaction to Next Paint).' },
    { term: 'TTFB', definition: 'Le temps de la première réponse du serveur (Time To First Byte).' },
    { term: 'Replay', definition: 'La visite rejouée comme un film, reconstruite à partir de l’enregistrement, sans les scripts du site.' },
  ] satisfies Term[],
};

export type ReportMessages = typeof reportFr;
