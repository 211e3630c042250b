import type { Issue, Severity, SourcePosition } from '../model/issue.js';
import type { FindingsSource } from '../pipeline/findings.js';
import type { PassedRecord } from '../pipeline/workers/batch-work.js';
import { positionText, recordKey, recordLabel, TOOL_NAME } from './group.js';
import { defineReporter, type ReportData, type ReportOptions } from './types.js';
import { xmlAttribute, xmlText } from './xml-text.js';
import { counted } from '../plural.js';

const RUN_SUITE = `${TOOL_NAME} (run)`;

/** XML 1.0 escapes, the five fast-xml-parser's builder writes (`&` first). */
function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('>', '&gt;').replaceAll('<', '&lt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

const attribute = (name: string, value: string | number): string => ` ${name}="${typeof value === 'number' ? value : escaped(xmlAttribute(value))}"`;

function findingLine(issue: Issue): string {
  const where = positionText(issue.source);
  const known = issue.baselineState === 'unchanged' ? ' (in baseline)' : '';
  return `${issue.severity} ${issue.code}${where ? ` ${where}` : ''}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}${known}`;
}

/** Fails a test case: a finding at or above the threshold that the baseline does not know. */
function failing(issue: Issue, threshold: Severity): boolean {
  if (issue.baselineState === 'unchanged') return false;
  return issue.severity === 'error' || (threshold === 'warning' && issue.severity === 'warning');
}

/** One `<testcase>`, indented for its place in a suite; failing when a finding fails it. */
function testCase(name: string, classname: string, file: string | undefined, issues: readonly Issue[], threshold: Severity): string {
  const open = `    <testcase${attribute('name', name)}${attribute('classname', classname)}${file === undefined ? '' : attribute('file', file)}`;
  if (issues.length === 0) return `${open}/>\n`;
  const body = escaped(xmlText(issues.map(findingLine).join('\n')));
  const failure = issues.find((issue) => failing(issue, threshold));
  const inner = failure
    ? `<failure${attribute('message', `${failure.code}: ${failure.message}`)}${attribute('type', failure.severity)}>${body}</failure>`
    : `<system-out>${body}</system-out>`;
  return `${open}>\n      ${inner}\n    </testcase>\n`;
}

const orderOf = (source: SourcePosition | undefined): number => source?.ordinal ?? source?.line ?? source?.byteOffset ?? 0;

/** About the run (a fill rate, pointing at its config line), not about one record. */
const aboutTheRun = (first: Issue): boolean => first.source === undefined || (first.recordId === undefined && first.source.ordinal === undefined);

/** One input file's test cases: where its records are in the findings, and its counts. */
interface FileSuite {
  file: string;
  issueRanges: Array<[number, number]>;
  passedRanges: Array<[number, number]>;
  tests: number;
  failures: number;
  /** The greatest record position so far of each list, and whether both lists came in order. */
  lastIssueOrder: number;
  lastPassedOrder: number;
  inOrder: boolean;
}

function extend(ranges: Array<[number, number]>, at: number, next: number): void {
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last[1] === at) last[1] = next;
  else ranges.push([at, next]);
}

/** A record's findings with the stretch of the findings they take (`at` up to `next`). */
interface RecordStretch {
  label: string;
  issues: Issue[];
  at: number;
  next: number;
}

/** The records' findings as they come (see groupByRecord), with where each record's stretch is. */
function* recordStretches(findings: FindingsSource, from?: number, to?: number): Iterable<RecordStretch> {
  let key: string | undefined;
  let record: RecordStretch | undefined;
  for (const { value, at, next } of findings.issues(from, to)) {
    const valueKey = recordKey(value);
    if (record !== undefined && valueKey === key) {
      record.issues.push(value);
      record.next = next;
      continue;
    }
    if (record !== undefined) yield record;
    key = valueKey;
    record = { label: recordLabel(value), issues: [value], at, next };
  }
  if (record !== undefined) yield record;
}

/**
 * First pass: the test suites (input files in the order of their first record with
 * findings, then files with passing records only) with their counts, and the findings
 * about the run.
 */
function planSuites(findings: FindingsSource, threshold: Severity): { suites: FileSuite[]; runIssues: Issue[]; recordsWithFindings: number } {
  const byFile = new Map<string, FileSuite>();
  const suiteOf = (file: string): FileSuite => {
    let suite = byFile.get(file);
    if (suite === undefined) byFile.set(file, (suite = { file, issueRanges: [], passedRanges: [], tests: 0, failures: 0, lastIssueOrder: 0, lastPassedOrder: 0, inOrder: true }));
    return suite;
  };
  const runIssues: Issue[] = [];
  let recordsWithFindings = 0;
  for (const record of recordStretches(findings)) {
    if (aboutTheRun(record.issues[0]!)) {
      runIssues.push(...record.issues);
      continue;
    }
    const suite = suiteOf(record.issues[0]!.source!.file);
    extend(suite.issueRanges, record.at, record.next);
    const order = orderOf(record.issues[0]!.source);
    if (order < suite.lastIssueOrder) suite.inOrder = false;
    suite.lastIssueOrder = order;
    suite.tests++;
    recordsWithFindings++;
    if (record.issues.some((issue) => failing(issue, threshold))) suite.failures++;
  }
  for (const { value, at, next } of findings.passed()) {
    const suite = suiteOf(value.source.file);
    extend(suite.passedRanges, at, next);
    const order = orderOf(value.source);
    if (order < suite.lastPassedOrder) suite.inOrder = false;
    suite.lastPassedOrder = order;
    suite.tests++;
  }
  return { suites: [...byFile.values()], runIssues, recordsWithFindings };
}

