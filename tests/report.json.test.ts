import { describe, expect, it } from 'vitest';
import { IssueSchema } from '../src/model/issue.js';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { jsonReporter } from '../src/report/json.js';
import { expectGolden, HOSTILE_VALUE, sampleResult } from './helpers/report-fixture.js';

describe('json reporter', () => {
  it('matches its golden file', () => {
    expectGolden('report.json', jsonReporter.render(sampleResult()));
  });

  it('round-trips the summary, the issues and the fill rates', () => {
    const parsed = JSON.parse(jsonReporter.render(sampleResult())) as Record<string, unknown>;
    expect(RunSummarySchema.parse(parsed.summary)).toEqual(sampleResult().summary);
    expect(IssueSchema.array().parse(parsed.issues)).toEqual(sampleResult().issues);
    expect((parsed.issues as Array<{ actual?: unknown }>)[1]?.actual).toBe(HOSTILE_VALUE);
    expect(parsed.fieldFill).toEqual(sampleResult().fieldFill);
  });
});
