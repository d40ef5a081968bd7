import type { ElementHandle, Page } from 'puppeteer-core';
import { SEARCH_PARAMS } from '../../utils/journey/page-facts';

/**
 * A shopper's hands on a shop's pages, for scripted journeys: find the link or form that leads to a
 * page (the first one a shopper can see and reach), and fill a form's fields as a person would.
 * Used by the platform journeys and the cause corpus.
 */

/** Whether `href` (absolute) leads to `url`: same path, the url's parameters present (a search's any value). */
export function leadsTo(href: string, url: string, origin: string): boolean {
  const a = new URL(href);
  const b = new URL(url, origin);
  const trim = (p: string) => p.replace(/\/$/, '') || '/';
  if (a.origin !== b.origin || trim(a.pathname) !== trim(b.pathname)) return false;
  if (b.hash && a.hash !== '' && a.hash !== b.hash) return false;
  return [...b.searchParams].every(([k, v]) => a.searchParams.get(k) === v || (SEARCH_PARAMS as readonly string[]).includes(k));
}

/** A made-up shopper's details, by what a field asks for. */
function valueFor(hint: string): string {
  return /mail/.test(hint) ? 'client.corpus@example.org'
    : /tel|phone/.test(hint) ? '0612345678'
    : /cc-number|card.?num|cardnumber/.test(hint) ? '4242424242424242'
    : /exp/.test(hint) ? '12/30'
    : /cvc|cvv|csc|security/.test(hint) ? '123'
    : /post|zip|plz/.test(hint) ? '75011'
    : /pass/.test(hint) ? 'Motdepasse-2026'
    : /comment|message/.test(hint) ? 'Bonjour, je voudrais savoir quand ma commande sera expédiée.'
    : 'Martin';
}

export async function controlTo(page: Page, url: string, origin: string, o: { preferForm?: boolean } = {}): Promise<ElementHandle<Element>> {
  // Where each link goes, and where each form sends: a GET form's fields (hidden ones, its
  // button's name and value) make the query its address will have.
  const targets = await page.$$eval('a[href], form', (els) =>
    els.map((el) => {
      if (el instanceof HTMLAnchorElement) return el.href;
      if (!(el instanceof HTMLFormElement)) return '';
      if (el.method.toLowerCase() !== 'get') return el.action;
      const submitter = [...el.elements].find((c) => c.matches('button:not([type=button]):not([type=reset]), input[type=submit]')) as HTMLElement | undefined;
      const target = new URL(el.action);
      target.search = '';
      for (const [k, v] of new FormData(el, submitter)) if (typeof v === 'string') target.searchParams.append(k, v);
      return target.href;
    }),
  );
  const all = await page.$$('a[href], form');
  const order = [...targets.keys()];
  if (o.preferForm) {
    const isForm = await Promise.all(all.map((el) => el.evaluate((x) => x.tagName === 'FORM')));
    order.sort((a, b) => Number(isForm[b]) - Number(isForm[a]));
  }
  for (const index of order) {
    const href = targets[index];
    if (!href || !leadsTo(href, url, origin)) continue;
    const el = all[index]!;
    const isForm = await el.evaluate((x) => x.tagName === 'FORM');
    if (isForm) await fillRequired(el);
    // A form's button may sit outside it (`form="…"`): the form's own list of controls has it.
    const control = isForm
      ? (await el.evaluateHandle((f) => [...(f as HTMLFormElement).elements].find((c) => c.matches('button:not([type=button]):not([type=reset]), input[type=submit]')) ?? null)).asElement() as ElementHandle<Element> | null
      : el;
    if (!control) continue;
    const onTop = await control.evaluate((c: Element) => {
      c.scrollIntoView({ block: 'center' });
      const box = c.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === c || c.contains(hit));
    });
    if (onTop) return control;
  }
  throw new Error(`no link or form a shopper can click on ${page.url()} leads to ${url}`);
}

/** The form's controls (those outside it that name it included), as handles. */
async function controlsOf(form: ElementHandle<Element>): Promise<ElementHandle<Element>[]> {
  const list = await form.evaluateHandle((f) => [...(f as HTMLFormElement).elements]);
  const handles = [...(await list.getProperties()).values()].map((h) => h.asElement() as ElementHandle<Element> | null);
  await list.dispose();
  return handles.filter((h): h is ElementHandle<Element> => h !== null);
}

/** Fills the form's required (or, with `all`, every) empty field as a shopper would: typing, ticking, choosing. */
export async function fillRequired(form: ElementHandle<Element>, all = false): Promise<void> {
  for (const field of await controlsOf(form)) {
    const { tag, type, hint, empty, visible, wanted } = await field.evaluate((f, every: boolean) => ({
      tag: f.tagName.toLowerCase(),
      type: (f.getAttribute('type') ?? 'text').toLowerCase(),
      hint: `${f.getAttribute('name') ?? ''} ${f.id} ${f.getAttribute('autocomplete') ?? ''} ${f.getAttribute('type') ?? ''}`.toLowerCase(),
      empty: f instanceof HTMLInputElement && ['checkbox', 'radio'].includes(f.type) ? !f.checked : !(f as HTMLInputElement).value,
      visible: f.getClientRects().length > 0,
      wanted: f.matches('input, select, textarea') && (every || f.hasAttribute('required')),
    }), all);
    if (!wanted || !empty || !visible || ['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (tag === 'select') {
      await field.evaluate((sel) => {
        const select = sel as HTMLSelectElement;
        select.value = [...select.options].find((o) => o.value)?.value ?? '';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      continue;
    }
    if (type === 'checkbox' || type === 'radio') {
      if (all && type === 'checkbox' && !/(terms|condition|agb|privacy|cgv|tos)/.test(hint)) continue;
      await field.click();
      continue;
    }
    await field.type(valueFor(hint), { delay: 5 });
  }
}
