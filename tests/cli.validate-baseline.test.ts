import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Issue } from '../src/model/issue.js';
import { BaselineMatcher, baselineFromIssues, serializeBaseline } from '../src/pipeline/baseline.js';
import { parseBaseline } from '../src/pipeline/baseline-schema.js';
import type { ValidationResult } from '../src/pipeline/validate.js';
import { runInProcess } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * `bibpipe validate --baseline`: a legacy catalogue's known findings do not fail the gate,
 * new ones do. Findings are matched by rule, record id and field, never by line, so that a
 * re-export in another order still matches; a key known twice is new the third time.
 */

const record = (id: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, title: `Title ${id}`, title_full: `Title ${id}`, title_fullStr: `Title ${id}`, format: ['Book'], ...extra });
const BAD_ISBN = { isbn: ['12345'] };
const TWO_BAD_ISBNS = { isbn: ['12345', '678'] };

function exportFile(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const validate = (...args: string[]): ReturnType<typeof runInProcess> => runInProcess(['validate', '--workers', '1', '--quiet', ...args]);

describe('validate --write-baseline / --baseline', () => {
  const dir = temporaryDirectory('bibpipe-baseline-');
  const legacy = [record('a'), record('b', BAD_ISBN), '{"title":"no id"}', record('c', TWO_BAD_ISBNS), record('a')];
  const original = exportFile(dir, 'export.ndjson', legacy);
  const baselineFile = join(dir, 'baseline.json');

  it('writes a sorted baseline, one finding per line, and passes though the run has errors', async () => {
    const run = await validate(original, '--write-baseline', baselineFile);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(baselineFile, 'utf8');
    const baseline = parseBaseline(text);
    expect(baseline.findings.map((entry) => [entry.rule, entry.record ?? entry.file, entry.count])).toEqual([
      ['id.duplicate', 'a', 1],
      ['id.missing', original, 1],
      ['isbn.invalid', 'b', 1],
      ['isbn.invalid', 'c', 2],
    ]);
    expect(text.split('\n').filter((line) => line.startsWith('    {'))).toHaveLength(4);
    // No line numbers: nothing in it changes when the records move.
    expect(text).not.toMatch(/"line"|"ordinal"|"byteOffset"/);
  });

  it('passes on the same findings, also in a re-export in another order, and writes the same baseline for it', async () => {
    expect((await validate(original, '--baseline', baselineFile)).code).toBe(0);
    // The same export, records reversed: every line number changes.
    exportFile(dir, 'export.ndjson', [...legacy].reverse());
    const run = await validate(original, '--baseline', baselineFile, '--reporter', 'json', '--max-warnings', '0');
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as ValidationResult;
    expect(json.issues.every((issue) => issue.baselineState === 'unchanged')).toBe(true);
    expect(json.baseline).toEqual({ new: { error: 0, warning: 0, info: 0 }, unchanged: 5, absent: 0 });
    const again = join(dir, 'again.json');
    await validate(original, '--write-baseline', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(baselineFile, 'utf8'));
    exportFile(dir, 'export.ndjson', legacy);
  });

  it('counts what the baseline knew and the run no longer has as fixed; a record without an id is known by its file', async () => {
    const other = temporaryDirectory('bibpipe-baseline-');
    const fixed = exportFile(other, 'export.ndjson', [record('a'), record('b'), '{"title":"no id"}', record('c', TWO_BAD_ISBNS)]);
    const run = await validate(fixed, '--baseline', baselineFile, '--reporter', 'json');
    const json = JSON.parse(run.stdout) as ValidationResult;
    // b's ISBN and a's duplicate are fixed; the id-less record is in another file: new.
    expect(json.baseline).toEqual({ new: { error: 1, warning: 0, info: 0 }, unchanged: 2, absent: 3 });
    expect(run.code).toBe(1);
  });

  it('fails only on new findings, and every reporter tells new from known', async () => {
    const grown = exportFile(dir, 'export.ndjson', [...legacy.slice(0, 3), record('c', { isbn: ['12345', '678', '9'] }), record('a'), record('e', BAD_ISBN)]);
    const reports = temporaryDirectory('bibpipe-baseline-');
    const run = await validate(grown, '--baseline', baselineFile, '--max-warnings', '1', '--reporter', 'json', '--reporter', `sarif:${reports}/r.sarif`, '--reporter', `github:${reports}/gh.txt`, '--reporter', `junit:${reports}/j.xml`, '--reporter', `text:${reports}/r.txt`);
    // c's third bad ISBN (its key known twice) and e's are new: 2 new warnings > 1.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('too many new warnings (2); maximum allowed is 1');
    const json = JSON.parse(run.stdout) as ValidationResult;
    const fresh = json.issues.filter((issue) => issue.baselineState === 'new').map((issue) => `${issue.code} ${issue.recordId}`);
    expect(fresh).toEqual(['isbn.invalid c', 'isbn.invalid e']);
    const sarif = JSON.parse(readFileSync(join(reports, 'r.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ baselineState?: string }> }> };
    expect(sarif.runs[0]!.results.map((result) => result.baselineState).sort()).toEqual(['new', 'new', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const annotations = readFileSync(join(reports, 'gh.txt'), 'utf8');
    // Known errors are notices: the pull request shows as errors only what fails the gate.
    expect(annotations).not.toContain('::error ');
    expect(annotations.match(/^::notice .*\(in baseline\)/gm)).toHaveLength(5);
    expect(annotations.match(/^::warning /gm)).toHaveLength(2);
    const text = readFileSync(join(reports, 'r.txt'), 'utf8');
    expect(text).toContain('baseline: 2 new (2 warnings), 5 in baseline, 0 fixed');
    expect(text.match(/\(new\)/g)).toHaveLength(2);
    const junit = readFileSync(join(reports, 'j.xml'), 'utf8');
    // Known errors are not failures: the dashboard agrees with the gate (warnings do not fail by default).
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit).testsuites.failures).toBe('0');
  });

  it('a new error fails the run; a missing or broken baseline is a usage error', async () => {
    const broken = exportFile(dir, 'export.ndjson', [...legacy, record('b')]);
    const run = await validate(broken, '--baseline', baselineFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('validation failed: 1 new error');
    const missing = await validate(original, '--baseline', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read the baseline ${join(dir, 'nope.json')}: no such file (write one with --write-baseline)`);
    writeFileSync(join(dir, 'not-a-baseline.json'), '{"findings": 3}');
    const invalid = await validate(original, '--baseline', join(dir, 'not-a-baseline.json'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('not a bibpipe baseline');
  });
});

describe('BaselineMatcher (property)', () => {
  const issueArbitrary = fc.record({
    code: fc.constantFrom('isbn.invalid', 'doi.invalid', 'title.missing'),
    recordId: fc.constantFrom('r1', 'r2', 'r3', undefined),
    field: fc.constantFrom('isbn', 'doi', undefined),
    line: fc.integer({ min: 1, max: 1000 }),
  });
  const toIssue = (value: { code: string; recordId: string | undefined; field: string | undefined; line: number }): Issue => {
    const issue: Issue = { code: value.code, severity: 'warning', message: 'm', source: { file: 'x.ndjson', line: value.line } };
    if (value.recordId !== undefined) issue.recordId = value.recordId;
    if (value.field !== undefined) issue.field = value.field;
    return issue;
  };

  it('knows every finding of any reordering and renumbering, and exactly the extra ones are new (seed printed on failure)', () => {
    fc.assert(
      fc.property(fc.array(issueArbitrary, { maxLength: 40 }), fc.array(issueArbitrary, { maxLength: 5 }), fc.integer(), (base, extra, seed) => {
        const baseline = parseBaseline(serializeBaseline(baselineFromIssues(base.map(toIssue))));
        const shuffled = [...base].map((value, index) => ({ value: { ...value, line: value.line + 7 }, key: (index * 7919 + seed) % 1009 })).sort((a, b) => a.key - b.key).map((entry) => entry.value);
        const matcher = new BaselineMatcher(baseline);
        const states = [...shuffled, ...extra].map((value) => matcher.classify(toIssue(value)));
        expect(states.slice(0, shuffled.length).every((state) => state === 'unchanged')).toBe(true);
        expect(states.slice(shuffled.length).every((state) => state === 'new')).toBe(true);
        expect(matcher.result()).toMatchObject({ unchanged: base.length, absent: 0, new: { warning: extra.length } });
      }),
      { seed: 20_2026, numRuns: 200 },
    );
  });
});

describe('report paths are checked before the run', () => {
  it('a report in a missing folder, or where a file stands for the folder, is a usage error and nothing is written', async () => {
    const dir = temporaryDirectory('bibpipe-report-paths-');
    const input = exportFile(dir, 'in.ndjson', [record('a')]);
    const missing = await validate(input, '--reporter', `sarif:${dir}/no/such/folder/r.sarif`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot write the report ${dir}/no/such/folder/r.sarif: the folder ${dir}/no/such/folder does not exist`);
    expect(existsSync(join(dir, 'no'))).toBe(false);
    writeFileSync(join(dir, 'afile'), '');
    const notFolder = await validate(input, '--report', `${dir}/afile/r.html`, '--write-baseline', join(dir, 'b.json'));
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toContain(`cannot write the report ${dir}/afile/r.html: ${dir}/afile is not a folder`);
    expect(existsSync(join(dir, 'b.json'))).toBe(false);
    mkdirSync(join(dir, 'taken'));
    const isFolder = await validate(input, '--write-baseline', join(dir, 'taken'));
    expect(isFolder.stderr).toContain('cannot write the baseline');
    expect(isFolder.code).toBe(2);
  });
});

describe('--min-severity and --junit-failures', () => {
  it('reports list only findings at or above the level; totals and the gate are unchanged', async () => {
    const dir = temporaryDirectory('bibpipe-min-severity-');
    const input = exportFile(dir, 'in.ndjson', [record('a', BAD_ISBN), '{"title":"no id"}']);
    const run = await validate(input, '--reporter', 'json', '--min-severity', 'error');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as ValidationResult;
    expect(json.issues.map((issue) => issue.code)).toEqual(['id.missing']);
    expect(json.summary.severities).toMatchObject({ error: 1, warning: 1 });
    expect((await validate(input, '--min-severity', 'severe')).stderr).toContain("option '--min-severity <level>' argument 'severe' is invalid");
  });

  it('JUnit: one test case per record; warnings fail only with --junit-failures warning', async () => {
    const dir = temporaryDirectory('bibpipe-junit-');
    const input = exportFile(dir, 'in.ndjson', [record('clean-1'), record('w', BAD_ISBN), record('clean-2')]);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'testsuite' });
    type JUnit = { testsuites: { tests: string; failures: string; testsuite: Array<{ testcase: Array<{ name: string; failure?: unknown }> }> } };
    const lenient = await validate(input, '--reporter', 'junit');
    expect(lenient.code).toBe(0);
    const passing = parser.parse(lenient.stdout) as JUnit;
    expect(passing.testsuites.testsuite[0]!.testcase.map((testcase) => testcase.name)).toEqual(['clean-1', 'w', 'clean-2']);
    expect(passing.testsuites.failures).toBe('0');
    const strict = parser.parse((await validate(input, '--reporter', 'junit', '--junit-failures', 'warning')).stdout) as JUnit;
    expect(strict.testsuites.failures).toBe('1');
    expect(strict.testsuites.testsuite[0]!.testcase[1]!.failure).toBeDefined();
  });
});
