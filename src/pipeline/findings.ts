import type { Issue, Severity } from '../model/issue.js';
import type { PassedRecord } from './workers/batch-work.js';

/**
 * What validate keeps of its findings for the reports, and how reporters read them back:
 * in memory (the library's `validate()`, `ValidationResult.issues`) or spooled to a
 * temporary file (`validateToSpool`, the CLI), so that a report of a million records does
 * not need the findings in memory. Reporters read only through `FindingsSource` and give
 * the same bytes from either.
 */

/** One kept value and where it is, so that a stretch can be read again (`from`/`to`). */
export interface Placed<T> {
  value: T;
  /** Where it starts; `issues(at, ...)` starts with it. */
  at: number;
  /** Where the next one starts. */
  next: number;
}

/** The findings of one rule, kept ones only. */
export interface RuleGroup {
  code: string;
  count: number;
  worst: Severity;
  /** In input order. */
  issues(): Iterable<Issue>;
}

export interface FindingsSource {
  /** How many issues are kept (after `atLeast`). */
  readonly issueCount: number;
  /** True when the records without findings are listed (JUnit's passing test cases). */
  readonly listsPassed: boolean;
  /** Kept issues in input order; `from`/`to` are places an earlier read gave. */
  issues(from?: number, to?: number): Iterable<Placed<Issue>>;
  /** Listed records without findings, in input order (none unless `listsPassed`). */
  passed(from?: number, to?: number): Iterable<Placed<PassedRecord>>;
  /** Kept issues by rule, codes in code-point order, each group in input order. */
  byRule(): Iterable<RuleGroup>;
  /** The issues of this severity or worse (the reports' `--min-severity`). */
  atLeast(minimum: Severity | undefined): FindingsSource;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Lexicographic order by code point, independent of locale (output is byte-stable). */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function worseOf(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** Rule groups from issues in input order; `open(code)` reads one rule's issues again. */
export function ruleGroups(tallies: ReadonlyMap<string, { count: number; worst: Severity }>, open: (code: string) => Iterable<Issue>): RuleGroup[] {
  return [...tallies]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([code, { count, worst }]) => ({ code, count, worst, issues: () => open(code) }));
}

/** Counts and worst severity per rule code. */
export function tallyRules(issues: Iterable<Issue>): Map<string, { count: number; worst: Severity }> {
  const tallies = new Map<string, { count: number; worst: Severity }>();
  for (const issue of issues) {
    const tally = tallies.get(issue.code);
    if (tally) {
      tally.count++;
      tally.worst = worseOf(tally.worst, issue.severity);
    } else tallies.set(issue.code, { count: 1, worst: issue.severity });
  }
  return tallies;
}

function* placedSlice<T>(values: readonly T[], from: number, to: number): Iterable<Placed<T>> {
  for (let index = from; index < Math.min(to, values.length); index++) yield { value: values[index]!, at: index, next: index + 1 };
}

/** Findings held in arrays (the library's `ValidationResult`). */
export class MemoryFindings implements FindingsSource {
  private readonly kept: readonly Issue[];

  constructor(issues: readonly Issue[], private readonly passedRecords: readonly PassedRecord[] | undefined, minimum?: Severity) {
    this.kept = minimum === undefined || minimum === 'info' ? issues : issues.filter((issue) => SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[minimum]);
  }

  get issueCount(): number {
    return this.kept.length;
  }

  get listsPassed(): boolean {
    return this.passedRecords !== undefined;
  }

  issues(from = 0, to = Number.POSITIVE_INFINITY): Iterable<Placed<Issue>> {
    return placedSlice(this.kept, from, to);
  }

  passed(from = 0, to = Number.POSITIVE_INFINITY): Iterable<Placed<PassedRecord>> {
    return placedSlice(this.passedRecords ?? [], from, to);
  }

  byRule(): Iterable<RuleGroup> {
    const groups = new Map<string, Issue[]>();
    for (const issue of this.kept) {
      const group = groups.get(issue.code);
      if (group) group.push(issue);
      else groups.set(issue.code, [issue]);
    }
    return ruleGroups(tallyRules(this.kept), (code) => groups.get(code) ?? []);
  }

  atLeast(minimum: Severity | undefined): FindingsSource {
    return new MemoryFindings(this.kept, this.passedRecords, minimum);
  }
}

/** The values of placed entries. */
export function* valuesOf<T>(placed: Iterable<Placed<T>>): Iterable<T> {
  for (const entry of placed) yield entry.value;
}
