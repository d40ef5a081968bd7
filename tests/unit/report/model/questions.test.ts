import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../../utils/report/build-report';
import type { QuestionAnswer, QuestionId } from '../../../../utils/report/model-types';
import { MAX_SENTENCE_WORDS, sentencesOf, wordCount } from '../../../../utils/report/writing-help';
import { bareVisitData, T0, visitData } from './fixture';

const NOW = T0 + 300_000;
const questions = (lang: 'fr' | 'en', data = visitData()) => buildReport(data, { lang, now: NOW }).questions;
const ids = (q: QuestionAnswer | undefined) => q?.findings.map((f) => f.id) ?? [];
const question = (id: QuestionId, lang: 'fr' | 'en' = 'en', data = visitData()) => questions(lang, data).find((q) => q.id === id);

describe('the four questions', () => {
  it('come in order, each answered', () => {
    expect(questions('en').map((q) => q.id)).toEqual(['orders', 'first-seconds', 'product', 'return']);
    expect(question('orders')?.question).toBe('Why are orders not completed?');
  });

  it.each(['fr', 'en'] as const)('answer in one or two sentences of at most 25 words (%s)', (lang) => {
    for (const data of [visitData(), bareVisitData()]) {
      for (const q of questions(lang, data)) {
        const sentences = sentencesOf(q.answer);
        expect(sentences.length, q.answer).toBeGreaterThan(0);
        expect(sentences.length, q.answer).toBeLessThanOrEqual(2);
        for (const s of sentences) expect(wordCount(s), s).toBeLessThanOrEqual(MAX_SENTENCE_WORDS);
      }
    }
  });

  it('differ between the languages, and none is empty', () => {
    const [fr, en] = [questions('fr'), questions('en')];
    fr.forEach((q, i) => {
      expect(q.question.trim()).not.toBe('');
      expect(q.answer.trim()).not.toBe('');
      expect(q.question).not.toBe(en[i]!.question);
      expect(q.answer).not.toBe(en[i]!.answer);
    });
  });

  it('keep at most eight findings each, ranked', () => {
    for (const q of questions('en')) {
      expect(q.findings.length).toBeLessThanOrEqual(8);
      const ranks = q.findings.map((f) => f.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });
});

describe('orders', () => {
  it('start from the abandonment and carry the cart, checkout and payment findings', () => {
    const q = question('orders');
    expect(q?.answer).toMatch(/^The shopper would have left at the cart: extra costs\. 6 problems found \(4 critical, 2 major\)\.$/);
    expect(ids(q)).toEqual(expect.arrayContaining(['abandonment:ab1', 'criterion:E04', 'criterion:E03', 'signal:p4:failed-request', 'signal:p5:js-error']));
    expect(ids(q)).not.toContain('criterion:D02');
    expect(ids(q)).not.toContain('signal:p3:rage-click');
  });

  it('say the order went through when it did', () => {
    const data = visitData();
    data.visit.outcome = { kind: 'converted', stage: 'confirmation', signalIds: [] };
    expect(question('orders', 'en', data)?.answer).toMatch(/^The order went through, but/);
  });

  it('say honestly when the visit never reached the cart', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 3);
    expect(question('orders', 'en', data)?.answer).toBe('Nothing in this visit explains it: the visit did not reach the cart.');
  });
});

describe('first seconds', () => {
  it('open with what covered the first page, and carry its landing findings', () => {
    const q = question('first-seconds');
    expect(q?.answer).toBe('On arrival, a window (cookie banner) covered 45% of the screen for 6.2 s. 2 problems found (2 major).');
    expect(ids(q)).toEqual(['landing:p1:overlay', 'landing:p1:slow']);
    expect(question('first-seconds', 'fr')?.answer).toContain('bandeau cookies');
  });

  it('count a JavaScript error on the home page, not one at checkout', () => {
    const data = visitData();
    data.signals.push({ ...data.signals[3]!, id: 'g9', pageId: 'p1' });
    expect(ids(question('first-seconds', 'en', data))).toContain('signal:p1:js-error');
    expect(ids(question('first-seconds', 'en', data))).not.toContain('signal:p5:js-error');
  });

  it('say when the first seconds were not measured', () => {
    expect(question('first-seconds', 'en', bareVisitData())?.answer).toBe(
      'Nothing in this visit explains it: the first seconds of the pages were not measured, and no other problem was found there.',
    );
  });
});

describe('product', () => {
  it('carries the product page criteria and findings', () => {
    const q = question('product');
    expect(ids(q)).toEqual(expect.arrayContaining(['criterion:D02', 'signal:p3:rage-click', 'speed:p3']));
    expect(ids(q)).not.toContain('criterion:E04');
  });

  it('says when no product page was opened', () => {
    const data = bareVisitData();
    data.pages = data.pages.slice(0, 2);
    expect(question('product', 'en', data)?.answer).toBe('Nothing in this visit explains it: the visit opened no product page.');
  });
});

describe('return', () => {
  it('carries the criteria about confirmation and after-sales', () => {
    const q = question('return');
    // E04 is asked at the confirmation too; H05 belongs to the confirmation section.
    expect(ids(q)).toEqual(expect.arrayContaining(['criterion:E04', 'criterion:H05']));
    expect(ids(q)).not.toContain('abandonment:ab1');
  });

  it('counts a post-purchase criterion asked on any page, and a signal on the account page', () => {
    const data = visitData();
    data.answers.push({ ...data.answers[0]!, id: 'v1/I03', criterionId: 'I03', state: 'no', comment: 'Aucune étiquette.' });
    data.signals.push({ ...data.signals[0]!, id: 'g8', pageId: 'p6', type: 'dead-click', facts: { label: 'Mot de passe oublié' } });
    expect(ids(question('return', 'en', data))).toEqual(expect.arrayContaining(['criterion:I03', 'signal:p6:dead-click']));
  });
});
