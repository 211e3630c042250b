import type { Issue, SourcePosition } from '../model/issue.js';
import { makeIssue } from '../model/rules.js';
import type { ReadLimits } from './types.js';

/** Where a capped value was found, for the issue. */
export interface CapSite {
  field: string;
  recordId?: string | undefined;
  source: SourcePosition;
}

/** Cuts a value longer than `maxFieldLength`, reporting `read.limit-exceeded`. */
export function capFieldLength(text: string, site: CapSite, limits: ReadLimits, issues: Issue[]): string {
  const limit = limits.maxFieldLength;
  if (text.length <= limit) return text;
  issues.push(
    makeIssue('read.limit-exceeded', {
      message: `Field "${site.field}" is ${text.length} characters long, over the limit of ${limit}; it was cut`,
      recordId: site.recordId,
      source: site.source,
      field: site.field,
      expected: `at most ${limit} characters (--max-field-length)`,
    }),
  );
  return text.slice(0, limit);
}

/** Keeps at most `maxValuesPerField` values of a multi-valued field, reporting `read.limit-exceeded`. */
export function capValueCount(values: string[], site: CapSite, limits: ReadLimits, issues: Issue[]): string[] {
  const limit = limits.maxValuesPerField;
  if (values.length <= limit) return values;
  issues.push(
    makeIssue('read.limit-exceeded', {
      message: `Field "${site.field}" has ${values.length} values, over the limit of ${limit}; the rest were dropped`,
      recordId: site.recordId,
      source: site.source,
      field: site.field,
      expected: `at most ${limit} values (--max-values)`,
    }),
  );
  return values.slice(0, limit);
}
