import { XMLBuilder } from 'fast-xml-parser';
import type { Issue, Severity, SourcePosition } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';
import { groupByRecord, positionText, recordLabel, TOOL_NAME } from './group.js';
import type { ReportOptions, Reporter } from './types.js';
import { xmlAttribute, xmlText } from './xml-text.js';
import { counted } from '../plural.js';

interface TestCase {
  '@_name': string;
  '@_classname': string;
  '@_file'?: string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  'system-out'?: string;
}

interface TestSuite {
  '@_name': string;
  '@_tests': number;
  '@_failures': number;
  '@_errors': 0;
  '@_skipped': 0;
  testcase: TestCase[];
}

/** A record's place in its input, for ordering the test cases as the records came. */
interface Placed {
  file: string;
  order: number;
  testcase: TestCase;
}

const RUN_SUITE = `${TOOL_NAME} (run)`;

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

function testCase(name: string, classname: string, file: string | undefined, issues: readonly Issue[], threshold: Severity): TestCase {
  const testcase: TestCase = { '@_name': xmlAttribute(name), '@_classname': xmlAttribute(classname) };
  if (file !== undefined) testcase['@_file'] = xmlAttribute(file);
  if (issues.length === 0) return testcase;
  const body = xmlText(issues.map(findingLine).join('\n'));
  const failure = issues.find((issue) => failing(issue, threshold));
  if (failure) testcase.failure = { '@_message': xmlAttribute(`${failure.code}: ${failure.message}`), '@_type': failure.severity, '#text': body };
  else testcase['system-out'] = body;
  return testcase;
}

const orderOf = (source: SourcePosition | undefined): number => source?.ordinal ?? source?.line ?? source?.byteOffset ?? 0;

function suite(name: string, testcases: TestCase[]): TestSuite {
  const failures = testcases.filter((testcase) => testcase.failure).length;
  return { '@_name': xmlAttribute(name), '@_tests': testcases.length, '@_failures': failures, '@_errors': 0, '@_skipped': 0, testcase: testcases };
}

/** Test cases by input file, each file's in input order; findings about the run in a suite of their own. */
function suites(result: ValidationResult, threshold: Severity): TestSuite[] {
  const placed: Placed[] = [];
  const runIssues: Issue[] = [];
  for (const [label, issues] of groupByRecord(result.issues)) {
    const source = issues[0]?.source;
    // About the run (a fill rate, pointing at its config line), not about one record.
    if (source === undefined || (issues[0]!.recordId === undefined && source.ordinal === undefined)) {
      runIssues.push(...issues);
      continue;
    }
    placed.push({ file: source.file, order: orderOf(source), testcase: testCase(label, source.file, source.file, issues, threshold) });
  }
  for (const record of result.passed ?? []) {
    const label = recordLabel({ code: '', severity: 'info', message: '', recordId: record.recordId, source: record.source });
    placed.push({ file: record.source.file, order: orderOf(record.source), testcase: testCase(label, record.source.file, record.source.file, [], threshold) });
  }
  const byFile = new Map<string, Placed[]>();
  for (const entry of placed) {
    const list = byFile.get(entry.file);
    if (list) list.push(entry);
    else byFile.set(entry.file, [entry]);
  }
  const out = [...byFile].map(([file, entries]) => suite(file, entries.sort((a, b) => a.order - b.order).map((entry) => entry.testcase)));
  if (result.passed === undefined) {
    // Without the list of passing records, they are one test case, so that the totals still add up.
    const withFindings = placed.length;
    const passing = Math.max(result.summary.read - withFindings, 0);
    if (passing > 0 || out.length === 0) out.push(suite(TOOL_NAME, [testCase(`${counted(passing, 'record')} without findings`, TOOL_NAME, undefined, [], threshold)]));
  }
  if (runIssues.length > 0) {
    const byRule = new Map<string, Issue[]>();
    for (const issue of runIssues) byRule.set(issue.code, [...(byRule.get(issue.code) ?? []), issue]);
    out.push(suite(RUN_SUITE, [...byRule].map(([code, issues]) => testCase(code, RUN_SUITE, undefined, issues, threshold))));
  }
  return out;
}

/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one testsuite per input file,
 * one testcase per record (passing when it has no finding), and a suite for findings about
 * the whole run. A test case fails on an error, or also on a warning with
 * `junitFailures: 'warning'`, unless the baseline knows the finding: the dashboard then
 * fails exactly when the gate does.
 */
export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one testsuite per input file, one testcase per record; errors fail (--junit-failures warning: warnings too)',
  render(result: ValidationResult, options: ReportOptions = {}): string {
    const testsuites = suites(result, options.junitFailures ?? 'error');
    const tests = testsuites.reduce((sum, entry) => sum + entry['@_tests'], 0);
    const failures = testsuites.reduce((sum, entry) => sum + entry['@_failures'], 0);
    const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true });
    const xml: string = builder.build({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      testsuites: { '@_name': `${TOOL_NAME} validate`, '@_tests': tests, '@_failures': failures, '@_errors': 0, testsuite: testsuites },
    });
    return xml.endsWith('\n') ? xml : `${xml}\n`;
  },
};
