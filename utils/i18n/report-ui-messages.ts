/**
 * The words of the report's interface (titles, headings, labels), in French and English. The
 * report's sentences about the visit come already written in the model; these are the words
 * around them. Dates and numbers are formatted here, in the catalogue's own locale.
 */

export { reportUiEn } from './report-ui-en';
export { clock, reportUiFr, type ReportUiMessages } from './report-ui-fr';
