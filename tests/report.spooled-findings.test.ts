import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Issue, Severity } from '../src/model/issue.js';
import { SpooledFindings } from '../src/pipeline/findings-spool.js';
import type { ValidationResult } from '../src/pipeline/validate.js';
import { validateToSpool } from '../src/pipeline/validate.js';
import type { PassedRecord } from '../src/pipeline/workers/batch-work.js';
import { removePartialFilesNow } from '../src/atomic-file.js';
import { reporters, type ReportOptions } from '../src/report/index.js';
import { countIssues, emptySummary, sortedSummary } from '../src/pipeline/counts.js';
import { HOSTILE_ID, HOSTILE_VALUE, sampleResult } from './helpers/report-fixture.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Reports from findings spooled to disk are the reports from findings in memory, byte for
 * byte, and the JSON report is still `JSON.stringify` of the whole result: the streamed
 * reporters write what the one-string reporters wrote.
 */

let spoolRoot: string;
let savedTmpdir: string | undefined;
const spools: SpooledFindings[] = [];

beforeEach(() => {
  // os.tmpdir() reads TMPDIR on every call: the spools of this file go where it can look.
  savedTmpdir = process.env.TMPDIR;
  spoolRoot = temporaryDirectory('bibpipe-spool-test-');
  process.env.TMPDIR = spoolRoot;
});
afterEach(() => {
  for (const spool of spools.splice(0)) spool.dispose();
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

function spooled(result: ValidationResult): SpooledFindings {
  const spool = new SpooledFindings(result.passed !== undefined);
  spools.push(spool);
  for (const issue of result.issues) spool.addIssue(issue);
  for (const record of result.passed ?? []) spool.addPassed(record);
  return spool;
}

const OPTION_SETS: ReportOptions[] = [{}, { color: true, junitFailures: 'warning', inputs: ['data/export.json'] }];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const MINIMA: Array<Severity | undefined> = [undefined, 'warning', 'error'];

function expectSameReports(result: ValidationResult): void {
  const spool = spooled(result);
  const data = { summary: result.summary, truncated: result.truncated, fieldFill: result.fieldFill, baseline: result.baseline };
  for (const minimum of MINIMA) {
    const shown = { ...result, issues: result.issues.filter((issue) => minimum === undefined || RANK[issue.severity] >= RANK[minimum]) };
    for (const reporter of reporters) {
      for (const options of OPTION_SETS) {
        const fromDisk = [...reporter.pieces({ ...data, findings: spool.atLeast(minimum) }, options)].join('');
        expect(fromDisk, `${reporter.name} ${minimum ?? 'info'} ${JSON.stringify(options)}`).toBe(reporter.render(shown, options));
      }
    }
  }
  // The JSON report is the whole result stringified, as before the reporters streamed.
  const json = reporters.find((reporter) => reporter.name === 'json')!;
  expect([...json.pieces({ ...data, findings: spool }, {})].join('')).toBe(`${JSON.stringify({ summary: result.summary, issues: result.issues, truncated: result.truncated, fieldFill: result.fieldFill, baseline: result.baseline }, null, 2)}\n`);
}

describe('reports from spooled findings', () => {
  it('the sample run: every reporter, every option, every --min-severity gives the same bytes from disk as from memory', () => {
    const result = sampleResult();
    expectSameReports(result);
    const passed: PassedRecord[] = [1, 2, 6].map((ordinal) => ({ recordId: `ok-${ordinal}`, source: { file: 'data/export.json', line: ordinal * 2, ordinal } }));
    expectSameReports({ ...result, passed, baseline: { new: { error: 1, warning: 0, info: 0 }, unchanged: 2, absent: 3 }, issues: result.issues.map((issue, index) => ({ ...issue, baselineState: index % 2 === 0 ? 'new' : 'unchanged' })) });
  });

  it('random runs with hostile text, interleaved files, passing records and run-level findings (seed fixed)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(HOSTILE_ID, HOSTILE_VALUE, '', '\u2028</script>', '"\\u0000bibpipe-array\\u0000"'));
    const issue = fc.record({ code: fc.constantFrom('doi.invalid', 'title.missing', 'id.duplicate', 'inferred.value'), severity: fc.constantFrom<Severity>('error', 'warning', 'info'), message: text, field: fc.option(text, { nil: undefined }), actual: fc.option(fc.oneof(text, fc.integer(), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 })), { nil: undefined }) });
    const record = fc.record({ file: fc.constantFrom('a.ndjson', 'b c.json', '-'), id: fc.option(text, { nil: undefined }), issues: fc.array(issue, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), fc.array(issue, { maxLength: 2 }), fc.boolean(), (records, runLevel, listPassed) => {
        const issues: Issue[] = [];
        const passed: PassedRecord[] = [];
        const ordinals = new Map<string, number>();
        for (const entry of records) {
          const ordinal = (ordinals.get(entry.file) ?? 0) + 1;
          ordinals.set(entry.file, ordinal);
          const source = { file: entry.file, line: ordinal, ordinal };
          if (entry.issues.length === 0) passed.push({ recordId: entry.id, source });
          for (const found of entry.issues) issues.push(withoutUndefined({ ...found, recordId: entry.id, source }));
        }
        for (const found of runLevel) issues.push(withoutUndefined({ ...found, code: 'fill-rate.below-minimum' }));
        const summary = emptySummary();
        summary.read = records.length;
        summary.converted = records.length;
        countIssues(summary, issues);
        expectSameReports({ summary: sortedSummary(summary), issues, truncated: issues.length > 20, passed: listPassed ? passed : undefined, fieldFill: { records: 1, fields: { id: 1 }, untrackedFields: 0 } });
      }),
      { seed: 18_2026, numRuns: 15 },
    );
  }, 180_000);
});

