import { MISSION_FORMAT, MISSION_VERSION } from './schema';
import type { OriginProblem } from './sites';
import type { UrlPatternProblem } from './url-pattern';

/** The words of a refused mission file, in French and English (utils/mission/errors.ts). */

type Kind = 'string' | 'number' | 'int' | 'boolean' | 'null' | 'array' | 'object';

const fr = {
  empty: 'Le fichier est vide.',
  badJson: (at: string, detail: string) => `Le fichier n’est pas du JSON valide${at} : ${detail}`,
  at: (line: number, column: number) => ` (ligne ${line}, colonne ${column})`,
  notMission: (found: string) =>
    `Ce fichier n’est pas une mission Mystère : « format » doit valoir « ${MISSION_FORMAT} »${found ? ` (trouvé : « ${found} »)` : ''}.`,
  newer: (version: number) =>
    `Cette mission a été faite pour une version plus récente de Mystère (version ${version} du format ; celle-ci lit jusqu’à la version ${MISSION_VERSION}). Mettez Mystère à jour pour l’importer.`,
  missing: 'champ obligatoire manquant',
  kinds: { string: 'texte', number: 'nombre', int: 'nombre entier', boolean: 'true ou false', null: 'null', array: 'liste [ … ]', object: 'objet { … }' } satisfies Record<Kind, string>,
  wrongType: (expected: string, found: string) => `type incorrect : ${expected} attendu, ${found} trouvé`,
  notInteger: 'nombre entier attendu',
  emptyText: 'texte vide',
  textTooShort: (min: number) => `texte trop court (au moins ${min} caractères)`,
  textTooLong: (max: number) => `texte trop long (${max} caractères au plus)`,
  emptyList: 'liste vide : au moins un élément attendu',
  tooFew: (min: number) => `pas assez d’éléments (au moins ${min})`,
  tooMany: (max: number) => `trop d’éléments (${max} au plus)`,
  tooSmall: (min: number, inclusive: boolean) => `nombre trop petit (${inclusive ? 'au moins' : 'plus que'} ${min})`,
  tooBig: (max: number, inclusive: boolean) => `nombre trop grand (${inclusive ? 'au plus' : 'moins que'} ${max})`,
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
  unexpected: (value: string, allowed: string) => `valeur inattendue « ${value} » (attendu : ${allowed})`,
  checklistRef: 'grille attendue : { "builtIn": "<identifiant>" } pour une grille intégrée, ou { "embedded": { … } } pour une grille jointe',
  checklistBoth: '« builtIn » ou « embedded », pas les deux',
  checklistExtra: (keys: string) => `champ inconnu ici : ${keys} (seuls « builtIn » ou « embedded »)`,
  builtInId: (id: string) =>
    `l’identifiant « ${id} » est celui d’une grille intégrée : pour l’utiliser, écrivez { "builtIn": "${id}" } ; pour joindre la vôtre, donnez-lui un autre identifiant`,
  badId: (value: string, max: number) =>
    `identifiant invalide « ${value} » : lettres sans accent, chiffres, « - », « _ » ou « . », ${max} caractères au plus, en commençant par une lettre ou un chiffre`,
  duplicate: (id: string, first: string) => `identifiant « ${id} » en double${first ? ` (déjà utilisé en ${first})` : ''}`,
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
  other: (detail: string) => `valeur non valide : ${detail}`,
  more: (n: number) => (n === 1 ? '… et 1 autre problème' : `… et ${n} autres problèmes`),
  and: ' et ',
  quote: (text: string) => `« ${text} »`,
};

const en: typeof fr = {
  empty: 'The file is empty.',
  badJson: (at, detail) => `The file is not valid JSON${at}: ${detail}`,
  at: (line, column) => ` (line ${line}, column ${column})`,
  notMission: (found) => `This file is not a Mystère mission: “format” must be “${MISSION_FORMAT}”${found ? ` (found: “${found}”)` : ''}.`,
  newer: (version) =>
    `This mission was made for a newer version of Mystère (format version ${version}; this one reads up to version ${MISSION_VERSION}). Update Mystère to import it.`,
  missing: 'required field missing',
  kinds: { string: 'text', number: 'number', int: 'whole number', boolean: 'true or false', null: 'null', array: 'list [ … ]', object: 'object { … }' },
  wrongType: (expected, found) => `wrong type: expected ${expected}, found ${found}`,
  notInteger: 'whole number expected',
  emptyText: 'empty text',
  textTooShort: (min) => `text too short (at least ${min} characters)`,
  textTooLong: (max) => `text too long (at most ${max} characters)`,
  emptyList: 'empty list: at least one item expected',
  tooFew: (min) => `not enough items (at least ${min})`,
  tooMany: (max) => `too many items (at most ${max})`,
  tooSmall: (min, inclusive) => `number too small (${inclusive ? 'at least' : 'more than'} ${min})`,
  tooBig: (max, inclusive) => `number too big (${inclusive ? 'at most' : 'less than'} ${max})`,
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
  unexpected: (value, allowed) => `unexpected value “${value}” (expected: ${allowed})`,
  checklistRef: 'checklist expected: { "builtIn": "<id>" } for a built-in checklist, or { "embedded": { … } } for one of your own',
  checklistBoth: '“builtIn” or “embedded”, not both',
  checklistExtra: (keys) => `unknown field here: ${keys} (only “builtIn” or “embedded”)`,
  builtInId: (id) =>
    `the id “${id}” is a built-in checklist’s: to use it, write { "builtIn": "${id}" }; to embed your own, give it another id`,
  badId: (value, max) =>
    `invalid identifier “${value}”: unaccented letters, digits, “-”, “_” or “.”, at most ${max} characters, starting with a letter or a digit`,
  duplicate: (id, first) => `duplicate identifier “${id}”${first ? ` (already used at ${first})` : ''}`,
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
  other: (detail) => `invalid value: ${detail}`,
  more: (n) => (n === 1 ? '… and 1 more problem' : `… and ${n} more problems`),
  and: ' and ',
  quote: (text) => `“${text}”`,
};

export type ValueKind = Kind;
export const MISSION_ERROR_TEXT = { fr, en };
