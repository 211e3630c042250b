import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { PROJECT_ROOT } from './helpers/shared.js';
import { artifactUri, sarifReporter } from '../src/report/sarif.js';
import { RULES } from '../src/model/rules.js';
import { expectGolden, sampleResult } from './helpers/report-fixture.js';

/**
 * Every log bibpipe writes is checked against the SARIF 2.1.0 JSON schema (the final 2.1.0
 * schema as SchemaStore publishes it, shipped by Microsoft's @microsoft/jest-sarif, a dev
 * dependency kept for this file only), with ajv: the schema is draft-04, so ajv's draft-04
 * class, and ajv-formats for its `uri` and `date-time` formats.
 */
const SARIF_SCHEMA_FILE = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const SARIF_SCHEMA = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
// Both are CommonJS with the class (function) also on `.default`, which is what NodeNext types see.
// The schema's language pattern is not valid with the u flag (fixed only in the 2.1.0 errata): plain RegExp.
const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

function schemaValid(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors?.map((error: { instancePath: string; message?: string }) => `${error.instancePath} ${error.message}`)).toEqual([]);
  return log;
}

describe('sarif reporter', () => {
  const log = schemaValid(sarifReporter.render(sampleResult(), { toolVersion: '0.0.0-test', inputs: ['data/export.json'] }));
  const run = log.runs[0]!;

  it('matches its golden file', () => {
    expectGolden('report.sarif', sarifReporter.render(sampleResult(), { toolVersion: '0.0.0-test', inputs: ['data/export.json'] }));
  });

  it('declares every rule of the catalogue, each result pointing at its rule', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(RULES));
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
    // No link to a page that does not exist: the rule's help is inside the log.
    for (const rule of rules) expect(rule.helpUri, rule.id).toBeUndefined();
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(rules.find((rule) => rule.id === 'doi.invalid')?.help?.text).toContain(RULES['doi.invalid'].description);
  });

  it('maps severities to SARIF levels and records to physical locations', () => {
    const results = run.results ?? [];
    expect(results.map((result) => result.level)).toEqual(['error', 'warning', 'warning', 'warning', 'note', 'error']);
    expect(results[0]?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'data/export.json' }, region: { startLine: 12 } });
    // A finding about the run points at the first input (GitHub refuses results without a location).
    expect(results[5]?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'data/export.json' } });
    for (const result of results) expect(result.locations?.length, result.ruleId).toBe(1);
  });

  it('is schema-valid with every kind of input and a baseline, and every result has a location', () => {
    const result = sampleResult();
    const issues = result.issues.map((issue, index) => ({ ...issue, baselineState: index % 2 === 0 ? ('new' as const) : ('unchanged' as const) }));
    // A record read from stdin, and a fill rate pointing at its config line.
    issues.push({ code: 'title.missing', severity: 'warning', message: 'The record has no title', recordId: 's', source: { file: '-', line: 1, ordinal: 1 }, field: 'title', baselineState: 'new' });
    issues.push({ ...issues[5]!, source: { file: 'bibpipe.config.json', line: 4 } });
    const baseline = { new: { error: 1, warning: 2, info: 0 }, unchanged: 3, absent: 1 };
    for (const inputs of [['-'], ['solr+https://solr.example.org/solr/biblio'], ['/abs/path with space/x.json'], []]) {
      const parsed = schemaValid(sarifReporter.render({ ...result, issues, baseline }, { inputs }));
      const results = parsed.runs[0]!.results ?? [];
      for (const entry of results) expect(entry.locations?.[0]?.physicalLocation?.artifactLocation?.uri, JSON.stringify(entry)).toBeTruthy();
      expect(results.map((entry) => entry.baselineState)).toEqual(issues.map((issue) => issue.baselineState));
      expect(results.at(-1)?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'bibpipe.config.json' }, region: { startLine: 4 } });
    }
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const broken = JSON.parse(sarifReporter.render(sampleResult())) as Log;
    delete (broken.runs[0]!.results![0] as { message?: unknown }).message;
    expect(validateSarif(broken)).toBe(false);
  });

  it('encodes file paths as URIs that decode back to the path', () => {
    const uri = artifactUri('data/my export, 100%: v2.json') ?? '';
    expect(decodeURIComponent(new URL(uri, 'file:///repository/').pathname)).toBe('/repository/data/my export, 100%: v2.json');
    expect(fileURLToPath(artifactUri('/tmp/a b#c.json') ?? '')).toBe('/tmp/a b#c.json');
    expect(artifactUri('-')).toBeUndefined();
  });
});
