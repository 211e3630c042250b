import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Issue, Severity } from '../model/issue.js';
import { ARRAY_SLOT, jsonPieces } from './json-pieces.js';
import { RULES } from '../model/rules.js';
import { ruleHelpText } from './rule-help.js';
import { TOOL_NAME, TOOL_VERSION } from './group.js';
import { defineReporter, type ReportData, type ReportOptions } from './types.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

const RULE_CODES = Object.keys(RULES);

/** An input path as a SARIF artifact URI: relative paths stay relative (to the repository root). */
export function artifactUri(file: string): string | undefined {
  if (file === '-') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function ruleDescriptor(code: string): ReportingDescriptor {
  const rule = RULES[code as keyof typeof RULES];
  return {
    id: code,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Example: ${rule.example}` },
    // The help travels inside the log (no helpUri: there is no web page to point at, and
    // code-scanning dashboards show `help` as the rule's documentation).
    help: { text: ruleHelpText(code, rule) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/**
 * Where a finding without a place of its own points (one about the run, a record read from
 * stdin): the first input, so that every result has a location (GitHub code scanning refuses
 * results without one).
 */
function fallbackUri(inputs: readonly string[] | undefined): string {
  for (const input of inputs ?? []) {
    const uri = artifactUri(input);
    if (uri !== undefined) return uri;
  }
  return 'stdin';
}

function sarifResult(issue: Issue, fallback: string): Result {
  const result: Result = {
    ruleId: issue.code,
    level: LEVEL[issue.severity],
    message: { text: issue.recordId !== undefined ? `${issue.recordId}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}` : issue.message },
  };
  const ruleIndex = RULE_CODES.indexOf(issue.code);
  if (ruleIndex >= 0) result.ruleIndex = ruleIndex;
  const uri = (issue.source ? artifactUri(issue.source.file) : undefined) ?? fallback;
  const line = issue.source?.line;
  result.locations = [{ physicalLocation: { artifactLocation: { uri }, ...(line !== undefined ? { region: { startLine: line } } : {}) } }];
  if (issue.baselineState !== undefined) result.baselineState = issue.baselineState;
  // A duplicate points at the record it repeats.
  const relatedUri = issue.related ? artifactUri(issue.related.file) : undefined;
  if (issue.related && relatedUri !== undefined) {
    const line = issue.related.line;
    result.relatedLocations = [
      {
        id: 1,
        message: { text: `first record${issue.related.recordId === undefined ? '' : ` "${issue.related.recordId}"`}` },
        physicalLocation: { artifactLocation: { uri: relatedUri }, ...(line !== undefined ? { region: { startLine: line } } : {}) },
      },
    ];
  }
  // Lets code scanning follow one finding across runs even when line numbers move.
  const identity = createHash('sha256').update(JSON.stringify([issue.code, issue.recordId ?? '', issue.field ?? '', issue.source?.file ?? ''])).digest('hex');
  result.partialFingerprints = { 'bibpipeFinding/v1': identity.slice(0, 32) };
  const properties: Record<string, unknown> = {};
  if (issue.recordId !== undefined) properties.recordId = issue.recordId;
  if (issue.field !== undefined) properties.field = issue.field;
  if (issue.actual !== undefined) properties.actual = issue.actual;
  if (issue.expected !== undefined) properties.expected = issue.expected;
  if (issue.source?.ordinal !== undefined) properties.ordinal = issue.source.ordinal;
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

/** SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, GitLab): every rule, every finding. */
export const sarifReporter = defineReporter({
  name: 'sarif',
  description: 'SARIF 2.1.0 (GitHub code scanning and other static-analysis dashboards)',
  *pieces(report: ReportData, options: ReportOptions = {}): Iterable<string> {
    const fallback = fallbackUri(options.inputs);
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: TOOL_NAME,
              version: options.toolVersion ?? TOOL_VERSION,
              rules: RULE_CODES.map(ruleDescriptor),
            },
          },
          results: ARRAY_SLOT,
          properties: { summary: report.summary, truncated: report.truncated, ...(report.baseline ? { baseline: report.baseline } : {}) },
        },
      ],
    } satisfies Omit<Log, 'runs'> & { runs: Array<Omit<Log['runs'][number], 'results'> & { results: typeof ARRAY_SLOT }> };
    yield* jsonPieces(log, results(report, fallback), 2);
    yield '\n';
  },
});

function* results(report: ReportData, fallback: string): Iterable<Result> {
  for (const { value } of report.findings.issues()) yield sarifResult(value, fallback);
}
