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

  it('has the JUnit shape: testsuites > testsuite@name,tests,failures > testcase@name,classname > failure@message', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult()));
    expect(testsuites.testsuite.map((suite) => suite.name)).toEqual(['doi.invalid', 'fill-rate.below-minimum', 'id.duplicate', 'inferred.value', 'title.missing']);
    for (const suite of testsuites.testsuite) {
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((testcase) => testcase.failure).length);
      for (const testcase of suite.testcase) {
        expect(testcase.name).not.toBe('');
        expect(testcase.classname).toBe(`bibpipe.${suite.name}`);
        if (testcase.failure) expect(testcase.failure.message).not.toBe('');
      }
    }
    expect(Number(testsuites.tests)).toBe(6);
    expect(Number(testsuites.failures)).toBe(5);
  });

  it('makes one testcase per record, with the record id escaped and restored by a parser', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult()));
    const doi = testsuites.testsuite.find((suite) => suite.name === 'doi.invalid');
    expect(doi?.testcase.map((testcase) => testcase.name)).toEqual([HOSTILE_ID, 'rec-2']);
    expect(doi?.testcase[0]?.file).toBe('data/my export, 100%: v2.json');
    expect(doi?.testcase[0]?.failure?.type).toBe('warning');
    // The C0 control character cannot be carried by XML 1.0: it is replaced, not passed through.
    expect(doi?.testcase[0]?.failure?.['#text']).toContain('\uFFFD');
  });

  it('keeps info findings as passing testcases', () => {
    const { testsuites } = parse(junitReporter.render(sampleResult()));
    const info = testsuites.testsuite.find((suite) => suite.name === 'inferred.value');
    expect(info?.failures).toBe('0');
    expect(info?.testcase[0]?.['system-out']).toContain('J Biol');
  });

  it('reports a passing testcase when there are no findings', () => {
    const summary = { ...emptySummary(), read: 3, converted: 3 };
    const { testsuites } = parse(junitReporter.render({ summary, issues: [], truncated: false }));
    expect(testsuites.testsuite).toHaveLength(1);
    expect(testsuites.testsuite[0]?.testcase[0]?.name).toBe('3 records');
    expect(testsuites.failures).toBe('0');
  });
});
