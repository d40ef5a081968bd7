import { describe, expect, it } from 'vitest';
import { isLuhnValid, scrubCardNumbers } from '../../../utils/privacy/identifiers';
import { PrivacyPass } from '../../../utils/privacy/pass';
import { typedPieces } from '../../../utils/privacy/typed';

/** Page text through the privacy pass, with these values typed in the visit. */
const maskSensitiveText = (text: string, typed: Iterable<string> = []) => new PrivacyPass(typed).text(text);

const stars = (s: string) => s.replace(/\S/g, '*');

describe('the privacy pass on page text', () => {
  it.each([
    ['an e-mail', 'Reçu envoyé à ', 'jane.doe@example.com', ' ce soir'],
    ['plus addressing', 'Contact: ', 'jane+shop@mail.example.org', ''],
    ['an accented e-mail', 'Écrivez à ', 'élodie.müller@exemple.fr', '.'],
    ['a plain card number', 'Carte ', '4111111111111111', ' acceptée'],
    ['a spaced card number', 'Carte ', '4111 1111 1111 1111', ' acceptée'],
    ['a dashed card number', 'Carte ', '4111-1111-1111-1111', ''],
    ['a phone number with spaces', 'Appelez le ', '06 12 34 56 78', ''],
    ['a phone number with dots', 'Tél. ', '06.12.34.56.78', ''],
    ['an international phone number', 'Tel ', '+33 6 12 34 56 78', ''],
    ['an IBAN', 'IBAN ', 'FR76 3000 6000 0112 3456 7890 189', ' merci'],
    ['an IBAN without spaces', 'IBAN ', 'DE89370400440532013000', ''],
  ])('masks %s', (_, before, secret, after) => {
    expect(maskSensitiveText(before + secret + after)).toBe(before + stars(secret) + after);
  });

  it.each([
    ['a price', 'Total : 89,00 €'],
    ['a large price', 'Total : 1 299,00 €'],
    ['a date', 'Livraison le 23/11/2026'],
    ['a short number', 'Commande n° 1234567'],
    ['a postal code and street number', '12 rue de la Paix, 75002 Paris'],
    ['short text', 'OK'],
    ['a list of sizes', 'Pointures : 36 37 38 39 40 41 42 43'],
    ['quantities and prices in a row', '2 x 45 12 90,00 €'],
    ['an empty string', ''],
    ['an at sign without a domain', 'rendez-vous @ 10h'],
  ])('leaves %s readable', (_, text) => {
    expect(maskSensitiveText(text)).toBe(text);
  });

  it('masks a typed value echoed whole, and its long words elsewhere', () => {
    const text = 'Merci Jane Canary ! Bonjour Jane, votre colis pour Canary arrive.';
    expect(maskSensitiveText(text, ['Jane Canary'])).toBe(
      'Merci **** ****** ! Bonjour ****, votre colis pour ****** arrive.',
    );
  });

  it('does not mask short words of a typed value on their own', () => {
    expect(maskSensitiveText('Bonjour Jo, Jo Li est là', ['Jo Li'])).toBe('Bonjour Jo, ** ** est là');
  });

  it('leaves text alone when the typed value is too short', () => {
    expect(maskSensitiveText('Taille 42 en stock', ['42'])).toBe('Taille 42 en stock');
  });

  it('masks every occurrence of each typed value', () => {
    expect(maskSensitiveText('Lyon, Lyon, Lyon', ['Lyon'])).toBe('****, ****, ****');
  });

  it('accepts any iterable of typed values', () => {
    function* typed() {
      yield 'secret';
    }
    expect(maskSensitiveText('le mot secret', typed())).toBe('le mot ******');
  });

  it('keeps the length of the text', () => {
    const text = 'jane@example.com, 4111 1111 1111 1111, Jane Canary';
    expect(maskSensitiveText(text, ['Jane Canary'])).toHaveLength(text.length);
  });
});

describe('typedPieces', () => {
  it.each([
    ['Jane Canary', ['Jane Canary', 'Jane', 'Canary']],
    ['  Jane   Canary  ', ['Jane   Canary', 'Jane', 'Canary']],
    ['Jo Li', ['Jo Li']],
    ['abc', ['abc']],
    ['ab', []],
    ['  a  ', []],
    ['', []],
    ['12 rue Lafayette', ['12 rue Lafayette', 'Lafayette']],
  ])('splits %j', (value, expected) => {
    expect(typedPieces(value)).toEqual(expected);
  });
});

