/**
 * Writes the rule table (generated from RULES) between `<!-- rules:start -->` and
 * `<!-- rules:end -->` in README.md, or in docs/rules.md while the README has no markers.
 * Run: node --import tsx scripts/generate-rule-table.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_TABLE_END, RULE_TABLE_START, replaceRuleTable, ruleTableMarkdown } from '../src/report/rule-table.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The README when it carries the markers, else docs/rules.md (created when missing). */
export function ruleTableTargets(projectRoot: string): string[] {
  const readme = join(projectRoot, 'README.md');
  const rulesDoc = join(projectRoot, 'docs', 'rules.md');
  const targets = [readme, rulesDoc].filter((path) => existsSync(path) && readFileSync(path, 'utf8').includes(RULE_TABLE_START));
  return targets.length > 0 ? targets : [rulesDoc];
}

function main(): void {
  for (const target of ruleTableTargets(root)) {
    const current = existsSync(target)
      ? readFileSync(target, 'utf8')
      : `# Rules\n\nEvery issue code bibpipe can emit, with its default severity (change it with \`rules\` in the config).\nGenerated from src/model/rules.ts by \`scripts/generate-rule-table.ts\`; do not edit the table by hand.\n\n${RULE_TABLE_START}\n${RULE_TABLE_END}\n`;
    const updated = replaceRuleTable(current);
    if (updated === undefined) throw new Error(`${target}: the markers ${RULE_TABLE_START} ... ${RULE_TABLE_END} are missing or out of order`);
    if (updated !== current) writeFileSync(target, updated);
    process.stdout.write(`${target}: ${updated === current ? 'up to date' : 'rule table written'} (${ruleTableMarkdown().split('\n').length - 2} rules)\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
