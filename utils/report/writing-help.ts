import type { WritingIssue } from './model-types';

/** The trade's rule: one idea per sentence; past this many words a sentence is flagged. */
export const MAX_SENTENCE_WORDS = 25;

/** Splits text into sentences: at . ! ? … followed by a space or the end, and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Words as a reader counts them: runs of letters or digits ("l’offre" and "e-mail" count once). */
export function wordCount(sentence: string): number {
  return sentence.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * What the writing help flags in a verdict: each sentence over 25 words, and each "no" answer left
 * without a comment (a "no" must say what was wrong). Advice only: it never blocks saving.
 */
export function writingIssues(
  text: string,
  noWithoutComment: readonly { criterionId: string; question: string }[],
): WritingIssue[] {
  const long: WritingIssue[] = sentencesOf(text).flatMap((sentence) => {
    const words = wordCount(sentence);
    return words > MAX_SENTENCE_WORDS ? [{ kind: 'long-sentence' as const, sentence, words }] : [];
  });
  const missing: WritingIssue[] = noWithoutComment.map((c) => ({ kind: 'no-without-comment' as const, ...c }));
  return [...long, ...missing];
}
