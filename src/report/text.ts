import { styleText } from 'node:util';
import { terminalSafe } from '../model/display.js';
import type { Severity } from '../model/issue.js';
import { baselineText, groupByRecord, positionText } from './group.js';
import { defineReporter, type ReportData, type ReportOptions } from './types.js';
import { counted } from '../plural.js';

type Style = Parameters<typeof styleText>[0];

/** Control characters from record data would move the cursor or recolour the terminal: show them escaped. */
export const printable = terminalSafe;

const SEVERITY_STYLE: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' };

/** Human report: grouped by rule, then by record, with the totals at the end. */
export const textReporter = defineReporter({
  name: 'text',
  description: 'human-readable, grouped by rule then record (colour on a terminal)',
  *pieces(report: ReportData, options: ReportOptions = {}): Iterable<string> {
    const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
    let listed = false;
    for (const rule of report.findings.byRule()) {
      listed = true;
      yield `${paint(['bold', SEVERITY_STYLE[rule.worst]], rule.code)} ${paint('dim', `${rule.worst}, ${rule.count}`)}\n`;
      for (const [record, recordIssues] of groupByRecord(rule.issues())) {
        const where = positionText(recordIssues[0]?.source);
        const lines = [`  ${paint('bold', printable(record))}${where && where !== record ? paint('dim', `  ${printable(where)}`) : ''}`];
        for (const issue of recordIssues) {
          const known = issue.baselineState === 'unchanged' ? paint('dim', ' (in baseline)') : issue.baselineState === 'new' ? paint('bold', ' (new)') : '';
          lines.push(`    ${issue.field ? `${paint('cyan', printable(issue.field))}: ` : ''}${printable(issue.message)}${known}`);
        }
        yield `${lines.join('\n')}\n`;
      }
    }
    const lines: string[] = [];
    if (report.truncated) {
      lines.push('(more issues were found than listed; the totals below count all of them)');
      listed = true;
    }
    const s = report.summary;
    if (listed) lines.push('');
    lines.push(
      `${counted(s.read, 'record')}: ${s.converted} valid, ${s.rejected} with errors; ` +
        `${paint(s.severities.error > 0 ? 'red' : 'green', counted(s.severities.error, 'error'))}, ` +
        `${paint(s.severities.warning > 0 ? 'yellow' : 'green', counted(s.severities.warning, 'warning'))}, ${s.severities.info} info`,
    );
    if (report.baseline) lines.push(baselineText(report.baseline));
    yield `${lines.join('\n')}\n`;
  },
});
