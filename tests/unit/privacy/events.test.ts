import { describe, expect, it } from 'vitest';
import { PrivacyPass } from '../../../utils/privacy/pass';

/**
 * The privacy pass over each kind of rrweb event and each kind of attribute, with a name, an e-mail
 * and a search term typed earlier in the visit.
 */
const pass = new PrivacyPass(['Maëlys Quenouillard', 'maelys.q@exemple.fr', 'bottines fourrées']);
const one = (event: unknown) => pass.events([event])[0] as { data: Record<string, unknown> };
const json = (v: unknown) => JSON.stringify(v);
const SECRETS = [/ma[eë]lys/i, /quenouillard/i, /exemple\.fr/i, /bottines/i, /fourr[ée]es/i, /tok_/, /4970101234567893/];
const leaks = (v: unknown) => SECRETS.filter((r) => r.test(decodeURIComponent(json(v).replace(/\+/g, ' '))));

const el = (tagName: string, attributes: Record<string, unknown>, childNodes: unknown[] = [], id = 1) => ({ type: 2, tagName, attributes, childNodes, id });
const text = (textContent: string, id = 2, isStyle?: boolean) => ({ type: 3, textContent, id, ...(isStyle ? { isStyle } : {}) });

describe('the privacy pass over rrweb events', () => {
  it('keeps the Meta address without its query and fragment', () => {
    const meta = one({ type: 4, timestamp: 1, data: { href: 'https://shop.example/recherche?q=bottines+fourr%C3%A9es#top', width: 1, height: 1 } });
    expect(meta.data.href).toBe('https://shop.example/recherche');
  });

  it('masks text nodes of a full snapshot: the title, echoes of typed values in any case, without accents, URL-encoded', () => {
    const snapshot = one({
      type: 2,
      timestamp: 1,
      data: {
        node: {
          type: 0,
          id: 0,
          childNodes: [
            el('html', {}, [
              el('title', {}, [text('Résultats pour « bottines fourrées »', 3)], 4),
              el('p', {}, [text('Merci MAELYS, reçu envoyé à maelys.q@exemple.fr', 5)], 6),
              el('p', {}, [text('Trace : n=Ma%C3%ABlys+Quenouillard', 7)], 8),
            ]),
          ],
        },
        initialOffset: { top: 0, left: 0 },
      },
    });
    expect(leaks(snapshot)).toEqual([]);
    expect(json(snapshot)).toContain('Résultats pour « ');
    expect(json(snapshot)).toContain('Merci ');
  });

  it.each([
    ['title', 'p', 'Compte de Maëlys Quenouillard'],
    ['alt', 'img', 'Photo de Maëlys'],
    ['aria-label', 'button', 'Se déconnecter (Quenouillard)'],
    ['aria-description', 'div', 'maelys.q@exemple.fr'],
    ['placeholder', 'input', 'Maëlys'],
    ['data-customer-email', 'div', 'maelys.q@exemple.fr'],
    ['data-search', 'form', 'bottines fourrées'],
    ['value', 'option', 'Quenouillard'],
    ['content', 'meta', 'Commande de Maëlys'],
    ['label', 'optgroup', 'Adresses de Quenouillard'],
    ['download', 'a', 'facture-quenouillard.pdf'],
  ])('masks the text-bearing attribute %s', (name, tag, value) => {
    const out = one({ type: 2, timestamp: 1, data: { node: el(tag, { [name]: value, class: 'keep-me' }) } });
    expect(leaks(out)).toEqual([]);
    expect(json(out)).toContain('keep-me');
  });

  it.each([
    ['href', 'a', 'mailto:maelys.q@exemple.fr?subject=Commande', /^mailto:\*+$/],
    ['href', 'a', 'tel:+15551234567', /^tel:\*+$/],
    ['href', 'a', 'https://shop.example/compte/reset?token=tok_9f8e7d6c5b4a3f2e1d0c', /^https:\/\/shop\.example\/compte\/reset$/],
    ['href', 'a', 'https://shop.example/account#access_token=tok_abc123def456ghi789', /^https:\/\/shop\.example\/account$/],
    ['href', 'a', 'https://shop.example/12345/orders/a1b2c3d4e5f6a7b8c9d0e1f2/authenticate', /^https:\/\/shop\.example\/12345\/orders\/\*+\/authenticate$/],
    ['href', 'link', 'https://cdn.example/app.3f2a9c1b7d4e5f6a7b8c9d0e.css?v=2', /^https:\/\/cdn\.example\/app\.3f2a9c1b7d4e5f6a7b8c9d0e\.css$/],
    ['src', 'img', 'https://t.example/pixel.gif?em=maelys.q%40exemple.fr&n=Qu', /^https:\/\/t\.example\/pixel\.gif$/],
    ['srcset', 'img', 'https://cdn.example/a.jpg?token=tok_1 400w, https://cdn.example/b.jpg?token=tok_2 800w', /^https:\/\/cdn\.example\/a\.jpg 400w, https:\/\/cdn\.example\/b\.jpg 800w$/],
    ['action', 'form', '/paiement/retour?card=4970101234567893&cvc=123', /^\/paiement\/retour$/],
    ['poster', 'video', 'https://cdn.example/v.jpg?sig=tok_x', /^https:\/\/cdn\.example\/v\.jpg$/],
    ['style', 'div', 'background:url("https://cdn.example/bg.png?token=tok_y") no-repeat', /^background:url\("https:\/\/cdn\.example\/bg\.png"\) no-repeat$/],
    ['content', 'meta', 'https://shop.example/recherche?q=bottines', /^https:\/\/shop\.example\/recherche$/],
    ['data-src', 'img', '/img/p.jpg?user=maelys', /^\/img\/p\.jpg$/],
  ])('keeps the address in %s of <%s> bare: %s', (name, tag, value, expected) => {
    const out = one({ type: 2, timestamp: 1, data: { node: el(tag, { [name]: value }) } }) as { data: { node: { attributes: Record<string, string> } } };
    expect(out.data.node.attributes[name]).toMatch(expected);
  });

  it('keeps structural attributes and style sheets as they are, but their addresses bare', () => {
    const style = el('style', {}, [text('.hero{background:url(/img/h.jpg?u=maelys)} .css-1a2b3c4d5e6f7g8h9i0j{color:red}', 9, true)], 10);
    const out = one({ type: 2, timestamp: 1, data: { node: el('div', { id: 'a1b2c3d4e5f6g7h8i9j0k1', class: 'css-1a2b3c4d5e6f7g8h9i0j' }, [style]) } });
    expect(json(out)).toContain('.css-1a2b3c4d5e6f7g8h9i0j{color:red}');
    expect(json(out)).toContain('url(/img/h.jpg)');
    expect(json(out)).toContain('"id":"a1b2c3d4e5f6g7h8i9j0k1"');
  });

  it("masks every text and word-bearing attribute inside a zone the shop marked private", () => {
    const zone = el('div', { class: 'ph-no-capture', 'data-hj-suppress': '' }, [el('span', { title: 'Note interne' }, [text('Client fidèle depuis 2019', 11)], 12)], 13);
    const out = one({ type: 2, timestamp: 1, data: { node: zone } });
    expect(json(out)).not.toMatch(/Client|fidèle|Note interne/);
    expect(json(out)).toContain('ph-no-capture');
  });

  it('masks mutations: added nodes, text changes, attribute changes (a style diff keeps its shape)', () => {
    const out = one({
      type: 3,
      timestamp: 1,
      data: {
        source: 0,
        adds: [{ parentId: 1, nextId: null, node: el('p', { 'aria-label': 'Bonjour Maëlys' }, [text('Livraison chez Quenouillard', 20)], 21) }],
        texts: [{ id: 7, value: 'Votre recherche : bottines fourrées' }, { id: 8, value: '.x{background:url(/a.png?em=maelys)}' }],
        attributes: [
          { id: 9, attributes: { title: 'maelys.q@exemple.fr', href: 'https://shop.example/s?q=bottines', style: { 'background-image': 'url(/b.png?t=tok_z)', color: ['red', 'important'], width: false } } },
        ],
        removes: [{ parentId: 1, id: 5 }],
      },
    });
    expect(leaks(out)).toEqual([]);
    expect(json(out)).toContain('"color":["red","important"]');
    expect(json(out)).toContain('"width":false');
    expect(json(out)).toContain('url(/a.png)');
    expect(json(out)).toContain('"removes":[{"parentId":1,"id":5}]');
  });

  it('masks input events (rrweb already masked the value: the pass changes nothing but echoes)', () => {
    const out = one({ type: 3, timestamp: 1, data: { source: 5, id: 4, text: '********', isChecked: false } });
    expect(out.data.text).toBe('********');
    expect(leaks(one({ type: 3, timestamp: 1, data: { source: 5, id: 4, text: 'Maëlys', isChecked: false } }))).toEqual([]);
  });

  it.each([
    ['a style sheet rule', { source: 8, id: 1, adds: [{ rule: '.a{background:url(/x.png?token=tok_q)}', index: 0 }] }],
    ['a style declaration', { source: 13, id: 1, index: [0], set: { property: 'background', value: 'url(/x.png?token=tok_q)' } }],
    ['an adopted style sheet', { source: 15, id: 1, styleIds: [1], styles: [{ styleId: 1, rules: [{ rule: '.a{background:url(/x.png?token=tok_q)}', index: 0 }] }] }],
  ])('keeps addresses in %s bare', (_, data) => {
    const out = one({ type: 3, timestamp: 1, data });
    expect(json(out)).not.toContain('tok_q');
    expect(json(out)).toContain('/x.png');
  });

  it('masks strings of custom events', () => {
    expect(leaks(one({ type: 5, timestamp: 1, data: { tag: 'note', payload: { text: 'Maëlys', list: ['bottines fourrées'] } } }))).toEqual([]);
  });

  it.each([
    ['mouse moves', { type: 3, timestamp: 1, data: { source: 1, positions: [{ x: 1, y: 2, id: 3, timeOffset: 0 }] } }],
    ['a click', { type: 3, timestamp: 1, data: { source: 2, type: 2, id: 3, x: 1, y: 2 } }],
    ['a scroll', { type: 3, timestamp: 1, data: { source: 3, id: 1, x: 0, y: 300 } }],
    ['a resize', { type: 3, timestamp: 1, data: { source: 4, width: 800, height: 600 } }],
    ['DOMContentLoaded', { type: 0, timestamp: 1, data: {} }],
    ['load', { type: 1, timestamp: 1, data: {} }],
  ])('leaves %s as they are', (_, event) => {
    expect(one(event)).toEqual(event);
  });

  it('changes nothing when run twice', () => {
    const event = { type: 2, timestamp: 1, data: { node: el('a', { href: 'https://shop.example/p?q=1', title: 'Maëlys' }, [text('Quenouillard 06 12 34 56 78')]) } };
    const once = pass.events([event]);
    expect(pass.events(once)).toEqual(once);
  });

  it('leaves a value that is not an event alone', () => {
    expect(pass.events([null, 3, 'x', { type: 2 }])).toEqual([null, 3, 'x', { type: 2 }]);
  });
});