/** An issue as a worker hands it over: absent keys, not keys holding undefined. */
function withoutUndefined(issue: Issue): Issue {
  return Object.fromEntries(Object.entries(issue).filter(([, value]) => value !== undefined)) as Issue;
}

describe('the spool leaves nothing behind', () => {
  it('dispose() removes its directory; a forced exit (removePartialFilesNow, as on a second signal) does too', () => {
    const kept = new SpooledFindings(true);
    kept.addIssue(sampleResult().issues[0]!);
    expect(readdirSync(spoolRoot)).toHaveLength(1);
    kept.dispose();
    expect(readdirSync(spoolRoot)).toEqual([]);
    const abandoned = new SpooledFindings(false);
    abandoned.addIssue(sampleResult().issues[0]!);
    removePartialFilesNow();
    expect(readdirSync(spoolRoot)).toEqual([]);
    abandoned.dispose();
  });

  it('validateToSpool removes its spool when the run fails, and after an interrupted run once disposed', async () => {
    // A fill-rate rule on a field records do not have fails the run after the spool was made.
    await expect(validateToSpool({ inputs: [{ records: [{ id: 'a', title: 'T' }] }], fillRates: [{ field: 'no-such-field', minimum: 0.5 }] })).rejects.toThrow('no-such-field');
    expect(readdirSync(spoolRoot)).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    const run = await validateToSpool({ inputs: [{ records: [{ id: 'a', title: 'T' }] }], signal: controller.signal });
    expect(run.summary.interrupted).toBe(true);
    run.dispose();
    expect(readdirSync(spoolRoot)).toEqual([]);
  });

  it('holds what it was given: many findings read back in order, a stretch read again by its places', () => {
    const spool = new SpooledFindings(false);
    spools.push(spool);
    const long = 'x'.repeat(3000);
    for (let index = 0; index < 2000; index++) spool.addIssue({ code: 'doi.invalid', severity: 'warning', message: `${index} ${long} ü`, recordId: `r${index}` });
    const all = [...spool.issues()];
    expect(all.map((entry) => entry.value.recordId)).toEqual(Array.from({ length: 2000 }, (_, index) => `r${index}`));
    const stretch = [...spool.issues(all[700]!.at, all[702]!.next)].map((entry) => entry.value.recordId);
    expect(stretch).toEqual(['r700', 'r701', 'r702']);
  });
});
