import { VERSION } from '../version.js';
import type { Issue, SourcePosition } from '../model/issue.js';
import type { BaselineComparison } from '../pipeline/baseline.js';
import { counted } from '../plural.js';

export const TOOL_NAME = 'bibpipe';
export const TOOL_VERSION = VERSION;

/**
 * Issues by record (id, else source position; run-level issues under `(run)`), as they
 * come: a record's findings arrive together (the engine emits them per record, in input
 * order), so a group ends where the next record's findings begin, and nothing is held but
 * the one record's findings. Two records that share an id (a duplicate) are two groups,
 * each with its own position: grouping by id alone would hide where the second one is.
 */
export function* groupByRecord(issues: Iterable<Issue>): Iterable<[string, Issue[]]> {
  let key: string | undefined;
  let group: [string, Issue[]] | undefined;
  for (const issue of issues) {
    const next = recordKey(issue);
    if (group !== undefined && next === key) {
      group[1].push(issue);
      continue;
    }
    if (group !== undefined) yield group;
    key = next;
    group = [recordLabel(issue), [issue]];
  }
  if (group !== undefined) yield group;
}

/** What tells one record's findings from the next record's: its label and position. */
export function recordKey(issue: Issue): string {
  return `${recordLabel(issue)}\u0000${issue.source?.file ?? ''}\u0000${issue.source?.line ?? issue.source?.byteOffset ?? issue.source?.ordinal ?? ''}`;
}

export function recordLabel(issue: Issue): string {
  if (issue.recordId !== undefined) return issue.recordId;
  if (issue.source) return `${issue.source.file}${issue.source.ordinal ? ` #${issue.source.ordinal}` : ''}`;
  return '(run)';
}

/** `file:line #ordinal`, the parts that are known. */
export function positionText(source: SourcePosition | undefined): string {
  if (!source) return '';
  return `${source.file}${source.line ? `:${source.line}` : ''}${source.ordinal ? ` #${source.ordinal}` : ''}`;
}

/** `actual` as short text for messages and tables. */
export function actualText(actual: unknown): string | undefined {
  if (actual === undefined) return undefined;
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** `baseline: 2 new (1 error, 1 warning), 5 in baseline, 1 fixed`, for the text-like reports. */
export function baselineText(baseline: BaselineComparison): string {
  const fresh = baseline.new.error + baseline.new.warning + baseline.new.info;
  const parts = [baseline.new.error > 0 ? counted(baseline.new.error, 'error') : '', baseline.new.warning > 0 ? counted(baseline.new.warning, 'warning') : '', baseline.new.info > 0 ? `${baseline.new.info} info` : ''].filter(Boolean);
  return `baseline: ${fresh} new${parts.length > 0 ? ` (${parts.join(', ')})` : ''}, ${baseline.unchanged} in baseline, ${baseline.absent} fixed`;
}
