import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Issue, Severity } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';
import { RULES, ruleDocsUrl } from '../model/rules.js';
import { TOOL_NAME, TOOL_VERSION } from './group.js';
import type { ReportOptions, Reporter } from './types.js';

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
    helpUri: ruleDocsUrl(code),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

function sarifResult(issue: Issue): Result {
  const result: Result = {
    ruleId: issue.code,
    level: LEVEL[issue.severity],
    message: { text: issue.recordId !== undefined ? `${issue.recordId}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}` : issue.message },
  };
  const ruleIndex = RULE_CODES.indexOf(issue.code);
  if (ruleIndex >= 0) result.ruleIndex = ruleIndex;
  const uri = issue.source ? artifactUri(issue.source.file) : undefined;
  if (uri !== undefined) {
    const line = issue.source?.line;
    result.locations = [{ physicalLocation: { artifactLocation: { uri }, ...(line !== undefined ? { region: { startLine: line } } : {}) } }];
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
export const sarifReporter: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 (GitHub code scanning and other static-analysis dashboards)',
  render(result: ValidationResult, options: ReportOptions = {}): string {
    const log: Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: TOOL_NAME,
              version: options.toolVersion ?? TOOL_VERSION,
              informationUri: 'https://www.npmjs.com/package/bibpipe',
              rules: RULE_CODES.map(ruleDescriptor),
            },
          },
          results: result.issues.map(sarifResult),
          properties: { summary: result.summary, truncated: result.truncated },
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