function* stretchesIn<T>(ranges: ReadonlyArray<[number, number]>, read: (from: number, to: number) => Iterable<T>): Iterable<T> {
  for (const [from, to] of ranges) yield* read(from, to);
}

/**
 * A file's test cases in input order: its records with findings and its passing records,
 * merged by position as they are read; lists that did not come in input order (a library
 * caller's) are sorted in memory instead.
 */
function* fileTestCases(findings: FindingsSource, suite: FileSuite, threshold: Severity): Iterable<string> {
  const withFindings = stretchesIn(suite.issueRanges, (from, to) => recordStretches(findings, from, to))[Symbol.iterator]();
  const passing = stretchesIn(suite.passedRanges, (from, to) => findings.passed(from, to))[Symbol.iterator]();
  if (!suite.inOrder) {
    const placed: Array<{ order: number; testcase: string }> = [];
    for (let record = withFindings.next(); !record.done; record = withFindings.next()) {
      placed.push({ order: orderOf(record.value.issues[0]!.source), testcase: testCase(record.value.label, suite.file, suite.file, record.value.issues, threshold) });
    }
    for (let pass = passing.next(); !pass.done; pass = passing.next()) placed.push({ order: orderOf(pass.value.value.source), testcase: passingCase(pass.value.value, suite.file, threshold) });
    for (const entry of placed.sort((a, b) => a.order - b.order)) yield entry.testcase;
    return;
  }
  let record = withFindings.next();
  let pass = passing.next();
  while (!record.done || !pass.done) {
    // On a tie the record with findings first, as a stable sort of findings-then-passing gives.
    if (!record.done && (pass.done || orderOf(record.value.issues[0]!.source) <= orderOf(pass.value.value.source))) {
      yield testCase(record.value.label, suite.file, suite.file, record.value.issues, threshold);
      record = withFindings.next();
    } else if (!pass.done) {
      yield passingCase(pass.value.value, suite.file, threshold);
      pass = passing.next();
    }
  }
}

function passingCase({ recordId, source }: PassedRecord, file: string, threshold: Severity): string {
  return testCase(recordLabel({ code: '', severity: 'info', message: '', recordId, source }), file, file, [], threshold);
}

const suiteOpen = (name: string, tests: number, failures: number): string => `  <testsuite${attribute('name', name)}${attribute('tests', tests)}${attribute('failures', failures)} errors="0" skipped="0">\n`;
const SUITE_CLOSE = '  </testsuite>\n';

/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one testsuite per input file,
 * one testcase per record (passing when it has no finding), and a suite for findings about
 * the whole run. A test case fails on an error, or also on a warning with
 * `junitFailures: 'warning'`, unless the baseline knows the finding: the dashboard then
 * fails exactly when the gate does. Written in two passes over the findings: the counts
 * first (they are attributes of the enclosing elements), then the test cases.
 */
export const junitReporter = defineReporter({
  name: 'junit',
  description: 'JUnit XML: one testsuite per input file, one testcase per record; errors fail (--junit-failures warning: warnings too)',
  *pieces(report: ReportData, options: ReportOptions = {}): Iterable<string> {
    const threshold = options.junitFailures ?? 'error';
    const { findings } = report;
    const { suites, runIssues, recordsWithFindings } = planSuites(findings, threshold);
    // Without the list of passing records, they are one test case, so that the totals still add up.
    const passing = Math.max(report.summary.read - recordsWithFindings, 0);
    const summaryCase = !findings.listsPassed && (passing > 0 || suites.length === 0);
    const runRules = new Map<string, Issue[]>();
    for (const issue of runIssues) runRules.set(issue.code, [...(runRules.get(issue.code) ?? []), issue]);
    const runCases = [...runRules].map(([code, issues]) => testCase(code, RUN_SUITE, undefined, issues, threshold));
    const runFailures = [...runRules.values()].filter((issues) => issues.some((issue) => failing(issue, threshold))).length;
    const tests = suites.reduce((sum, suite) => sum + suite.tests, 0) + (summaryCase ? 1 : 0) + runCases.length;
    const failures = suites.reduce((sum, suite) => sum + suite.failures, 0) + runFailures;
    const open = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attribute('name', `${TOOL_NAME} validate`)}${attribute('tests', tests)}${attribute('failures', failures)} errors="0"`;
    // An element without children closes itself, as the XML builder writes it.
    if (suites.length === 0 && !summaryCase && runCases.length === 0) {
      yield `${open}/>\n`;
      return;
    }
    yield `${open}>\n`;
    for (const suite of suites) {
      yield suiteOpen(suite.file, suite.tests, suite.failures);
      yield* fileTestCases(findings, suite, threshold);
      yield SUITE_CLOSE;
    }
    if (summaryCase) yield `${suiteOpen(TOOL_NAME, 1, 0)}${testCase(`${counted(passing, 'record')} without findings`, TOOL_NAME, undefined, [], threshold)}${SUITE_CLOSE}`;
    if (runCases.length > 0) yield `${suiteOpen(RUN_SUITE, runCases.length, runFailures)}${runCases.join('')}${SUITE_CLOSE}`;
    yield '</testsuites>\n';
  },
});
