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

function options(over: { maskSelectors?: string[]; blockSelectors?: string[] } = {}) {
  return rrwebOptions({
    maskSelectors: over.maskSelectors ?? [],
    blockSelectors: over.blockSelectors ?? [],
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

describe('rrwebOptions maskTextSelector', () => {
  /** Whether rrweb masks a text node inside `el`: it looks for the selector on the node's ancestors. */
  const masked = (el: Element, o = options()) => el.closest(o.maskTextSelector) !== null;

  it('leaves ordinary text to the privacy pass', () => {
    expect(masked(byId('plain'))).toBe(false);
    expect(options()).not.toHaveProperty('maskTextFn');
  });

  it("masks everything inside an element matching the evaluator's mask selector", () => {
    const o = options({ maskSelectors: ['.address'] });
    expect(masked(byId('street'), o)).toBe(true);
    expect(masked(byId('plain'), o)).toBe(false);
  });

  it('masks everything inside editable content, but not inside contenteditable="false"', () => {
    expect(masked(byId('edited'))).toBe(true);
    expect(masked(byId('not-edited'))).toBe(false);
  });

  it.each([
    ['rr-mask', '<p class="rr-mask">x</p>'],
    ['ph-mask', '<p class="ph-mask">x</p>'],
    ['data-hj-suppress', '<p data-hj-suppress>x</p>'],
    ['fs-mask', '<p class="fs-mask">x</p>'],
    ['sentry-mask', '<p class="sentry-mask">x</p>'],
    ['data-sentry-mask', '<p data-sentry-mask>x</p>'],
    ['data-private', '<p data-private>x</p>'],
    ['data-clarity-mask', '<p data-clarity-mask="true">x</p>'],
  ])("masks the shop's own %s zone", (_, html) => {
    const host = doc.createElement('div');
    host.innerHTML = `<section>${html}</section>`;
    doc.body.append(host);
    expect(masked(host.querySelector('p')!)).toBe(true);
    host.remove();
  });

  it.each(['<p data-private="false">x</p>', '<p data-clarity-mask="false">x</p>'])('leaves %s readable', (html) => {
    const host = doc.createElement('div');
    host.innerHTML = html;
    doc.body.append(host);
    expect(masked(host.querySelector('p')!)).toBe(false);
    host.remove();
  });

  it.each(['rr-block', 'ph-no-capture', 'fs-exclude', 'sentry-block'])("blocks the shop's own .%s zone", (cls) => {
    const host = doc.createElement('div');
    host.innerHTML = `<p class="${cls}">x</p><p data-sentry-block>y</p>`;
    doc.body.append(host);
    expect([...host.querySelectorAll('p')].every((p) => p.matches(options().blockSelector))).toBe(true);
    host.remove();
  });

  it('drops mask selectors that do not parse, without throwing', () => {
    const o = options({ maskSelectors: ['div[', '.address', ':::'] });
    expect(masked(byId('street'), o)).toBe(true);
    expect(masked(byId('plain'), o)).toBe(false);
  });
});

describe('a selector that parses alone but breaks a list', () => {
  it.each(['a[href', 'div[data-x="1"', ':not(.x'])('%s is dropped, and the built-in blocking stays whole', (bad) => {
    const options = rrwebOptions({ maskSelectors: [bad, 'h1'], blockSelectors: [bad, '#size-guide'], doc });
    expect(() => doc.querySelector(options.blockSelector)).not.toThrow();
    expect(options.blockSelector).toContain('input[type=hidden]');
    expect(options.blockSelector).toContain('#size-guide');
    expect(options.blockSelector).not.toContain(bad);
  });
});
