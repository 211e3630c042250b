import { describe, expect, it } from 'vitest';
import { textReporter } from '../src/report/text.js';
import { expectGolden, sampleResult } from './helpers/report-fixture.js';

describe('text reporter', () => {
  it('matches its golden file (no colour)', () => {
    expectGolden('text.txt', textReporter.render(sampleResult(), { color: false }));
  });

  it('groups by rule, then by record', () => {
    const lines = textReporter.render(sampleResult()).split('\n');
    const doi = lines.findIndex((line) => line.startsWith('doi.invalid'));
    expect(lines[doi]).toBe('doi.invalid warning, 2');
    expect(lines[doi + 1]?.trimStart().startsWith('<img')).toBe(true);
    expect(lines.filter((line) => /^\S+ (error|warning|info), \d+$/.test(line))).toHaveLength(5);
  });

  it('colours only when asked', () => {
    expect(textReporter.render(sampleResult(), { color: false })).not.toContain('\u001b[');
    expect(textReporter.render(sampleResult(), { color: true })).toContain('\u001b[31m');
  });

  it('ends with the totals', () => {
    const text = textReporter.render(sampleResult());
    expect(text.trimEnd().split('\n').at(-1)).toBe('6 records: 5 valid, 1 with errors; 2 errors, 3 warnings, 1 info');
  });
});

describe('text reporter with control characters in record data', () => {
  it('shows them escaped instead of sending them to the terminal', () => {
    const result = sampleResult();
    result.issues[1]!.message = 'evil \u001b[2J\u001b]0;title\u0007 value\nnext';
    const text = textReporter.render(result);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('evil \\u001b[2J\\u001b]0;title\\u0007 value\\nnext');
  });
});
