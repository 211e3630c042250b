import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { artifactUri, sarifReporter } from '../src/report/sarif.js';
import { RULES } from '../src/model/rules.js';
import { expectGolden, sampleResult } from './helpers/report-fixture.js';

/**
 * The SARIF 2.1.0 requirements (OASIS spec, sarif-schema-2.1.0.json) that apply to what
 * bibpipe writes: required properties, enums, and the formats of numbers and URIs.
 * No schema package is installed offline; this restates the schema's required parts.
 */
const Message = z.object({ text: z.string().min(1) });
const Uri = z.string().refine((uri) => {
  try {
    new URL(uri, 'file:///repository/');
    return true;
  } catch {
    return false;
  }
}, 'a URI reference');
const Level = z.enum(['none', 'note', 'warning', 'error']);
const ReportingDescriptor = z.object({
  id: z.string().min(1),
  shortDescription: Message.optional(),
  fullDescription: Message.optional(),
  helpUri: z.string().url().optional(),
  defaultConfiguration: z.object({ level: Level }).optional(),
});
const Location = z.object({
  physicalLocation: z.object({
    artifactLocation: z.object({ uri: Uri }),
    region: z.object({ startLine: z.number().int().min(1) }).optional(),
  }),
});
const Result = z.object({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  level: Level.optional(),
  message: Message,
  locations: z.array(Location).optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
const SarifLog = z.object({
  $schema: z.string().url().optional(),
  version: z.literal('2.1.0'),
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ name: z.string().min(1), version: z.string().optional(), informationUri: z.string().url().optional(), rules: z.array(ReportingDescriptor).optional() }) }),
      results: z.array(Result).optional(),
    }),
  ).min(1),
});

describe('sarif reporter', () => {
  const log = SarifLog.parse(JSON.parse(sarifReporter.render(sampleResult(), { toolVersion: '0.0.0-test' })));
  const run = log.runs[0]!;

  it('matches its golden file', () => {
    expectGolden('report.sarif', sarifReporter.render(sampleResult(), { toolVersion: '0.0.0-test' }));
  });

  it('declares every rule of the catalogue, each result pointing at its rule', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(RULES));
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
    expect(rules.find((rule) => rule.id === 'doi.invalid')?.helpUri).toMatch(/#rule-doi-invalid$/);
  });

  it('maps severities to SARIF levels and records to physical locations', () => {
    const results = run.results ?? [];
    expect(results.map((result) => result.level)).toEqual(['error', 'warning', 'warning', 'warning', 'note', 'error']);
    expect(results[0]?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'data/export.json' }, region: { startLine: 12 } });
    expect(results[5]?.locations).toBeUndefined();
  });

  it('encodes file paths as URIs that decode back to the path', () => {
    const uri = artifactUri('data/my export, 100%: v2.json') ?? '';
    expect(decodeURIComponent(new URL(uri, 'file:///repository/').pathname)).toBe('/repository/data/my export, 100%: v2.json');
    expect(fileURLToPath(artifactUri('/tmp/a b#c.json') ?? '')).toBe('/tmp/a b#c.json');
    expect(artifactUri('-')).toBeUndefined();
  });
});
