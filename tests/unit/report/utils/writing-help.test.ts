import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_WORDS, sentencesOf, wordCount, writingIssues } from '../../../../utils/report/writing-help';

/** A sentence of `n` words, ending with a full stop. */
const sentence = (n: number, word = 'mot') => `${Array.from({ length: n }, () => word).join(' ')}.`;

describe('sentencesOf', () => {
  it.each<[string, string, string[]]>([
    ['empty text', '', []],
    ['blank text', ' \n \n\t', []],
    ['one sentence without a full stop', 'Le site est clair', ['Le site est clair']],
    ['full stops', 'Le site est clair. Le panier aussi.', ['Le site est clair.', 'Le panier aussi.']],
    ['exclamation and question marks', 'Bravo ! Pourquoi ? Parce que.', ['Bravo !', 'Pourquoi ?', 'Parce que.']],
    ['an ellipsis character', 'On attend… Puis rien.', ['On attend…', 'Puis rien.']],
    ['line breaks without punctuation', 'Premier point\nSecond point\n\nTroisième', ['Premier point', 'Second point', 'Troisième']],
    ['Windows line breaks', 'Un.\r\nDeux.', ['Un.', 'Deux.']],
    ['several spaces after a stop', 'Un.   Deux.', ['Un.', 'Deux.']],
    ['a stop not followed by a space', 'Le prix est 12.50 € sur shop.example.', ['Le prix est 12.50 € sur shop.example.']],
    ['surrounding spaces', '   Un.  ', ['Un.']],
  ])('splits %s', (_, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('wordCount', () => {
  it.each<[string, number]>([
    ['', 0],
    ['   ', 0],
    ['— … !', 0],
    ['Le site est clair.', 4],
    ['l’offre', 1],
    ["l'offre", 1],
    ['L’offre d’aujourd’hui', 2],
    ['c’est-à-dire', 1],
    ['e-mail', 1],
    ['Un e-mail de confirmation', 4],
    ['Livraison en 48 h', 4],
    ['2026', 1],
    ['42 € TTC', 2],
    ['Étape 3 : paiement', 3],
    ['café, crème; thé', 3],
    ['a - b', 2],
    ['-tiret', 1],
    ['日本 店', 2],
  ])('counts %j as %i', (text, expected) => {
    expect(wordCount(text)).toBe(expected);
  });
});

describe('writingIssues', () => {
  it('has the trade’s limit of 25 words', () => {
    expect(MAX_SENTENCE_WORDS).toBe(25);
  });

  it.each<[string, string, number | undefined]>([
    ['a 26-word sentence', sentence(26), 26],
    ['a 40-word sentence', sentence(40), 40],
    ['a 25-word sentence', sentence(25), undefined],
    ['a 1-word sentence', sentence(1), undefined],
    ['26 words counting elisions once', `${sentence(24, 'l’offre').slice(0, -1)} e-mail 2026.`, 26],
    ['25 words counting elisions once', `${sentence(23, 'l’offre').slice(0, -1)} e-mail 2026.`, undefined],
  ])('flags %s only when over the limit', (_, text, words) => {
    expect(writingIssues(text, [])).toEqual(words === undefined ? [] : [{ kind: 'long-sentence', sentence: text, words }]);
  });

  it('flags each long sentence, in order, and not the short ones', () => {
    const text = `${sentence(30, 'un')} ${sentence(5, 'deux')} ${sentence(27, 'trois')}`;
    expect(writingIssues(text, [])).toEqual([
      { kind: 'long-sentence', sentence: sentence(30, 'un'), words: 30 },
      { kind: 'long-sentence', sentence: sentence(27, 'trois'), words: 27 },
    ]);
  });

  it('splits sentences at line breaks', () => {
    const line = sentence(20).slice(0, -1);
    expect(writingIssues(`${line}\n${line}`, [])).toEqual([]);
    expect(writingIssues(`${line} ${line}`, [])).toEqual([{ kind: 'long-sentence', sentence: `${line} ${line}`, words: 40 }]);
  });

  it('appends each no-without-comment entry after the long sentences', () => {
    const missing = [
      { criterionId: 'A01', question: 'Comprend-on ce que vend le site ?' },
      { criterionId: 'E04', question: 'Les frais sont-ils annoncés ?' },
    ];
    expect(writingIssues(sentence(26), missing)).toEqual([
      { kind: 'long-sentence', sentence: sentence(26), words: 26 },
      { kind: 'no-without-comment', criterionId: 'A01', question: 'Comprend-on ce que vend le site ?' },
      { kind: 'no-without-comment', criterionId: 'E04', question: 'Les frais sont-ils annoncés ?' },
    ]);
  });

  it('reports no-without-comment entries even with no text', () => {
    expect(writingIssues('', [{ criterionId: 'A01', question: 'Q ?' }])).toEqual([{ kind: 'no-without-comment', criterionId: 'A01', question: 'Q ?' }]);
  });

  it('finds nothing in a short verdict with every no commented', () => {
    expect(writingIssues('Le site est clair. Le paiement rassure.', [])).toEqual([]);
  });
});