describe('isLuhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['5555555555554444', true],
    ['378282246310005', true],
    ['4012888888881881', true],
    ['4222222222222', true],
    ['4111111111111112', false],
    ['5555555555554445', false],
    ['378282246310006', false],
    ['411111111111', false], // 12 digits: too short
    ['41111111111111111110', false], // 20 digits: too long
    ['4111 1111 1111 1111', false], // digits only
    ['', false],
  ])('%s → %s', (digits, expected) => {
    expect(isLuhnValid(digits)).toBe(expected);
  });
});

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** A deterministic pseudo-random generator, so a failure can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('scrubCardNumbers', () => {
  it.each([
    ['plain', '4111111111111111'],
    ['spaced', '4111 1111 1111 1111'],
    ['dashed', '4111-1111-1111-1111'],
    ['Mastercard', '5555555555554444'],
    ['Amex, grouped 4-6-5', '3782 822463 10005'],
  ])('overwrites a %s card number inside a JSON string, keeping its length', (_, card) => {
    const json = JSON.stringify({ type: 3, data: { attributes: { title: `Carte ${card} enregistrée` } } });
    const out = scrubCardNumbers(json);
    expect(out).toHaveLength(json.length);
    expect(out).not.toContain(card);
    expect(JSON.parse(out)).toEqual({
      type: 3,
      data: { attributes: { title: `Carte ${card.replace(/\d/g, '0')} enregistrée` } },
    });
  });

  it('overwrites a card number that is a whole string', () => {
    expect(scrubCardNumbers('{"value":"4111111111111111"}')).toBe('{"value":"0000000000000000"}');
  });

  it('overwrites a card number at the end of a sentence', () => {
    const json = JSON.stringify({ text: 'Payé avec la carte 4111 1111 1111 1111.' });
    expect(scrubCardNumbers(json)).toBe(JSON.stringify({ text: 'Payé avec la carte 0000 0000 0000 0000.' }));
  });

  it('leaves SVG path data whose digits happen to pass the Luhn check', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    const json = JSON.stringify({ attributes: { d: 'M4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1Z', points: '4-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1' } });
    expect(scrubCardNumbers(json)).toBe(json);
  });

  it('leaves a digit run that fails the Luhn check', () => {
    const json = JSON.stringify({ text: 'Commande 4111 1111 1111 1112' });
    expect(scrubCardNumbers(json)).toBe(json);
  });

  it('leaves digit runs longer than a card number', () => {
    const json = JSON.stringify({ text: `ref ${'4111111111111111'.repeat(2)}` });
    expect(scrubCardNumbers(json)).toBe(json);
  });

  it('leaves Luhn-valid JSON numbers: ids, negative numbers, array items', () => {
    const value = { id: 4111111111111111, delta: -5555555555554444, ids: [4012888888881881, 378282246310005] };
    const json = JSON.stringify(value);
    expect(scrubCardNumbers(json)).toBe(json);
  });

  it('leaves every 13-digit timestamp of rrweb-like events numerically identical', () => {
    const random = prng(20261123);
    const timestamps: number[] = [];
    for (let i = 0; i < 2400; i++) {
      const body = String(1_600_000_000_000 + Math.floor(random() * 200_000_000_000)).slice(0, 12);
      // Every other one is Luhn-valid, the kind that a card scrubber would overwrite.
      timestamps.push(Number(i % 2 === 0 ? withCheckDigit(body) : body + String(Math.floor(random() * 10))));
    }
    expect(timestamps.filter((t) => isLuhnValid(String(t))).length).toBeGreaterThanOrEqual(1200);

    const events = timestamps.map((timestamp, i) => ({
      type: 3,
      timestamp,
      data: {
        source: i % 7,
        id: i * 37,
        positions: [{ x: (i % 1280) - 40, y: -1 - (i % 17), id: i, timeOffset: -1 - (timestamp % 499) }],
        // Also as negative numbers and array items.
        adds: [timestamp, -timestamp, { nextId: timestamp, parentId: -1 }],
        scroll: { x: random() * 1000, y: -random() * 1e-7 },
      },
    }));
    const json = JSON.stringify(events);
    const out = scrubCardNumbers(json);
    expect(out).toBe(json);
    expect(JSON.parse(out)).toEqual(events);
  });

  it('keeps JSON parseable when strings and numbers mix', () => {
    expect(isLuhnValid('1700000000004')).toBe(true);
    const value = [
      { timestamp: 1700000000004, text: 'carte 4111111111111111' },
      { n: [4111111111111111, '5555 5555 5555 4444', -378282246310005], f: 1700000000004.25 },
    ];
    const out = scrubCardNumbers(JSON.stringify(value));
    expect(JSON.parse(out)).toEqual([
      { timestamp: 1700000000004, text: 'carte 0000000000000000' },
      { n: [4111111111111111, '0000 0000 0000 0000', -378282246310005], f: 1700000000004.25 },
    ]);
  });
});
