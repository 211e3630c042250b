import { XMLBuilder } from 'fast-xml-parser';
import type { Issue } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';
import { groupByRecord, groupByRule, positionText, TOOL_NAME } from './group.js';
import type { Reporter } from './types.js';
import { xmlAttribute, xmlText } from './xml-text.js';
import { counted } from '../plural.js';

interface TestCase {
  '@_name': string;
  '@_classname': string;
  '@_file'?: string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  'system-out'?: string;
}

function findingLine(issue: Issue): string {
  const where = positionText(issue.source);
  return `${issue.severity}${where ? ` ${where}` : ''}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`;
}

/** One testcase per record: failed when the rule found an error or warning there. */
function testCase(code: string, record: string, issues: readonly Issue[]): TestCase {
  const testcase: TestCase = { '@_name': xmlAttribute(record), '@_classname': `${TOOL_NAME}.${code}` };
  const file = issues[0]?.source?.file;
  if (file !== undefined) testcase['@_file'] = xmlAttribute(file);
  const body = xmlText(issues.map(findingLine).join('\n'));
  const failing = issues.find((issue) => issue.severity !== 'info');
  if (failing) testcase.failure = { '@_message': xmlAttribute(failing.message), '@_type': failing.severity, '#text': body };
  else testcase['system-out'] = body;
  return testcase;
}

/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one testsuite per rule, one
 * testcase per record with findings of that rule. Errors and warnings are failures; info
 * findings are passing testcases with the message in system-out.
 */
export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one testsuite per rule, one testcase per record with findings',
  render(result: ValidationResult): string {
    const suites = groupByRule(result.issues).map(([code, issues]) => {
      const testcases = groupByRecord(issues).map(([record, recordIssues]) => testCase(code, record, recordIssues));
      const failures = testcases.filter((testcase) => testcase.failure).length;
      return { '@_name': code, '@_tests': testcases.length, '@_failures': failures, '@_errors': 0, '@_skipped': 0, testcase: testcases };
    });
    if (suites.length === 0) {
      // An empty report would look like "no tests ran" on dashboards: say that all records passed.
      const testcase = { '@_name': counted(result.summary.read, 'record'), '@_classname': TOOL_NAME };
      suites.push({ '@_name': TOOL_NAME, '@_tests': 1, '@_failures': 0, '@_errors': 0, '@_skipped': 0, testcase: [testcase] });
    }
    const tests = suites.reduce((sum, suite) => sum + suite['@_tests'], 0);
    const failures = suites.reduce((sum, suite) => sum + suite['@_failures'], 0);
    const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true });
    const xml: string = builder.build({
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      testsuites: { '@_name': `${TOOL_NAME} validate`, '@_tests': tests, '@_failures': failures, '@_errors': 0, testsuite: suites },
    });
    return xml.endsWith('\n') ? xml : `${xml}\n`;
  },
};
