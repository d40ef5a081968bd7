// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"navigation":{"disableMainFrameNavigation":true,"disableChildPageNavigation":true}}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFriction, type FrictionWatch } from '../../../entrypoints/recorder/friction';
import { frictionFactSchema, type FrictionFact } from '../../../utils/friction/facts';

// The collector's page-side work, in happy-dom: clicks and what followed, waits, form errors.
// happy-dom has no resource or layout-shift entries: those observers are not started here.

const T = 1_700_000_000_000;
let facts: FrictionFact[];
let watcher: FrictionWatch;
let removers: (() => void)[];
/** Stands in for rrweb's mutation events, which the relay hands to the collector. */
let changes: MutationObserver;

beforeEach(() => {
  vi.useFakeTimers({ now: T });
  history.replaceState(null, '', '/produit');
  const mine: FrictionFact[] = [];
  facts = mine;
  removers = [];
  watcher = watchFriction({
    win: window,
    emit: (fact) => mine.push(fact),
    // A mask the tests can see at work.
    mask: (text) => text.replace(/jane@example\.com/g, '*****'),
    listen: (target, type, fn, capture) => {
      target.addEventListener(type, fn, capture);
      removers.push(() => target.removeEventListener(type, fn, capture));
    },
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  });
  const w = watcher;
  changes = new MutationObserver(() => w.changed());
  changes.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});

afterEach(() => {
  changes.disconnect();
  removers.forEach((remove) => remove());
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** Events of the person: the browser marks them trusted, happy-dom does not. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function click(selector: string, x = 10, y = 20, init: MouseEventInit = {}): void {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, ...init })));
}

/** Sets the page up; its own changes are seen before the person acts, as in a browser. */
async function page(html: string): Promise<void> {
  document.body.innerHTML = html;
  await vi.advanceTimersByTimeAsync(0);
}

