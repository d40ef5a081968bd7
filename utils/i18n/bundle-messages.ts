import { BUNDLE_DETAILS, type BundleError, type BundleErrorCode } from '../report/bundle/errors';
import { BUNDLE_FORMAT, BUNDLE_VERSION, READABLE_VERSIONS } from '../report/bundle/manifest';

/**
 * Why a bundle (a visit's zip) was refused, in French and English: one precise sentence per error
 * code, naming the file or field concerned, and always saying that nothing was imported.
 * French spacing: a non-breaking space (\u00a0) before « : ; » and inside guillemets.
 */

type Texts = Record<BundleErrorCode, (error: BundleError) => string>;

/** A limit in bytes as megabytes (kilobytes under one), in the catalogue's locale and unit; '' when unknown. */
const sizeIn = (locale: string, kilo: string, mega: string) => (detail: string | undefined) => {
  const bytes = Number(detail);
  if (!detail || !Number.isFinite(bytes)) return '';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)}\u00a0${kilo}` : `${number.format(bytes / 1024 / 1024)}\u00a0${mega}`;
};
/** A limit on a count; '' when unknown. */
const countIn = (locale: string) => (detail: string | undefined) =>
  detail && Number.isFinite(Number(detail)) ? new Intl.NumberFormat(locale).format(Number(detail)) : '';
/** " (text)" or nothing. */
const aside = (text: string) => (text ? ` (${text})` : '');
const isNewer = (detail: string | undefined) => Number(detail) > BUNDLE_VERSION;
/** The versions this reader knows, "1 and 2" in the catalogue's words. */
const versionsIn = (and: string) => `${READABLE_VERSIONS.slice(0, -1).join(', ')} ${and} ${BUNDLE_VERSION}`;

const frSize = sizeIn('fr-FR', 'ko', 'Mo');
const frCount = countIn('fr-FR');
const frFile = (path: string | undefined) => path ?? 'un fichier';
const frField = (path: string | undefined) => (path ? ` (champ «\u00a0${path}\u00a0»)` : '');
const frNothing = '\u00a0: rien n’a été importé.';

const frErrors: Texts = {
  'too-large': (e) => `Ce fichier dépasse la taille maximale d’un paquet de visite${aside(frSize(e.detail))}${frNothing}`,
  'not-a-zip': () => `Ce fichier n’est pas un paquet de visite Mystère (ce n’est pas une archive zip)${frNothing}`,
  truncated: () =>
    `Ce fichier est incomplet (archive zip coupée, par exemple par un téléchargement interrompu)${frNothing} Demandez à l’évaluateur de le renvoyer.`,
  'corrupt-zip': (e) =>
    e.path
      ? `L’archive zip est endommagée\u00a0: le fichier ${e.path} ne peut pas être lu. Rien n’a été importé.`
      : `L’archive zip est endommagée et ne peut pas être lue${frNothing}`,
  'too-many-entries': (e) =>
    `L’archive contient plus de fichiers qu’un paquet de visite ne peut en avoir${aside(frCount(e.detail) && `${frCount(e.detail)} au plus`)}${frNothing}`,
  'unsafe-path': (e) =>
    `L’archive contient un nom de fichier refusé, «\u00a0${frFile(e.path)}\u00a0» (il pourrait sortir du dossier du paquet ou contient des caractères interdits)${frNothing}`,
  'duplicate-part': (e) => `L’archive contient deux fois le fichier ${frFile(e.path)}${frNothing}`,
  'decompressed-too-large': (e) =>
    `L’archive est trop volumineuse une fois décompressée\u00a0: ${e.path ? `le fichier ${e.path}` : 'son contenu'} dépasse ${frSize(e.detail) || 'la taille permise'}. Rien n’a été importé.`,
  'missing-manifest': () => `Le fichier manifest.json manque\u00a0: ce n’est pas un paquet de visite Mystère. Rien n’a été importé.`,
  'bad-manifest': (e) =>
    e.detail === BUNDLE_DETAILS.visitIdMismatch
      ? `Le fichier manifest.json annonce une autre visite que visit.json (son champ «\u00a0visitId\u00a0» diffère de visit.id)${frNothing}`
      : e.detail === BUNDLE_DETAILS.notJson
        ? `Le fichier manifest.json n’est pas du JSON valide${frNothing}`
        : `Le fichier manifest.json n’est pas valide${frField(e.path)}${frNothing}`,
  'unknown-format': (e) =>
    `Ce fichier n’est pas un paquet de visite Mystère (format ${e.detail ? `«\u00a0${e.detail}\u00a0»` : 'absent'} au lieu de «\u00a0${BUNDLE_FORMAT}\u00a0»)${frNothing}`,
  'unsupported-version': (e) =>
    isNewer(e.detail)
      ? `Version du format non prise en charge\u00a0: ce paquet a été fait par une version plus récente de Mystère (version ${e.detail ?? ''} du format\u00a0; celle-ci lit les versions ${versionsIn('et')}). Mettez Mystère à jour pour l’importer. Rien n’a été importé.`
      : `Version du format non prise en charge\u00a0: ce paquet annonce une version${e.detail ? ` (${e.detail})` : ''} que Mystère ne connaît pas (il lit les versions ${versionsIn('et')}). Rien n’a été importé.`,
  'missing-part': (e) =>
    e.detail === BUNDLE_DETAILS.notInVisitData
      ? `Le fichier ${frFile(e.path)} est dans le paquet mais visit.json ne le décrit pas${frNothing}`
      : e.detail === BUNDLE_DETAILS.notInManifest
        ? `Le fichier ${frFile(e.path)}, dont visit.json a besoin, manque dans le paquet${frNothing}`
        : `Le fichier ${frFile(e.path)}, annoncé par manifest.json, manque dans l’archive${frNothing}`,
  'unexpected-part': (e) => `L’archive contient le fichier ${frFile(e.path)}, que manifest.json ne mentionne pas${frNothing}`,
  'size-mismatch': (e) =>
    `Le fichier ${frFile(e.path)} a été modifié ou abîmé après l’export (taille différente de celle qu’annonce manifest.json)${frNothing}`,
  'hash-mismatch': (e) => `Le fichier ${frFile(e.path)} a été modifié après l’export (empreinte SHA-256 différente)${frNothing}`,
  'bad-visit-data': (e) =>
    e.detail === BUNDLE_DETAILS.notJson
      ? `Le fichier visit.json n’est pas du JSON valide${frNothing}`
      : e.detail === BUNDLE_DETAILS.otherVisit
        ? `Le fichier visit.json mêle des données d’une autre visite${frField(e.path)}${frNothing}`
        : e.detail === BUNDLE_DETAILS.badId
          ? `Le fichier visit.json contient un identifiant inutilisable dans un paquet${frField(e.path)}${frNothing}`
          : e.detail === BUNDLE_DETAILS.duplicate
            ? `Le fichier visit.json contient deux fois le même élément${frField(e.path)}${frNothing}`
            : `Le fichier visit.json ne respecte pas le format attendu${frField(e.path)}${frNothing}`,
  'mission-mismatch': (e) => {
    switch (e.detail) {
      case BUNDLE_DETAILS.noMissionFile:
        return `La visite a suivi une mission, mais le paquet ne contient pas le fichier ${frFile(e.path)} qui la décrit${frNothing}`;
      case BUNDLE_DETAILS.noVisitMission:
        return `Le paquet contient un fichier ${frFile(e.path)} alors que la visite n’a suivi aucune mission${frNothing}`;
      case BUNDLE_DETAILS.visitMissionHash:
        return `La copie de la mission gardée dans visit.json ne correspond pas à son empreinte${frField(e.path)}\u00a0: elle a été modifiée après l’export. Rien n’a été importé.`;
      case BUNDLE_DETAILS.manifestMission:
        return `Le fichier manifest.json ne désigne pas la mission que la visite a suivie${frField(e.path)}${frNothing}`;
      case BUNDLE_DETAILS.missionContent:
        return `Le fichier ${frFile(e.path)} n’est pas la mission que la visite a suivie (il diffère de la copie gardée dans visit.json)${frNothing}`;
      case BUNDLE_DETAILS.missionFileHash:
        return `Le fichier ${frFile(e.path)} a été modifié après l’export (son empreinte SHA-256 diffère de celle de la mission de la visite)${frNothing}`;
      default:
        return `La mission de la visite ne concorde pas avec le reste du paquet${frField(e.path)}${frNothing}`;
    }
  },
};

export const bundleFr = {
  errors: frErrors,
  /** For a code this version does not know (a record written by a later one). */
  unknown: 'Ce paquet de visite a été refusé\u00a0: rien n’a été importé.',
};

export type BundleMessages = typeof bundleFr;

const enSize = sizeIn('en-GB', 'KB', 'MB');
const enCount = countIn('en-GB');
const enFile = (path: string | undefined) => path ?? 'a file';
const enField = (path: string | undefined) => (path ? ` (field “${path}”)` : '');
const enNothing = ': nothing was imported.';

export const bundleEn: BundleMessages = {
  errors: {
    'too-large': (e) => `This file is larger than the largest visit bundle accepted${aside(enSize(e.detail))}${enNothing}`,
    'not-a-zip': () => `This file is not a Mystère visit bundle (it is not a zip archive)${enNothing}`,
    truncated: () => `This file is incomplete (a zip archive cut short, for example by an interrupted download)${enNothing} Ask the evaluator to send it again.`,
    'corrupt-zip': (e) =>
      e.path ? `The zip archive is damaged: ${e.path} cannot be read. Nothing was imported.` : `The zip archive is damaged and cannot be read${enNothing}`,
    'too-many-entries': (e) => `The archive holds more files than a visit bundle may have${aside(enCount(e.detail) && `at most ${enCount(e.detail)}`)}${enNothing}`,
    'unsafe-path': (e) =>
      `The archive holds a refused file name, “${enFile(e.path)}” (it could escape the bundle’s folder or uses forbidden characters)${enNothing}`,
    'duplicate-part': (e) => `The archive holds ${enFile(e.path)} twice${enNothing}`,
    'decompressed-too-large': (e) =>
      `The archive is too large once decompressed: ${e.path ?? 'its content'} goes past ${enSize(e.detail) || 'the size allowed'}. Nothing was imported.`,
    'missing-manifest': () => `manifest.json is missing: this is not a Mystère visit bundle. Nothing was imported.`,
    'bad-manifest': (e) =>
      e.detail === BUNDLE_DETAILS.visitIdMismatch
        ? `manifest.json names another visit than visit.json does (its “visitId” differs from visit.id)${enNothing}`
        : e.detail === BUNDLE_DETAILS.notJson
          ? `manifest.json is not valid JSON${enNothing}`
          : `manifest.json is not valid${enField(e.path)}${enNothing}`,
    'unknown-format': (e) =>
      `This file is not a Mystère visit bundle (format ${e.detail ? `“${e.detail}”` : 'missing'} instead of “${BUNDLE_FORMAT}”)${enNothing}`,
    'unsupported-version': (e) =>
      isNewer(e.detail)
        ? `Unsupported format version: this bundle was made by a newer Mystère (format version ${e.detail ?? ''}; this one reads versions ${versionsIn('and')}). Update Mystère to import it. Nothing was imported.`
        : `Unsupported format version: this bundle declares a version${e.detail ? ` (${e.detail})` : ''} Mystère does not know (it reads versions ${versionsIn('and')}). Nothing was imported.`,
    'missing-part': (e) =>
      e.detail === BUNDLE_DETAILS.notInVisitData
        ? `${enFile(e.path)} is in the bundle but visit.json does not describe it${enNothing}`
        : e.detail === BUNDLE_DETAILS.notInManifest
          ? `${enFile(e.path)}, which visit.json needs, is missing from the bundle${enNothing}`
          : `${enFile(e.path)}, listed in manifest.json, is missing from the archive${enNothing}`,
    'unexpected-part': (e) => `The archive holds ${enFile(e.path)}, which manifest.json does not list${enNothing}`,
    'size-mismatch': (e) => `${enFile(e.path)} was changed or damaged after export (its size differs from manifest.json’s)${enNothing}`,
    'hash-mismatch': (e) => `${enFile(e.path)} was changed after export (SHA-256 mismatch)${enNothing}`,
    'bad-visit-data': (e) =>
      e.detail === BUNDLE_DETAILS.notJson
        ? `visit.json is not valid JSON${enNothing}`
        : e.detail === BUNDLE_DETAILS.otherVisit
          ? `visit.json mixes in data from another visit${enField(e.path)}${enNothing}`
          : e.detail === BUNDLE_DETAILS.badId
            ? `visit.json holds an id that cannot be used in a bundle${enField(e.path)}${enNothing}`
            : e.detail === BUNDLE_DETAILS.duplicate
              ? `visit.json holds the same item twice${enField(e.path)}${enNothing}`
              : `visit.json does not match the expected format${enField(e.path)}${enNothing}`,
    'mission-mismatch': (e) => {
      switch (e.detail) {
        case BUNDLE_DETAILS.noMissionFile:
          return `The visit followed a mission, but the bundle lacks the ${enFile(e.path)} file that describes it${enNothing}`;
        case BUNDLE_DETAILS.noVisitMission:
          return `The bundle holds a ${enFile(e.path)} file although the visit followed no mission${enNothing}`;
        case BUNDLE_DETAILS.visitMissionHash:
          return `The copy of the mission kept in visit.json does not match its hash${enField(e.path)}: it was changed after export. Nothing was imported.`;
        case BUNDLE_DETAILS.manifestMission:
          return `manifest.json does not name the mission the visit followed${enField(e.path)}${enNothing}`;
        case BUNDLE_DETAILS.missionContent:
          return `${enFile(e.path)} is not the mission the visit followed (it differs from the copy kept in visit.json)${enNothing}`;
        case BUNDLE_DETAILS.missionFileHash:
          return `${enFile(e.path)} was changed after export (its SHA-256 differs from the visit’s mission’s)${enNothing}`;
        default:
          return `The visit’s mission does not agree with the rest of the bundle${enField(e.path)}${enNothing}`;
      }
    },
  },
  unknown: 'This visit bundle was refused: nothing was imported.',
};

/** The sentence telling the user why a bundle was refused, in the catalogue's language. */
export function bundleErrorText(t: BundleMessages, error: BundleError): string {
  // The code may come from a stored record written by another version: no inherited keys.
  const text = Object.hasOwn(t.errors, error.code) ? t.errors[error.code] : undefined;
  return text ? text(error) : t.unknown;
}
