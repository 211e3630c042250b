import { styleText } from 'node:util';
import { terminalSafe } from '../model/display.js';
import type { Severity } from '../model/issue.js';
import type { ValidationResult } from '../pipeline/validate.js';
import { baselineText, groupByRecord, groupByRule, positionText, worstSeverity } from './group.js';
import type { ReportOptions, Reporter } from './types.js';
import { counted } from '../plural.js';

type Style = Parameters<typeof styleText>[0];

/** Control characters from record data would move the cursor or recolour the terminal: show them escaped. */
export const printable = terminalSafe;

const SEVERITY_STYLE: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' };

/** Human report: grouped by rule, then by record, with the totals at the end. */
export const textReporter: Reporter = {
  name: 'text',
  description: 'human-readable, grouped by rule then record (colour on a terminal)',
  render(result: ValidationResult, options: ReportOptions = {}): string {
    const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
    const lines: string[] = [];
    for (const [code, issues] of groupByRule(result.issues)) {
      const severity = worstSeverity(issues);
      lines.push(`${paint(['bold', SEVERITY_STYLE[severity]], code)} ${paint('dim', `${severity}, ${issues.length}`)}`);
      for (const [record, recordIssues] of groupByRecord(issues)) {
        const where = positionText(recordIssues[0]?.source);
        lines.push(`  ${paint('bold', printable(record))}${where && where !== record ? paint('dim', `  ${printable(where)}`) : ''}`);
        for (const issue of recordIssues) {
          const known = issue.baselineState === 'unchanged' ? paint('dim', ' (in baseline)') : issue.baselineState === 'new' ? paint('bold', ' (new)') : '';
          lines.push(`    ${issue.field ? `${paint('cyan', printable(issue.field))}: ` : ''}${printable(issue.message)}${known}`);
        }
      }
    }
    if (result.truncated) lines.push('(more issues were found than listed; the totals below count all of them)');
    const s = result.summary;
    if (lines.length > 0) lines.push('');
    lines.push(
      `${counted(s.read, 'record')}: ${s.converted} valid, ${s.rejected} with errors; ` +
        `${paint(s.severities.error > 0 ? 'red' : 'green', counted(s.severities.error, 'error'))}, ` +
        `${paint(s.severities.warning > 0 ? 'yellow' : 'green', counted(s.severities.warning, 'warning'))}, ${s.severities.info} info`,
    );
    if (result.baseline) lines.push(baselineText(result.baseline));
    return `${lines.join('\n')}\n`;
  },
};
