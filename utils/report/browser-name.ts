/**
 * The browser and system of a visit in a few words, for the report's cover ("Chrome 156 · Linux").
 * Only the major version is kept: the rest of a user-agent string says nothing a reader needs.
 */

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chromium', /\bChromium\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Chrome (headless)', /\bHeadlessChrome\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

// Android says "Linux" too, and iPads may say "Mac OS X": the more specific first.
const SYSTEMS: [name: string, pattern: RegExp][] = [
  ['Android', /\bAndroid\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

/** "Firefox 153 · Windows" from a user-agent string; `unknown` when there is none or it says nothing known. */
export function browserName(userAgent: string | undefined, unknown = 'Unknown browser'): string {
  if (!userAgent) return unknown;
  const browser = BROWSERS.map(([name, pattern]) => {
    const version = pattern.exec(userAgent)?.[1];
    return version ? `${name} ${version}` : undefined;
  }).find((found) => found !== undefined);
  const system = SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0];
  if (!browser && !system) return unknown;
  return [browser ?? unknown, system].filter((part) => part !== undefined).join(' · ');
}
