import { describe, expect, it } from 'vitest';
import { importErrorText, outcomeText, setReviewer, showsComments, statusChoices } from '../../../components/viewer/review-helpers';
import { viewerEn, viewerFr } from '../../../utils/i18n/viewer-messages';
import { bundleErrorText } from '../../../utils/i18n/bundle-messages';
import { REVIEW_STATUSES, submittedReview } from '../../../utils/report/review';

/** Every string of a catalogue, functions called on sample arguments (the bundle's words are tested with them). */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[`${path}()`, String((value as (...a: unknown[]) => unknown)(2, 3, 'x.zip'))]];
  return Object.entries(value as object).flatMap(([k, v]) => (k === 'bundle' ? [] : texts(v, path ? `${path}.${k}` : k)));
}
const keys = (value: object) => texts(value).map(([k]) => k).sort();

describe('viewer catalogues', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(keys(viewerEn)).toEqual(keys(viewerFr));
    expect([...texts(viewerFr), ...texts(viewerEn)].filter(([, t]) => t.trim() === '')).toEqual([]);
  });

  it('use French spacing and apostrophes', () => {
    const bad = texts(viewerFr).filter(([, t]) => / [:;?!»]|« |'/.test(t) || /[^\s\u00a0/][:;?!»]|«[^\u00a0]/.test(t.replace(/\d:\d|\.zip/g, '')));
    expect(bad).toEqual([]);
  });

  it('name every review status', () => {
    expect(Object.keys(viewerFr.statuses).sort()).toEqual([...REVIEW_STATUSES].sort());
  });
});

describe('review helpers', () => {
  it.each([
    ['submitted', ['submitted', 'in-review'], false],
    ['in-review', ['in-review', 'validated', 'returned'], true],
    ['validated', ['validated', 'in-review'], false],
    ['returned', ['returned', 'in-review'], true],
  ] as const)('%s offers %j; comments shown: %s', (status, choices, comments) => {
    expect(statusChoices(status)).toEqual(choices);
    expect(showsComments(status)).toBe(comments);
  });

  it('names and un-names the reviewer', () => {
    const named = setReviewer(submittedReview(1), '  Sam ', 5);
    expect(named).toMatchObject({ reviewer: 'Sam', updatedAt: 5 });
    expect('reviewer' in setReviewer(named, ' ', 6)).toBe(false);
  });

  it('words the outcome', () => {
    expect(outcomeText(viewerFr, { outcome: 'abandoned', stage: 'payment' })).toBe('Abandon à l’étape «\u00a0Paiement\u00a0»');
    expect(outcomeText(viewerEn, { outcome: 'converted', stage: 'confirmation' })).toBe('Order placed');
    expect(outcomeText(viewerEn, { outcome: 'unknown' })).toBe('Unknown');
  });

  it('words a bundle’s refusal with the bundle’s own messages, and local failures with the viewer’s', () => {
    const error = { code: 'hash-mismatch' as const, path: 'visit.json' };
    expect(importErrorText(viewerFr, error)).toBe(bundleErrorText(viewerFr.bundle, error));
    expect(importErrorText(viewerEn, { code: 'read-failed' })).toBe(viewerEn.readFailed);
  });
});
