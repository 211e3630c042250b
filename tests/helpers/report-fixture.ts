import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Issue } from '../../src/model/issue.js';
import type { ValidationResult } from '../../src/pipeline/validate.js';
import { countIssues, emptySummary, sortedSummary } from '../../src/pipeline/counts.js';
import { PROJECT_ROOT } from './shared.js';

/** The characters reports must escape: markup, quotes, workflow-command separators, newlines, a C0 control. */
export const HOSTILE_ID = '<img src=x onerror=alert(1)>';
export const HOSTILE_VALUE = '10.abc</script><script>alert("x")</script>, 100%: a\nb\u0001';

/** A run with findings of several rules and severities, one run-level finding, and hostile values. */
export function sampleResult(): ValidationResult {
  const issues: Issue[] = [
    { code: 'id.duplicate', severity: 'error', message: 'Duplicate id "rec-1": an earlier record in this run has the same id', recordId: 'rec-1', source: { file: 'data/export.json', line: 12, ordinal: 3 }, field: 'id', actual: 'rec-1' },
    { code: 'doi.invalid', severity: 'warning', message: `DOI "${HOSTILE_VALUE}" is not 10.<registrant>/<suffix>`, recordId: HOSTILE_ID, source: { file: 'data/my export, 100%: v2.json', line: 20, ordinal: 4 }, field: 'doi', actual: HOSTILE_VALUE },
    { code: 'doi.invalid', severity: 'warning', message: 'DOI "10.x" is not 10.<registrant>/<suffix>', recordId: 'rec-2', source: { file: 'data/export.json', line: 30, ordinal: 5 }, field: 'doi', actual: '10.x' },
    { code: 'title.missing', severity: 'warning', message: 'The record has no title', recordId: 'rec-2', source: { file: 'data/export.json', line: 30, ordinal: 5 }, field: 'title' },
    { code: 'inferred.value', severity: 'info', message: 'container.abbreviation "J Biol" was recovered from the spelling field', recordId: 'rec-2', source: { file: 'data/export.json', line: 30, ordinal: 5 }, field: 'container.abbreviation', actual: 'J Biol' },
    { code: 'fill-rate.below-minimum', severity: 'error', message: 'doi is filled in 1 of 4 converted article records (25%), below the minimum of 95%', field: 'doi', actual: { filled: 1, records: 4, share: 0.25 }, expected: '>= 95%' },
  ];
  const summary = emptySummary();
  summary.read = 6;
  summary.rejected = 1;
  summary.converted = 5;
  countIssues(summary, issues);
  return {
    summary: sortedSummary(summary),
    issues,
    truncated: false,
    fieldFill: { records: 6, fields: { format: 6, id: 6, title: 5, doi_str_mv: 3, '<b>x</b>': 1 }, untrackedFields: 0 },
  };
}

/** Compares with tests/fixtures/reports/golden/NAME; UPDATE_GOLDEN=1 rewrites it. A missing golden fails. */
export function expectGolden(name: string, actual: string): void {
  const path = join(PROJECT_ROOT, 'tests', 'fixtures', 'reports', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${path} is missing; create it with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
