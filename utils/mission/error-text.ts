import { FILE_WORDS, type ValueKind as Kind } from '../i18n/file-problems';
import { MISSION_FORMAT, MISSION_VERSION } from './schema';
import type { OriginProblem } from './sites';
import type { UrlPatternProblem } from './url-pattern';

/** The words of a refused mission file, in French and English (utils/mission/errors.ts). */

const fr = {
  ...FILE_WORDS.fr,
  notMission: (found: string) =>
    `Ce fichier n’est pas une mission Mystère : « format » doit valoir « ${MISSION_FORMAT} »${found ? ` (trouvé : « ${found} »)` : ''}.`,
  newer: (version: number) =>
    `Cette mission a été faite pour une version plus récente de Mystère (version ${version} du format ; celle-ci lit jusqu’à la version ${MISSION_VERSION}). Mettez Mystère à jour pour l’importer.`,
  unknownPage: (value: string, allowed: string) => `type de page inconnu « ${value} » (types possibles : ${allowed})`,
  unknownStage: (value: string, allowed: string) => `étape du tunnel inconnue « ${value} » (possibles : ${allowed})`,
  unknownCondition: (value: string, allowed: string) => `condition d’étape inconnue « ${value} » (conditions possibles : ${allowed})`,
  missingCondition: (allowed: string) => `champ obligatoire manquant (condition d’étape : ${allowed})`,
  unknownEvidence: (value: string, allowed: string) => `type de preuve inconnu « ${value} » (possibles : ${allowed})`,
  unknownDevice: (value: string, allowed: string) => `appareil inconnu « ${value} » (possibles : ${allowed})`,
  unknownLang: (value: string, allowed: string) => `langue inconnue « ${value} » (possibles : ${allowed})`,
  unknownCountry: (value: string) => `code pays inconnu « ${value} » : deux lettres majuscules ISO 3166-1, par exemple FR, BE, CH, GB`,
  unknownCurrency: (value: string) => `code devise inconnu « ${value} » : trois lettres majuscules ISO 4217, par exemple EUR, CHF, GBP`,
  unknownBuiltIn: (value: string, allowed: string) => `grille intégrée inconnue « ${value} » (grilles intégrées : ${allowed})`,
  checklistRef: 'grille attendue : { "builtIn": "<identifiant>" } pour une grille intégrée, ou { "embedded": { … } } pour une grille jointe',
  checklistBoth: '« builtIn » ou « embedded », pas les deux',
  checklistExtra: (keys: string) => `champ inconnu ici : ${keys} (seuls « builtIn » ou « embedded »)`,
  builtInId: (id: string) =>
    `l’identifiant « ${id} » est celui d’une grille intégrée : pour l’utiliser, écrivez { "builtIn": "${id}" } ; pour joindre la vôtre, donnez-lui un autre identifiant`,
  duplicateSite: (site: string, first: string) => `site « ${site} » en double${first ? ` (déjà donné en ${first})` : ''}`,
  badOrigin: (value: string, reason: OriginProblem, rest: string) =>
    `site non valide « ${value} » : ${
      {
        scheme: 'il doit commencer par https:// ou http://',
        unreadable: 'ce n’est pas une adresse lisible',
        credentials: 'pas de nom d’utilisateur ni de mot de passe dans l’adresse',
        path: `le site seul, sans chemin ni paramètres${rest ? ` (« ${rest} » est de trop)` : ''}, par exemple https://boutique.example`,
      }[reason]
    }`,
  badPattern: (value: string, reason: UrlPatternProblem) =>
    `motif d’adresse non valide « ${value} » : ${
      {
        'full-url': 'écrivez le chemin seul, commençant par « / » (le site va dans « sites »)',
        start: 'il doit commencer par « / », par exemple /panier ou /produit/*',
        space: 'pas d’espace dans un motif d’adresse',
        hash: 'la partie après « # » n’est pas comparée : écrivez la route elle-même (/panier pour /#/panier)',
      }[reason]
    }`,
  badSelector: (value: string) => `sélecteur CSS non valide « ${value} »`,
  badDeadline: (value: string) =>
    `date limite non valide « ${value} » : date et heure ISO 8601 avec fuseau attendues, par exemple 2025-07-14T18:00:00+02:00 ou 2025-07-14T16:00:00Z`,
  onePlace: (places: string) => `un seul endroit par preuve : ${places} sont donnés ensemble`,
  answerNeedsCriterion: 'champ obligatoire manquant : une preuve de type « answer » nomme le critère à répondre',
  criterionOnlyForAnswer: (kind: string) => `« criterionId » ne vaut que pour une preuve de type « answer » (celle-ci est de type « ${kind} »)`,
  unknownStep: (id: string, known: string) => `étape inconnue « ${id} » (${known ? `étapes de la mission : ${known}` : 'la mission n’a pas d’étapes'})`,
  unknownCriterion: (id: string, checklist: string) => `critère inconnu « ${id} » dans la grille « ${checklist} »`,
  and: ' et ',
  quote: (text: string) => `« ${text} »`,
};

const en: typeof fr = {
  ...FILE_WORDS.en,
  notMission: (found) => `This file is not a Mystère mission: “format” must be “${MISSION_FORMAT}”${found ? ` (found: “${found}”)` : ''}.`,
  newer: (version) =>
    `This mission was made for a newer version of Mystère (format version ${version}; this one reads up to version ${MISSION_VERSION}). Update Mystère to import it.`,
  unknownPage: (value, allowed) => `unknown page type “${value}” (allowed: ${allowed})`,
  unknownStage: (value, allowed) => `unknown funnel stage “${value}” (allowed: ${allowed})`,
  unknownCondition: (value, allowed) => `unknown step condition “${value}” (allowed conditions: ${allowed})`,
  missingCondition: (allowed) => `required field missing (step condition: ${allowed})`,
  unknownEvidence: (value, allowed) => `unknown evidence kind “${value}” (allowed: ${allowed})`,
  unknownDevice: (value, allowed) => `unknown device “${value}” (allowed: ${allowed})`,
  unknownLang: (value, allowed) => `unknown language “${value}” (allowed: ${allowed})`,
  unknownCountry: (value) => `unknown country code “${value}”: two capital letters from ISO 3166-1, such as FR, BE, CH, GB`,
  unknownCurrency: (value) => `unknown currency code “${value}”: three capital letters from ISO 4217, such as EUR, CHF, GBP`,
  unknownBuiltIn: (value, allowed) => `unknown built-in checklist “${value}” (built-in checklists: ${allowed})`,
  checklistRef: 'checklist expected: { "builtIn": "<id>" } for a built-in checklist, or { "embedded": { … } } for one of your own',
  checklistBoth: '“builtIn” or “embedded”, not both',
  checklistExtra: (keys) => `unknown field here: ${keys} (only “builtIn” or “embedded”)`,
  builtInId: (id) =>
    `the id “${id}” is a built-in checklist’s: to use it, write { "builtIn": "${id}" }; to embed your own, give it another id`,
  duplicateSite: (site, first) => `duplicate site “${site}”${first ? ` (already given at ${first})` : ''}`,
  badOrigin: (value, reason, rest) =>
    `invalid site “${value}”: ${
      {
        scheme: 'it must start with https:// or http://',
        unreadable: 'this is not a readable address',
        credentials: 'no user name or password in the address',
        path: `the site alone, without a path or parameters${rest ? ` (“${rest}” is too much)` : ''}, such as https://shop.example`,
      }[reason]
    }`,
  badPattern: (value, reason) =>
    `invalid address pattern “${value}”: ${
      {
        'full-url': 'write the path alone, starting with “/” (the site goes in “sites”)',
        start: 'it must start with “/”, such as /cart or /product/*',
        space: 'no spaces in an address pattern',
        hash: 'the part after “#” is not compared: write the route itself (/cart for /#/cart)',
      }[reason]
    }`,
  badSelector: (value) => `invalid CSS selector “${value}”`,
  badDeadline: (value) =>
    `invalid deadline “${value}”: an ISO 8601 date and time with its time zone is expected, such as 2025-07-14T18:00:00+02:00 or 2025-07-14T16:00:00Z`,
  onePlace: (places) => `one place per piece of evidence: ${places} are given together`,
  answerNeedsCriterion: 'required field missing: evidence of kind “answer” names the criterion to answer',
  criterionOnlyForAnswer: (kind) => `“criterionId” is only for evidence of kind “answer” (this one is “${kind}”)`,
  unknownStep: (id, known) => `unknown step “${id}” (${known ? `the mission’s steps: ${known}` : 'the mission has no steps'})`,
  unknownCriterion: (id, checklist) => `unknown criterion “${id}” in the checklist “${checklist}”`,
  and: ' and ',
  quote: (text) => `“${text}”`,
};

export type ValueKind = Kind;
export const MISSION_ERROR_TEXT = { fr, en };
