import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { validSelectors } from '../../../utils/recording/rrweb-options';
import { parseSelectorLines } from '../../../utils/recording/selectors';

const window = new Window({ url: 'https://shop.example/' });
const doc = window.document as unknown as Document;
const isValid = (s: string) => validSelectors([s], doc).length === 1;
afterAll(() => window.happyDOM.close());

describe('parseSelectorLines', () => {
  it.each([
    ['one selector', '.price', ['.price']],
    ['one per line, trimmed', '  .price \n#address\t\n[data-private]', ['.price', '#address', '[data-private]']],
    ['blank lines skipped', '\n\n.a\n   \n.b\n', ['.a', '.b']],
    ['Windows line endings', '.a\r\n.b\r\n', ['.a', '.b']],
    ['nothing', '', []],
    ['only spaces', '  \n \n', []],
    ['a selector list on one line', 'h1, h2 > span', ['h1, h2 > span']],
  ])('%s', (_, text, selectors) => {
    expect(parseSelectorLines(text, isValid)).toEqual({ selectors });
  });

  it.each([
    ['the first line', 'div[\n.ok', 1, 'div['],
    ['a later line, counting blank lines', '.ok\n\n  ##bad  \n.also-ok', 3, '##bad'],
    ['the first of two bad lines', '.ok\n:::\ndiv[', 2, ':::'],
  ])('names %s that does not parse', (_, text, line, selector) => {
    expect(parseSelectorLines(text, isValid)).toEqual({ line, selector });
  });

  it('asks the validator about trimmed lines only', () => {
    const asked: string[] = [];
    parseSelectorLines(' .a \n\n.b', (s) => (asked.push(s), true));
    expect(asked).toEqual(['.a', '.b']);
  });
});

describe('validSelectors', () => {
  it('keeps the selectors that parse, in order', () => {
    expect(validSelectors(['.a', 'div[', 'input[name*="card" i]', '##', '[contenteditable]:not([contenteditable="false"])'], doc)).toEqual([
      '.a',
      'input[name*="card" i]',
      '[contenteditable]:not([contenteditable="false"])',
    ]);
  });

  it('keeps nothing of nothing', () => {
    expect(validSelectors([], doc)).toEqual([]);
  });
});
