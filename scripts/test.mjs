#!/usr/bin/env node
// `npm test`: checks the browsers are there, builds the extension, runs the unit and end-to-end
// tests, and ends with the line CI reads ("Tests: N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const browsers = [
  ['Chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'CHROMIUM_PATH', 'chromium'],
  ['Firefox ESR', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'FIREFOX_PATH', 'firefox-esr'],
];
const missing = browsers.filter(([, path]) => !existsSync(path));
const tesseract = process.env.TESSERACT_PATH ?? 'tesseract';
if (spawnSync(tesseract, ['--version'], { stdio: 'ignore' }).status !== 0) {
  missing.push(['Tesseract OCR', tesseract, 'TESSERACT_PATH', 'tesseract-ocr']);
}
if (missing.length > 0) {
  for (const [name, path, env, pkg] of missing) {
    console.error(`${name} was not found at ${path}.`);
    console.error(`  Install it (Debian/Ubuntu: sudo apt-get install ${pkg}), or set ${env} to its executable.`);
  }
  console.error('The end-to-end tests run in real browsers; they are never skipped.');
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (run('npm', ['run', 'build']) !== 0) {
  console.error('The build failed: no test was run.');
  process.exit(1);
}

const results = '.vitest-results.json';
rmSync(results, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]);
if (!existsSync(results)) {
  console.error('vitest wrote no results.');
  process.exit(status || 1);
}
const summary = JSON.parse(readFileSync(results, 'utf8'));
const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
console.log(`Tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : summary.numFailedTests > 0 || summary.numTotalTests === 0 ? 1 : 0);
