import { SECRETS } from '../../../scripts/automation/journey';

/**
 * The privacy checks of a demo-shop journey (scripts/automation/journey.ts types the SECRETS on the
 * way), over the text of a store dump (`Dump.text`): the same checks whatever the browser.
 */

/** Names of the planted secrets found in `text`, each as a whole run (not inside a longer number). */
export function plantedSecretsIn(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, secret]) => new RegExp(`(?<![0-9])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`).test(text))
    .map(([name]) => name);
}

/** Any Luhn-valid card number at all, whatever its spacing, in any string of the JSON `text`. */
export function cardNumbersIn(text: string): string[] {
  return (
    stringsIn(JSON.parse(text))
      // Whole runs only, and not the decimals of a number ("0.30654411967317903" is no card: cut
      // at 16 digits it would pass the Luhn check one time in ten).
      .flatMap((s) => s.match(/(?<![\d.])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}[ -]\d{6}[ -]\d{5})(?!\d)/g) ?? [])
      .map((run) => run.replace(/[ -]/g, ''))
      .filter((d) => luhn(d))
  );
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}
