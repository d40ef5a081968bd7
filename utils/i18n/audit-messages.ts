import type { AUDIT_STATUSES, AUDIT_TRIGGERS, Impact, ResourceType } from '../audit/schema';
import type { NavigationTiming, Rating, VitalName } from '../schema/page';

/**
 * The words of a page's audits (accessibility and speed), in French and English. Numbers, sizes
 * and times are formatted here, in the catalogue's own locale.
 */

const numberIn = (locale: string, max: number) => (n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(Number(n));

const frNum = (max: number) => numberIn('fr-FR', max);
const enNum = (max: number) => numberIn('en-GB', max);

// Under a second, to the hundredth ("0,18 s"); above, to the tenth ("1,2 s").
const secondsIn = (num: (max: number) => (n: number) => string, space: string) => (ms: number) => {
  const s = Number(ms) / 1000;
  return `${num(Math.abs(s) < 1 ? 2 : 1)(s)}${space}s`;
};

// Decimal units (1 kB = 1000 B), one decimal under ten ("1,4 Mo", "245 ko").
const bytesIn = (num: (max: number) => (n: number) => string, units: readonly string[], space: string) => (bytes: number) => {
  let value = Math.max(0, Number(bytes) || 0);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${num(unit > 0 && value < 10 ? 1 : 0)(value)}${space}${units[unit]}`;
};

const percentIn = (locale: string) => (fraction: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(fraction));

const timeIn = (locale: string) => (epochMs: number) =>
  new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const auditFr = {
  // Formats
  seconds: secondsIn(frNum, '\u00a0'),
  bytes: bytesIn(frNum, ['o', 'ko', 'Mo', 'Go'], '\u00a0'),
  decimal: (n: number) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(n)),
  percent: percentIn('fr-FR'),
  time: timeIn('fr-FR'),
  /** "label : value", with French spacing. */
  fact: (label: string, value: string) => `${label}\u00a0: ${value}`,
  dimensions: (width: number, height: number) => `${Math.round(width)}\u00a0×\u00a0${Math.round(height)}\u00a0px`,
  none: 'aucune',

  // The page's audit
  otherPages: 'Audits des autres pages de la visite',
  title: 'Audit automatique de la page',
  noAudit: 'Pas encore d’audit pour cette page.',
  auditsCount: (n: number) => plural(n, 'audit', 'audits'),
  latestAt: (time: string) => `dernier à ${time}`,
  tookSeconds: (duration: string) => `en ${duration}`,
  triggers: { auto: 'lancé automatiquement', rerun: 'relancé à la main' } satisfies Record<(typeof AUDIT_TRIGGERS)[number], string>,
  rerun: 'Relancer l’audit',
  running: 'Audit en cours…',
  statuses: { done: 'terminé', 'timed-out': 'trop long', failed: 'en échec' } satisfies Record<(typeof AUDIT_STATUSES)[number], string>,
  timedOut: 'L’audit a pris trop de temps et a été arrêté. Relancez-le quand la page a fini de charger.',
  failed: 'L’audit n’a pas pu se faire sur cette page. Relancez-le ; si l’échec revient, notez-le.',
  errorDetail: 'Détail technique',

  // Accessibility
  accessibilityTitle: 'Accessibilité',
  violationsCount: (n: number) =>
    n === 0 ? 'Aucun problème détecté automatiquement' : n === 1 ? '1 problème détecté' : `${n} problèmes détectés`,
  automatedHint: 'Les tests automatiques ne repèrent qu’une partie des problèmes : la grille reste à remplir.',
  notChecked: 'Accessibilité non vérifiée lors de cet audit.',
  byImpact: 'Problèmes par gravité',
  impacts: { critical: 'critique', serious: 'grave', moderate: 'modérée', minor: 'mineure' } satisfies Record<NonNullable<Impact>, string>,
  unknownImpact: 'gravité non précisée',
  impactLabel: 'Gravité',
  showViolations: (n: number) => (n === 1 ? 'Voir le problème' : `Voir les ${n} problèmes`),
  needsReview: (n: number) => `À vérifier à la main (${n})`,
  needsReviewHint: 'L’outil n’a pas pu trancher : regardez ces éléments vous-même.',
  wcagLabel: 'Critère WCAG',
  level: (level: string) => `niveau ${level}`,
  rgaaLabel: 'Critères RGAA',
  noMatch: 'pas de correspondance',
  elementsTitle: 'Éléments concernés',
  nodesCount: (n: number) => plural(n, 'élément concerné', 'éléments concernés'),
  nodesShown: (shown: number, total: number) => `${shown} montrés sur ${total}`,
  selectorLabel: 'Sélecteur',
  htmlLabel: 'Extrait du code',
  fixLabel: 'À corriger',
  learnMore: 'En savoir plus (site Deque, en anglais)',
  opensNewTab: '(nouvel onglet)',
  rgaaCredit: 'Correspondance RGAA 4.1.2\u00a0: DINUM, Licence Ouverte 2.0',

  // Speed
  speedTitle: 'Vitesse',
  notMeasured: 'Vitesse non mesurée lors de cet audit.',
  observed: 'observé pendant cette visite (une mesure, pas des données terrain)',
  verdicts: { good: 'Page rapide', 'needs-improvement': 'Vitesse à améliorer', poor: 'Page lente' } satisfies Record<Rating, string>,
  ratings: { good: 'bon', 'needs-improvement': 'à améliorer', poor: 'mauvais' } satisfies Record<Rating, string>,
  vitalsLabel: 'Mesures de vitesse',
  metrics: {
    LCP: 'Plus grand élément affiché',
    CLS: 'Décalages de mise en page',
    INP: 'Réactivité aux interactions',
    FCP: 'Premier affichage',
    TTFB: 'Première réponse du serveur',
  } satisfies Record<VitalName, string>,
  reasonsLabel: 'Pourquoi',
  speedDetails: 'Détail du chargement',
  timingTitle: 'Étapes du chargement',
  timing: {
    redirect: 'Redirections',
    dns: 'Recherche DNS',
    connect: 'Connexion',
    ttfb: 'Première réponse',
    domContentLoaded: 'Page lisible (DOMContentLoaded)',
    load: 'Chargement complet',
  } satisfies Record<Exclude<keyof NavigationTiming, 'transferSize'>, string>,
  resourcesTitle: 'Ressources par type',
  typeColumn: 'Type',
  countColumn: 'Nombre',
  sizeColumn: 'Poids',
  total: 'Total',
  resourceTypes: {
    document: 'Page (HTML)',
    script: 'Scripts',
    style: 'Feuilles de style',
    image: 'Images',
    font: 'Polices',
    fetch: 'Requêtes de données',
    other: 'Autres',
  } satisfies Record<ResourceType, string>,
  /** One resource's type, in a list of files. */
  resourceKinds: {
    document: 'page HTML',
    script: 'script',
    style: 'feuille de style',
    image: 'image',
    font: 'police',
    fetch: 'requête de données',
    other: 'autre',
  } satisfies Record<ResourceType, string>,
  largestTitle: 'Les plus lourdes',
  thirdPartyTitle: 'Autres sites',
  thirdPartyShare: (percent: string) => `${percent} du poids vient d’autres sites que la boutique`,
  requests: (n: number) => plural(n, 'requête', 'requêtes'),
  renderBlockingTitle: 'Retardent le premier affichage',
  oversizedTitle: 'Images plus grandes que leur affichage',
  oversized: (natural: string, shown: string) => `${natural} pour ${shown} affichés`,
  uncompressedTitle: 'Envoyées sans compression',

  // The visit
  visitSpeedTitle: 'Vitesse sur la visite',
  pagesMeasured: (n: number) => (n === 0 ? 'Aucune page mesurée pour l’instant.' : plural(n, 'page mesurée', 'pages mesurées')),
  slowestPage: 'Page la plus lente',
  medianLabel: 'Médiane des pages',
  untitledPage: 'Page sans titre',
};

export type AuditMessages = typeof auditFr;

export const auditEn: AuditMessages = {
  seconds: secondsIn(enNum, ' '),
  bytes: bytesIn(enNum, ['B', 'kB', 'MB', 'GB'], ' '),
  decimal: (n: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(n)),
  percent: percentIn('en-GB'),
  time: timeIn('en-GB'),
  fact: (label: string, value: string) => `${label}: ${value}`,
  dimensions: (width: number, height: number) => `${Math.round(width)} × ${Math.round(height)} px`,
  none: 'none',

  otherPages: 'Audits of the visit’s other pages',
  title: 'Automated audit of the page',
  noAudit: 'No audit for this page yet.',
  auditsCount: (n: number) => pluralEn(n, 'audit', 'audits'),
  latestAt: (time: string) => `latest at ${time}`,
  tookSeconds: (duration: string) => `in ${duration}`,
  triggers: { auto: 'run automatically', rerun: 'run again by hand' },
  rerun: 'Re-run audit',
  running: 'Audit running…',
  statuses: { done: 'done', 'timed-out': 'too long', failed: 'failed' },
  timedOut: 'The audit took too long and was stopped. Run it again once the page has finished loading.',
  failed: 'The audit could not run on this page. Run it again; if it fails again, make a note of it.',
  errorDetail: 'Technical detail',

  accessibilityTitle: 'Accessibility',
  violationsCount: (n: number) =>
    n === 0 ? 'No problem found automatically' : n === 1 ? '1 problem found' : `${n} problems found`,
  automatedHint: 'Automated tests find only some of the problems: the checklist still needs filling in.',
  notChecked: 'Accessibility was not checked in this audit.',
  byImpact: 'Problems by severity',
  impacts: { critical: 'critical', serious: 'serious', moderate: 'moderate', minor: 'minor' },
  unknownImpact: 'severity not given',
  impactLabel: 'Severity',
  showViolations: (n: number) => (n === 1 ? 'Show the problem' : `Show the ${n} problems`),
  needsReview: (n: number) => `Needs review by hand (${n})`,
  needsReviewHint: 'The tool could not decide: look at these elements yourself.',
  wcagLabel: 'WCAG criterion',
  level: (level: string) => `level ${level}`,
  rgaaLabel: 'RGAA criteria',
  noMatch: 'no match',
  elementsTitle: 'Elements concerned',
  nodesCount: (n: number) => pluralEn(n, 'element concerned', 'elements concerned'),
  nodesShown: (shown: number, total: number) => `${shown} shown of ${total}`,
  selectorLabel: 'Selector',
  htmlLabel: 'Code excerpt',
  fixLabel: 'To fix',
  learnMore: 'Learn more (Deque website)',
  opensNewTab: '(new tab)',
  rgaaCredit: 'RGAA 4.1.2 mapping: DINUM, Licence Ouverte 2.0',

  speedTitle: 'Speed',
  notMeasured: 'Speed was not measured in this audit.',
  observed: 'observed during this visit (one sample, not field data)',
  verdicts: { good: 'Fast page', 'needs-improvement': 'Speed needs improvement', poor: 'Slow page' },
  ratings: { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' },
  vitalsLabel: 'Speed measures',
  metrics: {
    LCP: 'Largest element shown',
    CLS: 'Layout shifts',
    INP: 'Response to interactions',
    FCP: 'First paint',
    TTFB: 'First response from the server',
  },
  reasonsLabel: 'Why',
  speedDetails: 'Loading details',
  timingTitle: 'Loading steps',
  timing: {
    redirect: 'Redirects',
    dns: 'DNS lookup',
    connect: 'Connection',
    ttfb: 'First response',
    domContentLoaded: 'Page readable (DOMContentLoaded)',
    load: 'Fully loaded',
  },
  resourcesTitle: 'Resources by type',
  typeColumn: 'Type',
  countColumn: 'Count',
  sizeColumn: 'Size',
  total: 'Total',
  resourceTypes: {
    document: 'Page (HTML)',
    script: 'Scripts',
    style: 'Style sheets',
    image: 'Images',
    font: 'Fonts',
    fetch: 'Data requests',
    other: 'Other',
  },
  resourceKinds: {
    document: 'HTML page',
    script: 'script',
    style: 'style sheet',
    image: 'image',
    font: 'font',
    fetch: 'data request',
    other: 'other',
  },
  largestTitle: 'The heaviest',
  thirdPartyTitle: 'Other sites',
  thirdPartyShare: (percent: string) => `${percent} of the weight comes from sites other than the shop`,
  requests: (n: number) => pluralEn(n, 'request', 'requests'),
  renderBlockingTitle: 'Delay the first paint',
  oversizedTitle: 'Images larger than shown',
  oversized: (natural: string, shown: string) => `${natural} for ${shown} shown`,
  uncompressedTitle: 'Sent without compression',

  visitSpeedTitle: 'Speed over the visit',
  pagesMeasured: (n: number) => (n === 0 ? 'No page measured yet.' : pluralEn(n, 'page measured', 'pages measured')),
  slowestPage: 'Slowest page',
  medianLabel: 'Median of the pages',
  untitledPage: 'Untitled page',
};