const el = <E extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as E;
const of = <K extends FrictionFact['kind']>(kind: K) => facts.filter((f): f is Extract<FrictionFact, { kind: K }> => f.kind === kind);
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('click facts', () => {
  it('waits a second, then tells what followed: nothing, for a button that does nothing', async () => {
    await page('<main><button class="add" type="button">  Ajouter\n au panier </button></main>');
    click('button', 40, 50);
    await pass(999);
    expect(of('click')).toEqual([]);
    await pass(1);
    expect(of('click')).toEqual([
      {
        kind: 'click',
        t: T,
        x: 40,
        y: 50,
        selector: 'body > main > button.add',
        label: 'Ajouter au panier',
        actionable: true,
        cue: 'button',
        previous: [],
        after: { navigated: false, mutated: false, requested: false },
      },
    ]);
    expect(frictionFactSchema.safeParse(of('click')[0]).success).toBe(true);
  });

  it('sees a DOM change within the second', async () => {
    await page('<button type="button">Voir</button><p id="out"></p>');
    el('button').addEventListener('click', () => setTimeout(() => (el('#out').textContent = 'ok'), 600));
    click('button');
    await pass(1000);
    expect(of('click')[0]?.after).toEqual({ navigated: false, mutated: true, requested: false });
  });

  it('says no click changed nothing while the recorder does not see the page change', async () => {
    removers.forEach((remove) => remove());
    removers = [];
    let seeing = false;
    const mine: FrictionFact[] = [];
    watchFriction({
      win: window,
      emit: (fact) => mine.push(fact),
      mask: (text) => text,
      listen: (target, type, fn, capture) => {
        target.addEventListener(type, fn, capture);
        removers.push(() => target.removeEventListener(type, fn, capture));
      },
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      seesChanges: () => seeing,
    });
    await page('<button type="button">Voir</button><button type="button" id="b">Encore</button>');
    click('button');
    await pass(1000);
    seeing = true;
    click('#b');
    await pass(1000);
    expect(mine.filter((f) => f.kind === 'click').map((f) => (f.kind === 'click' ? f.after.mutated : undefined))).toEqual([true, false]);
  });

  it('does not count a DOM change after the second', async () => {
    await page('<button type="button">Voir</button><p id="out"></p>');
    el('button').addEventListener('click', () => setTimeout(() => (el('#out').textContent = 'late'), 1200));
    click('button');
    await pass(2000);
    expect(of('click')[0]?.after.mutated).toBe(false);
  });

  it('sees a route change', async () => {
    await page('<div role="link" tabindex="0">Panier</div>');
    el('div').addEventListener('click', () => history.pushState(null, '', '/panier'));
    click('div');
    await pass(1000);
    expect(of('click')[0]).toMatchObject({ cue: 'role=link', after: { navigated: true, mutated: false } });
  });

  it('answers at once, as navigated, when the page leaves within the second', async () => {
    await page('<a href="/suite">Suite</a>');
    click('a');
    await pass(300);
    watcher.leaving();
    expect(of('click')).toHaveLength(1);
    expect(of('click')[0]).toMatchObject({ cue: 'link', label: 'Suite', after: { navigated: true } });
    await pass(1000);
    expect(of('click')).toHaveLength(1);
  });

  it('lists the clicks of the two seconds before, oldest first', async () => {
    await page('<button type="button">+</button>');
    click('button', 1, 1);
    await pass(1500);
    click('button', 2, 2);
    await pass(600);
    click('button', 3, 3);
    await pass(1000);
    expect(of('click').map((f) => f.previous)).toEqual([
      [],
      [{ t: T, x: 1, y: 1 }],
      // The first click is 2100 ms before the third.
      [{ t: T + 1500, x: 2, y: 2 }],
    ]);
  });

  it('keeps the twenty most recent previous clicks', async () => {
    await page('<button type="button">+</button>');
    for (let i = 0; i < 25; i++) {
      click('button', i, 0);
      await pass(50);
    }
    await pass(1000);
    const last = of('click').at(-1);
    expect(last?.previous).toHaveLength(20);
    expect(last?.previous[0]?.x).toBe(4);
    expect(frictionFactSchema.safeParse(last).success).toBe(true);
  });

  it.each([
    ['a plain paragraph', '<p>Texte</p>', 'p', { actionable: false }],
    ['an element with a pointer cursor', '<p style="cursor: pointer">Texte</p>', 'p', { actionable: true, cue: 'cursor:pointer' }],
    ['an icon in a button', '<button type="button" aria-label="Fermer"><i class="icon">x</i></button>', 'i', { actionable: true, cue: 'button', label: 'Fermer', selector: 'body > button' }],
    ['a reset input, named by its value', '<form><input type="reset" value="Effacer"></form>', 'input', { actionable: true, cue: 'input[type=reset]', label: 'Effacer' }],
    ['a tab', '<div role="tab">Avis</div>', 'div', { actionable: true, cue: 'role=tab' }],
    ['a summary', '<details><summary>Livraison</summary>…</details>', 'summary', { actionable: true, cue: 'summary' }],
    ['an element with an onclick attribute', '<span onclick="void 0">Plus</span>', 'span', { actionable: true, cue: 'onclick' }],
  ])('describes a click on %s', async (_, html, selector, expected) => {
    await page(html);
    click(selector);
    await pass(1000);
    expect(of('click')[0]).toMatchObject(expected);
    if (!expected.actionable) expect(of('click')[0]?.cue).toBeUndefined();
  });

  it('masks the label and never reads what was typed into a field', async () => {
    await page('<button type="button">Écrire à jane@example.com</button><input style="cursor: pointer" value="typed secret"><textarea style="cursor: pointer">Jane, 3 rue des Lilas</textarea>');
    el<HTMLTextAreaElement>('textarea').value = 'typed secret';
    click('button');
    click('input');
    click('textarea');
    await pass(1000);
    expect(of('click').map((f) => f.label)).toEqual(['Écrire à *****', '', '']);
  });

  it('marks clicks in text fields as such (a triple click selects there), and only those', async () => {
    await page('<input type="email"><textarea></textarea><input type="checkbox"><button type="button">OK</button>');
    for (const selector of ['input[type=email]', 'textarea', 'input[type=checkbox]', 'button']) click(selector);
    await pass(1000);
    expect(of('click').map((f) => f.editable ?? false)).toEqual([true, true, false, false]);
  });

  it('cuts a long label to 80 characters', async () => {
    await page(`<button type="button">${'Très long libellé '.repeat(10)}</button>`);
    click('button');
    await pass(1000);
    expect(of('click')[0]?.label).toHaveLength(80);
  });

  it('ignores clicks the page made itself', async () => {
    await page('<button type="button">Voir</button>');
    el('button').click();
    await pass(1000);
    expect(facts).toEqual([]);
  });

  it('takes the click a label forwards to its control for the one the person made', async () => {
    await page('<label for="news">Newsletter</label><input type="checkbox" id="news">');
    click('label');
    click('#news');
    await pass(1000);
    expect(of('click')).toHaveLength(1);
    // Ticking a box shows nothing in the DOM: the browser answered.
    expect(of('click')[0]).toMatchObject({ cue: 'label', after: { mutated: true } });
  });

  it('counts a click on a list as answered by the browser', async () => {
    await page('<select><option>S</option><option>M</option></select>');
    click('select');
    await pass(1000);
    expect(of('click')[0]).toMatchObject({ cue: 'select', after: { mutated: true } });
  });

  it.each([
    ['a link to a new tab', '<a href="/cgv" target="_blank">CGV</a>', {}],
    ['a download', '<a href="/facture.pdf" download>Facture</a>', {}],
    ['a link opened with Ctrl', '<a href="/cgv">CGV</a>', { ctrlKey: true }],
  ])('counts %s as navigated', async (_, html, init) => {
    await page(html);
    click('a', 0, 0, init);
    await pass(1000);
    expect(of('click')[0]?.after.navigated).toBe(true);
  });

  it('counts a link in this tab as not navigated while the page stays', async () => {
    await page('<a href="/cgv" target="_self">CGV</a>');
    el('a').addEventListener('click', (e) => e.preventDefault());
    click('a');
    await pass(1000);
    expect(of('click')[0]?.after.navigated).toBe(false);
  });

  describe('a click whose answer is a scroll or another window', () => {
    const scrollAfter = async (ms: number) => {
      await page('<button type="button" class="top">Haut de page</button>');
      click('button');
      await pass(ms);
      window.dispatchEvent(new Event('scroll'));
      await pass(1000 - ms);
    };

    it('marks a scroll begun at once (a "back to top" button) as the answer', async () => {
      await scrollAfter(50);
      expect(of('click')[0]?.after).toEqual({ navigated: false, mutated: false, requested: false, scrolled: true });
    });

    it('does not take the person’s own later scroll for an answer', async () => {
      await scrollAfter(400);
      expect(of('click')[0]?.after).toEqual({ navigated: false, mutated: false, requested: false });
    });

    it('ends the click’s wait with the scroll', async () => {
      await scrollAfter(50);
      await pass(10_000);
      expect(of('wait')).toEqual([]);
    });

    it('counts the page hidden within the second (a window opened over it) as navigated', async () => {
      await page('<button type="button" class="chat">Discuter</button>');
      click('button');
      await pass(300);
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      await pass(700);
      Reflect.deleteProperty(document, 'visibilityState');
      expect(of('click')[0]?.after.navigated).toBe(true);
    });
  });
});

