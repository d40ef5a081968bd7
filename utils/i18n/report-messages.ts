import { MESSAGES, type Lang, type Messages } from './messages';
import { reportEn } from './report-en';
import { reportFr, type ReportMessages } from './report-fr';

export { reportEn } from './report-en';
export { reportFr, type ReportMessages } from './report-fr';

/**
 * The words of the report the model builder writes (questions and their answers, outcome,
 * findings, signals in words, appendix), in French and English. Page types, signal types, stages,
 * abandonment reasons, impacts and ratings come from the interface's own catalogues.
 */

export const REPORT_MESSAGES: Record<Lang, ReportMessages> = { fr: reportFr, en: reportEn };

/** The report's own words and the interface's catalogue (page types, signals, stages…) in one language. */
export interface ReportWords {
  lang: Lang;
  r: ReportMessages;
  ui: Messages;
}

/** The words a report in `lang` is written with. */
export function reportWords(lang: Lang): ReportWords {
  return { lang, r: REPORT_MESSAGES[lang], ui: MESSAGES[lang] };
}
