import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, GENERATED_DOCUMENTS } from '../scripts/docs/generated.js';
import { isFixedRule, RULE_DOCS_PAGE, RULES, ruleDocsAnchor, ruleDocsUrl } from '../src/model/rules.js';
import { extractRuleTable } from '../src/report/rule-table.js';
import { extractSection } from '../src/report/markdown-sections.js';
import { CSV_COLUMNS, OPT_IN_CSV_COLUMNS } from '../src/write/csv.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const read = (path: string): string => readFileSync(join(PROJECT_ROOT, path), 'utf8');

describe('generated documents match the code (regenerate with npm run docs)', () => {
  for (const document of GENERATED_DOCUMENTS) {
    it(document.path, async () => {
      expect(existsSync(join(PROJECT_ROOT, document.path)), `${document.path} is missing: npm run docs`).toBe(true);
      const current = read(document.path);
      expect(await document.render(current, PROJECT_ROOT), `${document.path} drifted from the code: npm run docs`).toBe(current);
    });
  }
});

describe('docs/rules.md', () => {
  it('has one row per rule, with its anchor and default severity', () => {
    const rows = (extractRuleTable(read(RULE_DOCS_PAGE)) ?? '').split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(RULES).length);
    for (const [code, rule] of Object.entries(RULES)) {
      const row = rows.find((line) => line.includes(`\`${code}\``));
      expect(row, code).toContain(`id="${ruleDocsAnchor(code)}"`);
      expect(row?.split(' | ')[1]).toBe(isFixedRule(code) ? `${rule.severity} (fixed)` : rule.severity);
    }
  });

  it('is where rule links point, with unique anchors', () => {
    expect(ruleDocsUrl('doi.invalid')).toBe(`${RULE_DOCS_PAGE}#rule-doi-invalid`);
    expect(ruleDocsAnchor('fill-rate.below-minimum')).toBe('rule-fill-rate-below-minimum');
    const anchors = Object.keys(RULES).map(ruleDocsAnchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('docs/csv-columns.md and docs/cli.md', () => {
  it('list the CSV columns: the default ones in their order, then the opt-in ones', () => {
    const ids = (extractSection(read('docs/csv-columns.md'), 'csv-columns') ?? '').split('\n').slice(2).map((row) => /`([^`]+)`/.exec(row)?.[1]);
    expect(ids).toEqual([...CSV_COLUMNS, ...OPT_IN_CSV_COLUMNS].map((column) => column.id));
  });

  it('show the help of every command', () => {
    for (const command of CLI_COMMANDS) expect(extractSection(read('docs/cli.md'), `help-${command}`), command).toContain(`$ bibpipe ${command} --help`);
  });
});

describe('docs/crosswalk.md', () => {
  it('names the Solr field, CSV column, JSON-LD term, MEDLINE element and .nbib tag of the seed\'s core fields', () => {
    const rows = read('docs/crosswalk.md').split('\n').filter((line) => line.startsWith('| `'));
    const row = (field: string): string => rows.find((line) => line.startsWith(`| \`${field}\` |`)) ?? '';
    expect(row('title')).toMatch(/`title`.*\| `title` \|.*`headline`.*`MedlineCitation\/Article\/ArticleTitle`.*`TI`/);
    expect(row('authors')).toMatch(/`author`, `author2`.*`authors`.*`author\.familyName`.*AuthorList\/Author\/LastName`.*`FAU`/);
    expect(row('identifiers.doi')).toMatch(/`url`.*\| `doi` \|.*ELocationID.*`LID`/);
    // What is inferred, and from where.
    expect(row('container.abbreviation')).toMatch(/\| `spelling` \| `spelling` \| `journal_abbreviation` \|.*MedlineTA.*`TA`/);
  });
});
