/** The words every import of an agency's file (a checklist, a mission) says alike, in French and English. */

export const IMPORT_WORDS_FR = {
  importing: 'Import en cours…',
  importFailed: (n: number) =>
    n === 1 ? 'Ce fichier n’a pas été importé : 1 problème à corriger.' : `Ce fichier n’a pas été importé : ${n} problèmes à corriger.`,
  wholeFile: '(fichier entier)',
};

export const IMPORT_WORDS_EN: typeof IMPORT_WORDS_FR = {
  importing: 'Importing…',
  importFailed: (n: number) => (n === 1 ? 'This file was not imported: 1 problem to fix.' : `This file was not imported: ${n} problems to fix.`),
  wholeFile: '(whole file)',
};
