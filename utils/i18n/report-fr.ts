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

/** "(1 critical, 2 major)": the counts that are not zero. */
export const bySeverity = (counts: Record<Severity, number>, words: (s: Severity, n: number) => string) =>
  (['critical', 'major', 'minor'] as const).flatMap((s) => (counts[s] > 0 ? [words(s, counts[s])] : [])).join(', ');

const frSeverityWords: Record<Severity, [string, string]> = {
  critical: ['critique', 'critiques'],
  major: ['majeur', 'majeurs'],
  minor: ['mineur', 'mineurs'],
};

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
  nothing: (why: string) => `Rien dans cette visite ne l’explique\u00a0: ${why}.`,
  tally: (n: number, counts: Record<Severity, number>, first?: string) =>
    `${frPlural(n, 'problème relevé', 'problèmes relevés')} (${bySeverity(counts, (s, k) => `${k}\u00a0${frSeverityWords[s][k > 1 ? 1 : 0]}`)})` +
    (first ? `\u00a0; le plus grave\u00a0: ${frQuote(first)}.` : '.'),
  orders: {
    leftAt: (at: string, reason: string) => `Le client serait parti ${at}\u00a0: ${reason}.`,
    endedAt: (at: string) => `La visite s’est arrêtée ${at}, sans commande.`,
    converted: 'La commande a abouti, mais des obstacles pourraient arrêter d’autres clients.',
    unknown: 'La visite n’a pas d’issue connue, mais le parcours d’achat présente des obstacles.',
    notReached: 'la visite n’est pas allée jusqu’au panier',
    noneFound: 'aucun problème n’a été relevé du panier au paiement',
  },
  firstSeconds: {
    overlay: (kind: string, percent: string, duration: string) =>
      `À l’arrivée, une fenêtre (${kind}) a couvert ${percent} de l’écran pendant ${duration}.`,
    slow: (duration: string) => `À l’arrivée, le contenu principal a mis ${duration} à s’afficher.`,
    found: 'Les premières pages présentent des problèmes qui peuvent faire partir les visiteurs aussitôt.',
    noneFound: 'les premières pages se sont affichées sans problème relevé',
    notMeasured: 'les premières secondes des pages n’ont pas été mesurées, et aucun autre problème n’y a été relevé',
  },
  product: {
    found: 'Les fiches produit présentent des problèmes qui freinent l’achat.',
    notVisited: 'la visite n’a ouvert aucune fiche produit',
    noneFound: 'aucun problème n’a été relevé sur les fiches produit',
  },
  return: {
    found: 'Le compte, le contact ou l’après-vente présentent des problèmes qui peuvent décourager un nouveau client.',
    noneFound: 'aucun problème n’a été relevé sur le compte, le contact, la confirmation ni l’après-vente',
  },

  // Outcome
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
