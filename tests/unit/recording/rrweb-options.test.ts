import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BLOCK_SELECTORS } from '../../../utils/recording/privacy';
import { rrwebOptions } from '../../../utils/recording/rrweb-options';

const window = new Window({ url: 'https://shop.example/' });
const doc = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

doc.body.innerHTML = `
  <p id="plain">Livré chez vous</p>
  <div class="address"><span id="street">12 rue de la Paix</span></div>
  <div contenteditable="true"><b id="edited">Note libre</b></div>
  <div contenteditable="false"><b id="not-edited">Pas éditable</b></div>
  <input type="hidden" id="hidden" name="token" value="abc">
  <input id="cardnumber" autocomplete="cc-number">
  <input name="CardHolder">
  <input name="cvv2">
  <input id="email" type="email">
  <iframe id="psp" src="https://js.stripe.com/v3/elements"></iframe>
  <iframe id="video" src="https://video.example/embed"></iframe>
`;
const byId = (id: string) => doc.getElementById(id)!;

function options(over: { maskSelectors?: string[]; blockSelectors?: string[]; typed?: string[] } = {}) {
  return rrwebOptions({
    maskSelectors: over.maskSelectors ?? [],
    blockSelectors: over.blockSelectors ?? [],
    typed: () => over.typed ?? [],
    doc,
  });
}

describe('rrwebOptions blockSelector', () => {
  const block = options().blockSelector;

  it('includes every default selector', () => {
    expect(block.split(',')).toEqual([...DEFAULT_BLOCK_SELECTORS]);
    expect(block).toContain('input[type=hidden]');
  });

  it.each(['hidden', 'cardnumber', 'psp'])('blocks #%s', (id) => {
    expect(byId(id).matches(block)).toBe(true);
  });

  it('blocks card fields named in any case', () => {
    const blocked = [...doc.querySelectorAll('input[name]')].filter((e) => e.matches(block)).map((e) => e.getAttribute('name'));
    expect(blocked).toEqual(['token', 'CardHolder', 'cvv2']);
  });

  it.each(['email', 'plain', 'video'])('does not block #%s', (id) => {
    expect(byId(id).matches(block)).toBe(false);
  });

  it("adds the evaluator's selectors and drops those that do not parse, without throwing", () => {
    const withUser = options({ blockSelectors: ['.address', 'div[', '##'] }).blockSelector;
    expect(withUser.split(',')).toEqual([...DEFAULT_BLOCK_SELECTORS, '.address']);
    expect(byId('street').closest(withUser)).not.toBeNull();
  });
});

describe('rrwebOptions inputs', () => {
  it('masks every input', () => {
    expect(options()).toMatchObject({ maskAllInputs: true, maskInputOptions: { password: true, hidden: true } });
  });

  it.each(['jane@example.com', '4111 1111 1111 1111', 'a', ' ', 'x'.repeat(50)])('never returns the typed value %j', (value) => {
    const masked = options().maskInputFn(value);
    expect(masked).not.toBe(value);
    expect(masked).toBe('********');
  });

  it('leaves an empty input empty', () => {
    expect(options().maskInputFn('')).toBe('');
  });
});

describe('rrwebOptions maskTextFn', () => {
  it('masks e-mails and long numbers in ordinary text', () => {
    const { maskTextFn } = options();
    expect(maskTextFn('Reçu envoyé à jane@example.com', byId('plain'))).toBe('Reçu envoyé à ****************');
    expect(maskTextFn('Tél. 06 12 34 56 78', byId('plain'))).toBe('Tél. ** ** ** ** **');
  });

  it('masks what the person typed, asking for the typed values each time', () => {
    const typed: string[] = [];
    const { maskTextFn } = rrwebOptions({ maskSelectors: [], blockSelectors: [], typed: () => typed, doc });
    expect(maskTextFn('Bonjour Canary', byId('plain'))).toBe('Bonjour Canary');
    typed.push('Jane Canary');
    expect(maskTextFn('Bonjour Canary', byId('plain'))).toBe('Bonjour ******');
  });

  it('leaves ordinary text readable', () => {
    expect(options().maskTextFn('Total : 89,00 € le 23/11/2026', byId('plain'))).toBe('Total : 89,00 € le 23/11/2026');
  });

  it("masks everything inside an element matching the evaluator's mask selector", () => {
    const { maskTextFn } = options({ maskSelectors: ['.address'] });
    expect(maskTextFn('12 rue de la Paix', byId('street'))).toBe('** *** ** ** ****');
    expect(maskTextFn('Livré chez vous', byId('plain'))).toBe('Livré chez vous');
  });

  it('masks everything inside editable content, but not inside contenteditable="false"', () => {
    const { maskTextFn } = options();
    expect(maskTextFn('Note libre', byId('edited'))).toBe('**** *****');
    expect(maskTextFn('Pas éditable', byId('not-edited'))).toBe('Pas éditable');
  });

  it('drops mask selectors that do not parse, without throwing', () => {
    const { maskTextFn } = options({ maskSelectors: ['div[', '.address', ':::'] });
    expect(maskTextFn('12 rue de la Paix', byId('street'))).toBe('** *** ** ** ****');
    expect(maskTextFn('Livré chez vous', byId('plain'))).toBe('Livré chez vous');
  });

  it('masks identifiers in text without an element', () => {
    expect(options().maskTextFn('jane@example.com', null)).toBe('****************');
  });
});

describe('a selector that parses alone but breaks a list', () => {
  it.each(['a[href', 'div[data-x="1"', ':not(.x'])('%s is dropped, and the built-in blocking stays whole', (bad) => {
    const options = rrwebOptions({ maskSelectors: [bad, 'h1'], blockSelectors: [bad, '#size-guide'], typed: () => [], doc });
    expect(() => doc.querySelector(options.blockSelector)).not.toThrow();
    expect(options.blockSelector).toContain('input[type=hidden]');
    expect(options.blockSelector).toContain('#size-guide');
    expect(options.blockSelector).not.toContain(bad);
  });
});
