import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The automation builds: identical to the store builds but for site permission granted up front. */
export const CHROME_EXTENSION = path.join(ROOT, '.output/chrome-mv3-automation');
export const FIREFOX_EXTENSION = path.join(ROOT, '.output/firefox-mv3-automation');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
