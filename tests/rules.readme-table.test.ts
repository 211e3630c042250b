import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRuleTable, ruleTableMarkdown } from '../src/report/rule-table.js';
import { RULES, ruleDocsAnchor, ruleDocsUrl } from '../src/model/rules.js';
import { ruleTableTargets } from '../scripts/generate-rule-table.js';
import { PROJECT_ROOT } from './helpers/shared.js';

describe('the published rule table', () => {
  const targets = ruleTableTargets(PROJECT_ROOT).filter((path) => existsSync(path));

  it('exists between the rules markers in README.md or docs/rules.md', () => {
    expect(targets.length, 'run: node --import tsx scripts/generate-rule-table.ts').toBeGreaterThan(0);
  });

  it('matches RULES exactly (regenerate with scripts/generate-rule-table.ts)', () => {
    for (const target of targets) {
      const published = extractRuleTable(readFileSync(target, 'utf8'));
      expect(published, `${target} has no rules markers`).toBeDefined();
      expect(published, `${target} drifted from src/model/rules.ts`).toBe(ruleTableMarkdown());
    }
  });

  it('has one row per rule with its anchor and default severity', () => {
    for (const target of targets) {
      const rows = (extractRuleTable(readFileSync(join(target), 'utf8')) ?? '').split('\n').slice(2);
      expect(rows).toHaveLength(Object.keys(RULES).length);
      for (const [code, rule] of Object.entries(RULES)) {
        const row = rows.find((line) => line.includes(`\`${code}\``));
        expect(row, `${code} missing from ${target}`).toBeDefined();
        expect(row).toContain(`id="${ruleDocsAnchor(code)}"`);
        expect(row?.split(' | ')[1]).toBe(rule.severity);
      }
    }
  });
});

describe('rule docs links', () => {
  it('derive the anchor from the code', () => {
    expect(ruleDocsAnchor('doi.invalid')).toBe('rule-doi-invalid');
    expect(ruleDocsAnchor('fill-rate.below-minimum')).toBe('rule-fill-rate-below-minimum');
    expect(ruleDocsUrl('doi.invalid', '')).toBe('#rule-doi-invalid');
    expect(ruleDocsUrl('doi.invalid')).toMatch(/^https:\/\/.+#rule-doi-invalid$/);
  });

  it('are unique across the catalogue', () => {
    const anchors = Object.keys(RULES).map(ruleDocsAnchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});
