import { createHash } from 'node:crypto';
import type { Issue } from '../model/issue.js';
import { tallyRules, valuesOf } from '../pipeline/findings.js';
import { ARRAY_SLOT, jsonPieces } from './json-pieces.js';
import { RULES } from '../model/rules.js';
import { actualText, positionText, recordLabel, TOOL_NAME, TOOL_VERSION } from './group.js';
import { REPORT_CSS, REPORT_JS } from './html-assets.js';
import { defineReporter, type ReportData, type ReportOptions } from './types.js';

/** Most findings listed in the page's table (the counts include all of them). */
export const MAX_HTML_FINDINGS = 20_000;

interface Finding {
  code: string;
  severity: string;
  record: string;
  field: string;
  value: string;
  position: string;
  message: string;
}

function finding(issue: Issue): Finding {
  return {
    code: issue.code,
    severity: issue.severity,
    record: recordLabel(issue),
    field: issue.field ?? '',
    value: actualText(issue.actual) ?? '',
    position: positionText(issue.source),
    message: issue.baselineState === 'unchanged' ? `${issue.message} (in baseline)` : issue.message,
  };
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` as \u escapes (no
 * `</script>` or `<!--` can end the element early) and the JS line separators escaped.
 */
export function jsonForScript(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text made safe inside a `<script>` element (see jsonForScript). */
function scriptSafe(json: string): string {
  return json
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** Counts per rule from the summary (all findings), severity from the listed ones or the rule's default. */
function ruleCounts(report: ReportData): Array<{ code: string; count: number; severity: string }> {
  const listed = tallyRules(valuesOf(report.findings.issues()));
  return Object.entries(report.summary.issues)
    .map(([code, count]) => {
      const severity = listed.get(code)?.worst ?? RULES[code as keyof typeof RULES]?.severity ?? 'info';
      return { code, count, severity };
    })
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

/** The first findings of the page's table. */
function* firstFindings(report: ReportData): Iterable<Finding> {
  let count = 0;
  for (const { value } of report.findings.issues()) {
    if (count++ === MAX_HTML_FINDINGS) return;
    yield finding(value);
  }
}

/**
 * One self-contained page (inline CSS and JS, no network): totals, findings by rule with
 * bars, raw field fill rates, a filterable table of findings and the rule descriptions.
 * All data travels as escaped JSON and is put into the page with textContent; a CSP with
 * the hashes of the inline style and script forbids anything else from running.
 */
export const htmlReporter = defineReporter({
  name: 'html',
  description: 'a self-contained HTML page: totals, findings by rule, fill rates, filterable findings',
  *pieces(report: ReportData, options: ReportOptions = {}): Iterable<string> {
    const listed = Math.min(report.findings.issueCount, MAX_HTML_FINDINGS);
    const fill = report.fieldFill;
    const data = {
      summary: report.summary,
      ruleCounts: ruleCounts(report),
      fieldFill: fill ? { records: fill.records, untrackedFields: fill.untrackedFields, fields: Object.entries(fill.fields).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)) } : undefined,
      findings: ARRAY_SLOT,
      findingsLeftOut: report.summary.severities.error + report.summary.severities.warning + report.summary.severities.info - listed,
      rules: Object.entries(RULES).map(([code, rule]) => ({ code, severity: rule.severity, description: rule.description, example: rule.example })),
    };
    const csp = `default-src 'none'; style-src ${sha256Source(REPORT_CSS)}; script-src ${sha256Source(REPORT_JS)}; base-uri 'none'; form-action 'none'`;
    const version = options.toolVersion ?? TOOL_VERSION;
    yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${version.replace(/[^0-9A-Za-z.+-]/g, '')}">
<title>bibpipe validation report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>bibpipe validation report</h1>
<noscript><p>This report needs JavaScript to show its data; the JSON reporter gives the same content.</p></noscript>
<ul class="totals" id="totals"></ul>
<h2>Findings by rule</h2>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th><th></th></tr></thead><tbody id="by-rule"></tbody></table>
<h2>Field fill rates</h2>
<p class="note">Share of records having each raw Solr field (present and not empty).</p>
<table><thead><tr><th>Field</th><th>Share</th><th>Records</th><th></th></tr></thead><tbody id="fill-rates"></tbody></table>
<p class="note" id="fill-note"></p>
<h2>Findings</h2>
<div class="filters">
<label>Rule <select id="filter-rule"><option value="">all rules</option></select></label>
<label>Severity <select id="filter-severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>
<label>Text <input id="filter-text" type="search" placeholder="record id, field, value, message"></label>
<span class="note" id="shown-count" aria-live="polite"></span>
</div>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Record</th><th>Field</th><th>Value</th><th>Source</th><th>Message</th></tr></thead><tbody id="findings"></tbody></table>
<p class="note" id="findings-note"></p>
<h2>Rules</h2>
<table><thead><tr><th>Code</th><th>Default</th><th>What it means</th><th>Example</th></tr></thead><tbody id="rules"></tbody></table>
<script type="application/json" id="bibpipe-data">`;
    // Escaped piece by piece: every escape replaces one character, so the pieces escape as the whole would.
    for (const piece of jsonPieces(data, firstFindings(report), 0)) yield scriptSafe(piece);
    yield `</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
  },
});
