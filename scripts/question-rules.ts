/**
 * Writes the rule table of the four answers (utils/report/question-rules.ts) into docs/questions.md,
 * between its `rules:start` and `rules:end` marks. `tests/unit/report/model/questions.test.ts` fails
 * when the two differ. Run: `npx tsx scripts/question-rules.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { questionRulesMarkdown } from '../utils/report/question-rules';
import { ROOT } from './automation/paths';

const file = path.join(ROOT, 'docs/questions.md');
const doc = readFileSync(file, 'utf8');
const [before, rest] = doc.split('<!-- rules:start -->');
const after = rest?.split('<!-- rules:end -->')[1];
if (before === undefined || after === undefined) throw new Error(`${file}: the marks <!-- rules:start --> and <!-- rules:end --> are missing`);
writeFileSync(file, `${before}<!-- rules:start -->\n\n${questionRulesMarkdown()}\n\n<!-- rules:end -->${after}`);
console.log(`Rule table written to ${path.relative(ROOT, file)}.`);
