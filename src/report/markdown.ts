import type { Issue } from '../model/issue.js';
import { ruleGroups, tallyRules, valuesOf } from '../pipeline/findings.js';
import { counted } from '../plural.js';
import { baselineText, positionText, recordLabel } from './group.js';
import { defineReporter, type ReportData } from './types.js';

/** Most findings listed one by one (GitHub shows at most 1 MiB of a step summary). */
export const MAX_MARKDOWN_FINDINGS = 50;

/**
 * A table cell from record data: no markup, no line breaks, no cell end. HTML-escaped, and
 * Markdown's punctuation backslash-escaped, so that a value cannot become a link or an image.
 */
export function markdownCell(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll(/[\\`*_{}[\]()#+!|~]/g, (char) => `\\${char}`)
    .replaceAll(/[\r\n]+/g, ' ')
    // Other C0/C1 controls would be dropped or shown raw by the renderer.
    .replaceAll(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

function findingRow(issue: Issue): string {
  const state = issue.baselineState === undefined ? '' : issue.baselineState === 'new' ? ' | new' : ' | in baseline';
  return `| ${issue.severity} | \`${issue.code}\` | ${markdownCell(recordLabel(issue))} | ${markdownCell(issue.field ?? '')} | ${markdownCell(positionText(issue.source))} | ${markdownCell(issue.message)}${state} |`;
}

/**
 * A Markdown summary for people: the GitHub Action writes it to `$GITHUB_STEP_SUMMARY`, and
 * it fits a merge request comment. Totals, findings by rule, and the first findings.
 */
export const markdownReporter = defineReporter({
  name: 'markdown',
  description: 'a Markdown summary (totals, findings by rule, the first findings): for $GITHUB_STEP_SUMMARY or a review comment',
  *pieces(report: ReportData): Iterable<string> {
    const s = report.summary;
    const lines = ['## bibpipe validate', ''];
    lines.push(`**${counted(s.read, 'record')}**: ${s.converted} valid, ${s.rejected} with errors; ${counted(s.severities.error, 'error')}, ${counted(s.severities.warning, 'warning')}, ${s.severities.info} info`);
    if (report.baseline) lines.push('', baselineText(report.baseline));
    const { findings } = report;
    const groups = ruleGroups(tallyRules(valuesOf(findings.issues())), () => []);
    if (groups.length > 0) {
      lines.push('', '| rule | severity | findings |', '| --- | --- | ---: |');
      for (const { code, worst, count } of groups) lines.push(`| \`${code}\` | ${worst} | ${count} |`);
      const stateColumn = report.baseline ? ' | baseline' : '';
      lines.push('', `| severity | rule | record | field | where | message${stateColumn} |`, `| --- | --- | --- | --- | --- | ---${report.baseline ? ' | ---' : ''} |`);
      let listed = 0;
      for (const { value } of findings.issues()) {
        if (listed === MAX_MARKDOWN_FINDINGS) break;
        lines.push(findingRow(value));
        listed++;
      }
      const more = findings.issueCount - listed;
      if (more > 0 || report.truncated) lines.push('', `${more > 0 ? `${counted(more, 'more finding')} not listed here` : 'More findings were found than kept'}: see the JSON, SARIF or HTML report.`);
    }
    yield `${lines.join('\n')}\n`;
  },
});
