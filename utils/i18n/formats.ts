/**
 * Number, duration and size formats every catalogue shares, each in the catalogue's own locale
 * ("0,18 s" / "0.18 s", "1,4 Mo" / "1.4 MB").
 */

/** A number in `locale`, with at most `max` decimals. */
export const numberIn = (locale: string, max: number) => (n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(Number(n));

/** Under a second, to the hundredth ("0,18 s"); above, to the tenth ("1,2 s"). */
export const secondsIn = (locale: string, space: string) => (ms: number) => {
  const s = Number(ms) / 1000;
  return `${numberIn(locale, Math.abs(s) < 1 ? 2 : 1)(s)}${space}s`;
};

/** Decimal units (1 kB = 1000 B), one decimal under ten ("1,4 Mo", "245 ko"). */
export const bytesIn = (locale: string, units: readonly string[], space: string) => (bytes: number) => {
  let value = Math.max(0, Number(bytes) || 0);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${numberIn(locale, unit > 0 && value < 10 ? 1 : 0)(value)}${space}${units[unit]}`;
};

/** A share (0–1) as a whole percentage. */
export const percentIn = (locale: string) => (fraction: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(fraction));