describe('wait facts', () => {
  /** A button whose click changes the page after `ms`. */
  const slowButton = async (ms: number) => {
    await page('<form id="f"></form><button type="button" class="pay">Payer</button><p id="out"></p>');
    el('button').addEventListener('click', () => setTimeout(() => (el('#out').textContent = 'done'), ms));
  };

  it('measures the time from a click to the next change', async () => {
    await slowButton(2500);
    click('button');
    await pass(3000);
    expect(of('wait')).toEqual([{ kind: 'wait', t: T, action: 'click', selector: 'body > button.pay', waited: 2500, resolved: true }]);
  });

  it('keeps no fact of a short wait', async () => {
    await slowButton(1000);
    click('button');
    await pass(11_000);
    expect(of('wait')).toEqual([]);
  });

  it('keeps a wait just over a second', async () => {
    await slowButton(1001);
    click('button');
    await pass(2000);
    expect(of('wait')[0]?.waited).toBe(1001);
  });

  it('gives up after ten seconds', async () => {
    await slowButton(20_000);
    click('button');
    await pass(10_000);
    expect(of('wait')).toEqual([{ kind: 'wait', t: T, action: 'click', selector: 'body > button.pay', waited: 10_000, resolved: false }]);
    await pass(10_000);
    expect(of('wait')).toHaveLength(1);
  });

  it('hands over a wait the page left during, however short', async () => {
    await slowButton(5000);
    click('button');
    await pass(400);
    watcher.leaving();
    expect(of('wait')).toEqual([{ kind: 'wait', t: T, action: 'click', selector: 'body > button.pay', waited: 400, resolved: false, leaving: true }]);
    await pass(10_000);
    expect(of('wait')).toHaveLength(1);
  });

  it('follows the latest action only', async () => {
    await slowButton(2000);
    click('button');
    await pass(500);
    document.body.insertAdjacentHTML('beforeend', '<a href="#" class="other" role="button">Autre</a>');
    await pass(0);
    click('a.other');
    await pass(4000);
    // The first wait ended on the link being added (500 ms: no fact); the second on the button's change.
    expect(of('wait')).toEqual([{ kind: 'wait', t: T + 500, action: 'click', selector: 'body > a.other', waited: 1500, resolved: true }]);
  });

  it('starts no wait for a click on something that does not look actionable', async () => {
    await page('<p>Texte</p>');
    click('p');
    await pass(11_000);
    expect(of('wait')).toEqual([]);
  });

  it('measures Enter in a field, and not in a box', async () => {
    await page('<input name="q" id="q"><input type="checkbox" id="c"><ul></ul>');
    const enter = (selector: string) => el(selector).dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    enter('#c');
    await pass(11_000);
    expect(of('wait')).toEqual([]);
    enter('#q');
    await pass(3200);
    el('ul').innerHTML = '<li>résultat</li>';
    await pass(0);
    expect(of('wait')).toEqual([{ kind: 'wait', t: T + 11_000, action: 'key', selector: '#q', waited: 3200, resolved: true }]);
  });

  it('measures a submit', async () => {
    await page('<form id="login"><input name="email"></form>');
    el('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    watcher.leaving();
    expect(of('wait')).toEqual([{ kind: 'wait', t: T, action: 'submit', selector: '#login', waited: 0, resolved: false, leaving: true }]);
  });

  it('ends a wait on a change of the fragment', async () => {
    await page('<a href="#avis">Avis</a>');
    // The page's script handles the click and changes the fragment itself, later. (Left to happy-dom,
    // the link would change it at once, on a timer of its own that fake timers do not hold.)
    el('a').addEventListener('click', (e) => e.preventDefault());
    click('a');
    await pass(1500);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(of('wait')).toEqual([{ kind: 'wait', t: T, action: 'click', selector: 'body > a', waited: 1500, resolved: true }]);
  });
});

describe('form error facts', () => {
  const FORM = `
    <form id="checkout">
      <input id="email" name="email" aria-describedby="email-help">
      <p id="email-help"></p>
      <div class="invalid-feedback" style="display: none">Adresse requise</div>
      <p class="error static">Déjà là</p>
      <button>Valider</button>
    </form>
    <div id="live" aria-live="assertive"></div>`;

  beforeEach(async () => {
    await page(FORM);
    el('form').addEventListener('submit', (e) => e.preventDefault());
  });

  const submit = () => el('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  const errors = () => of('form-error').map(({ selector, text, via }) => ({ selector, text, via }));

  it('reports an alert added after a submit, masked', async () => {
    submit();
    el('form').insertAdjacentHTML('beforeend', '<div role="alert">jane@example.com est déjà utilisée</div>');
    await pass(0);
    expect(errors()).toEqual([{ selector: '#checkout > div:nth-of-type(2)', text: '***** est déjà utilisée', via: 'alert' }]);
    expect(frictionFactSchema.safeParse(of('form-error')[0]).success).toBe(true);
  });

  it('reports a message shown after a click on the submit button', async () => {
    click('button');
    el('.invalid-feedback').style.display = 'block';
    await pass(0);
    expect(errors()).toEqual([{ selector: '#checkout > div.invalid-feedback', text: 'Adresse requise', via: 'error-class' }]);
  });

  it('reports text written into a live region', async () => {
    submit();
    el('#live').textContent = 'Paiement refusé';
    await pass(0);
    expect(errors()).toEqual([{ selector: '#live', text: 'Paiement refusé', via: 'alert' }]);
  });

  it('reports the message, not the block around it', async () => {
    submit();
    el('form').insertAdjacentHTML('beforeend', '<div class="has-error"><label>Code</label><span class="form-error">Code inconnu</span></div>');
    await pass(0);
    expect(errors()).toEqual([{ selector: '#checkout > div.has-error:nth-of-type(2) > span.form-error', text: 'Code inconnu', via: 'error-class' }]);
  });

  it('ignores a message shown before the submit, hidden ones and empty ones', async () => {
    submit();
    el('.static').setAttribute('data-x', '1');
    el('form').insertAdjacentHTML('beforeend', '<div role="alert"></div><div class="error" style="display: none">Caché</div>');
    await pass(0);
    expect(errors()).toEqual([]);
  });

  it('reports a message once per submit, and again after the next', async () => {
    submit();
    el('#live').textContent = 'Erreur';
    await pass(0);
    el('#live').textContent = 'Erreur !';
    await pass(0);
    expect(errors()).toHaveLength(1);
    el('#live').textContent = '';
    submit();
    el('#live').textContent = 'Erreur';
    await pass(0);
    expect(errors()).toHaveLength(2);
  });

  it('watches two seconds after the submit, no more', async () => {
    submit();
    await pass(2001);
    el('#live').textContent = 'Trop tard';
    await pass(0);
    expect(errors()).toEqual([]);
  });

  it('watches nothing without a submit', async () => {
    el('#live').textContent = 'Bienvenue';
    el('.invalid-feedback').style.display = 'block';
    await pass(0);
    expect(errors()).toEqual([]);
  });

  it('reports a field marked invalid once, with the message it points to', async () => {
    submit();
    el('#email').setAttribute('aria-invalid', 'true');
    el('#email-help').className = 'error';
    el('#email-help').textContent = 'Adresse invalide';
    await pass(0);
    expect(errors()).toEqual([{ selector: '#email', text: 'Adresse invalide', via: 'aria-invalid' }]);
  });

  it('reports the browser refusing a field, with its message masked', () => {
    click('button');
    const email = el<HTMLInputElement>('#email');
    email.setCustomValidity('jane@example.com n\'est pas valide');
    email.dispatchEvent(new Event('invalid', { cancelable: true }));
    email.dispatchEvent(new Event('invalid', { cancelable: true }));
    expect(errors()).toEqual([{ selector: '#email', text: '***** n\'est pas valide', via: 'invalid-event' }]);
  });

  it('ignores the invalid events of a script checking a form on its own', () => {
    const email = el<HTMLInputElement>('#email');
    email.setCustomValidity('Requis');
    email.dispatchEvent(new Event('invalid', { cancelable: true }));
    expect(errors()).toEqual([]);
  });
});
