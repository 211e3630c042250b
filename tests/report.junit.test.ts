import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitReporter } from '../src/report/junit.js';
import { expectGolden, HOSTILE_ID, sampleResult } from './helpers/report-fixture.js';
import { emptySummary } from '../src/pipeline/counts.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), parseAttributeValue: false });

interface TestCase { name: string; classname: string; file?: string; failure?: { message: string; type: string; '#text': string }; 'system-out'?: string }
interface TestSuite { name: string; tests: string; failures: string; errors: string; testcase: TestCase[] }
interface JUnit { testsuites: { name: string; tests: string; failures: string; testsuite: TestSuite[] } }

function parse(xml: string): JUnit {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as JUnit;
}

describe('junit reporter', () => {
  it('matches its golden file', () => {
    expectGolden('junit.xml', junitReporter.render(sampleResult()));
  });

  it('has the JUnit shape: testsuites > testsuite (one per input file) > testcase (one per record) > failure on errors only', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult()));
    expect(testsuites.testsuite.map((suite) => suite.name)).toEqual(['data/export.json', 'data/my export, 100%: v2.json', 'bibpipe', 'bibpipe (run)']);
    for (const suite of testsuites.testsuite) {
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((testcase) => testcase.failure).length);
      for (const testcase of suite.testcase) {
        expect(testcase.name).not.toBe('');
        if (testcase.failure) expect(testcase.failure.type).toBe('error');
      }
    }
    // rec-1 (duplicate id: error), rec-2 (warnings: passing), the hostile record (warning: passing),
    // the 3 records without findings, and the fill rate (error).
    expect(Number(testsuites.tests)).toBe(5);
    expect(Number(testsuites.failures)).toBe(2);
  });

  it('--junit-failures warning: warnings fail their test case too', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult(), { junitFailures: 'warning' }));
    expect(Number(testsuites.failures)).toBe(4);
    const hostile = testsuites.testsuite.find((suite) => suite.name === 'data/my export, 100%: v2.json')!.testcase[0]!;
    expect(hostile.name).toBe(HOSTILE_ID);
    expect(hostile.failure?.type).toBe('warning');
    // The C0 control character cannot be carried by XML 1.0: it is replaced, not passed through.
    expect(hostile.failure?.['#text']).toContain('\uFFFD');
  });

  it('puts all of a record\'s findings in its one test case, info findings in system-out of a passing one', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult()));
    const rec2 = testsuites.testsuite.find((suite) => suite.name === 'data/export.json')!.testcase.find((testcase) => testcase.name === 'rec-2')!;
    expect(rec2.failure).toBeUndefined();
    expect(rec2['system-out']).toContain('doi.invalid');
    expect(rec2['system-out']).toContain('title.missing');
    expect(rec2['system-out']).toContain('J Biol');
  });

  it('lists records without findings as passing test cases, in input order', () => {
    const summary = { ...emptySummary(), read: 3, converted: 3 };
    const passed = ['a', 'b', 'c'].map((id, index) => ({ recordId: id, source: { file: 'x.ndjson', line: index + 1, ordinal: index + 1 } }));
    const { testsuites } = parse(junitReporter.render({ summary, issues: [], truncated: false, passed: [passed[2]!, passed[0]!, passed[1]!] }));
    expect(testsuites.testsuite[0]?.testcase.map((testcase) => testcase.name)).toEqual(['a', 'b', 'c']);
    expect(testsuites.failures).toBe('0');
    // Without the list (a library caller), the records without findings are one test case.
    const unlisted = parse(junitReporter.render({ summary, issues: [], truncated: false }));
    expect(unlisted.testsuites.testsuite[0]?.testcase[0]?.name).toBe('3 records without findings');
  });
});
