// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textsShown } from '../../../entrypoints/capture/texts';
import { expectedTexts } from '../../../entrypoints/background/mission-texts';
import { parseTextsFound, parseTextsRequest } from '../../../utils/messaging/capture-page';
import { foldText } from '../../../utils/mission/fold-text';
import { visitSelectors } from '../../../utils/mission/privacy';
import { missionSchema } from '../../../utils/mission/schema';
import { detectSteps } from '../../../utils/mission/steps';
import { page, validMissionFile } from './fixtures';

/** A step's visible-text condition: "Merci pour votre commande" shown on the confirmation page. */

function docWith(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const ask = (texts: string[], mask: string[] = [], block: string[] = []) => ({ texts: texts.map(foldText), maskSelectors: mask, blockSelectors: block });

describe('textsShown (in the page)', () => {
  it('finds a text whatever its case, accents, quotes and spacing, across elements', () => {
    const doc = docWith('<main><h1>MERCI   pour votre\ncommande</h1><p>Numéro <b>1234</b> — l’équipe</p></main>');
    expect(textsShown(doc, ask(['Merci pour votre commande', "numero 1234 — l'equipe", 'Paiement refusé']))).toEqual([0, 1]);
  });

  it('does not count text the page does not show (display: none, the hidden attribute)', () => {
    const doc = docWith('<div style="display:none"><p>Merci pour votre commande</p></div><p hidden>Commande validée</p><p>Paiement accepté</p>');
    expect(textsShown(doc, ask(['Merci pour votre commande', 'Commande validée', 'Paiement accepté']))).toEqual([2]);
  });

  it('does not read scripts, styles, templates or the title', () => {
    const doc = docWith('<script>var t = "Merci pour votre commande"</script><style>.x{}</style><template><p>Commande validée</p></template>');
    document.title = 'Commande validée';
    expect(textsShown(doc, ask(['Merci pour votre commande', 'Commande validée']))).toEqual([]);
  });

  it('does not count text inside masked or blocked zones: the evaluator’s, the mission’s or the shop’s own markers', () => {
    const doc = docWith(
      '<p class="greeting">Bonjour Claire Martin</p><p data-hj-suppress>Adresse 12 rue des Lilas</p><div class="rr-block"><p>Carte 4970</p></div><p>Livraison offerte</p>',
    );
    expect(textsShown(doc, ask(['Claire Martin', '12 rue des Lilas', 'Carte 4970', 'Livraison offerte'], ['.greeting']))).toEqual([3]);
    // What a person writes into the page itself (an editable zone, a text area) is never read.
    const typed = docWith('<div contenteditable="true">Merci pour votre commande</div><textarea>Commande validée</textarea><p>Livraison offerte</p>');
    expect(textsShown(typed, ask(['Merci pour votre commande', 'Commande validée', 'Livraison offerte']))).toEqual([2]);
    // A selector the page's document cannot parse is left out, and the rest still applies.
    expect(textsShown(doc, ask(['Claire Martin', 'Livraison offerte'], ['p[', '.greeting']))).toEqual([1]);
  });
});

describe('the texts question and answer', () => {
  it('takes a well-formed question and refuses a malformed one', () => {
    const ok = { type: 'page/texts', texts: ['merci'], maskSelectors: ['.a'], blockSelectors: [], extra: 1 };
    expect(parseTextsRequest(ok)).toEqual({ type: 'page/texts', texts: ['merci'], maskSelectors: ['.a'], blockSelectors: [] });
    expect(parseTextsRequest({ ...ok, texts: [''] })).toBeUndefined();
    expect(parseTextsRequest({ ...ok, texts: new Array(121).fill('a') })).toBeUndefined();
    expect(parseTextsRequest({ ...ok, maskSelectors: [1] })).toBeUndefined();
  });

  it('takes indices only, each once and in range', () => {
    expect(parseTextsFound([0, 2], 3)).toEqual([0, 2]);
    expect(parseTextsFound([3], 3)).toBeUndefined();
    expect(parseTextsFound([1, 1], 3)).toBeUndefined();
    expect(parseTextsFound(['Merci'], 3)).toBeUndefined();
    expect(parseTextsFound({}, 3)).toBeUndefined();
  });
});

describe('a step reached by its text', () => {
  const mission = missionSchema.parse({
    ...validMissionFile(),
    steps: [
      ...validMissionFile().steps,
      {
        id: 'merci',
        instruction: { fr: 'Commandez', en: 'Order' },
        reached: [{ kind: 'stage', stage: 'confirmation' }, { kind: 'text', text: 'Merci pour votre commande' }],
        success: { fr: 'Merci', en: 'Thanks' },
      },
    ],
  });

  it('asks the page for each expected text once, folded; one that folds to nothing or too long is left out, not the others', () => {
    expect(expectedTexts(mission)).toEqual(['merci pour votre commande']);
    expect(expectedTexts(undefined)).toEqual([]);
    const odd = { steps: [...mission.steps, { ...mission.steps.at(-1)!, id: 'odd', reached: [{ kind: 'text' as const, text: '\u0301\u0301' }, { kind: 'text' as const, text: '한'.repeat(200) }] }] };
    expect(expectedTexts(odd)).toEqual(['merci pour votre commande']);
  });

  it('is reached on the page that showed it, and not on one that did not', () => {
    const shown = { ...page('ok', 'confirmation', 10), textsSeen: ['merci pour votre commande'] };
    const silent = page('ko', 'confirmation', 5);
    expect(detectSteps(mission.steps, [silent]).steps.at(-1)).toMatchObject({ reached: false });
    expect(detectSteps(mission.steps, [silent, shown]).steps.at(-1)).toMatchObject({ reached: true, pageId: 'ok' });
  });
});

describe('visitSelectors', () => {
  const settings = { maskSelectors: ['.mine'], blockSelectors: [], keepSearchTerms: true };
  it('adds the mission’s masking rules to the evaluator’s; a visit from before missions keeps the evaluator’s', () => {
    const mission = missionSchema.parse(validMissionFile());
    expect(visitSelectors({ mission }, settings)).toEqual({ maskSelectors: ['.mine', '.loyalty-number'], blockSelectors: [] });
    expect(visitSelectors({}, settings)).toEqual({ maskSelectors: ['.mine'], blockSelectors: [] });
  });
});
