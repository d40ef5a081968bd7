import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../../../scripts/automation/paths';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Our own pages must be usable by everyone: the WCAG A/AA violations axe-core finds on `page`
 * ("rule: selectors"), `exclude` left out (e.g. the replay's iframe: the shop's page, not ours).
 */
export async function violations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Evaluated through the debugger, which the extension page's script policy does not apply to.
  await page.evaluate(await readFile(AXE, 'utf8'));
  return (await page.evaluate(
    `axe.run({ exclude: ${JSON.stringify(exclude.map((s) => [s]))} }, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
}
