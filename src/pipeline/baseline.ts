import type { Issue, Severity } from '../model/issue.js';
import type { Baseline, BaselineEntry } from './baseline-schema.js';

export type { Baseline } from './baseline-schema.js';

/**
 * Matching a run's findings against a baseline (baseline-schema.ts: the file's shape and its
 * parser, which load zod only for a run given a baseline file).
 */
/** SARIF's words: a finding in the baseline is `unchanged`, one not in it `new`. */
export type BaselineState = NonNullable<Issue['baselineState']>;

/** How a run compares with its baseline. */
export interface BaselineComparison {
  /** Findings not in the baseline, by severity (every finding of the run, kept or not). */
  new: Record<Severity, number>;
  /** Findings the baseline knew. */
  unchanged: number;
  /** Baseline findings the run no longer has (fixed). */
  absent: number;
}

type Key = Omit<BaselineEntry, 'count'>;

function keyOf(issue: Issue): Key {
  const key: Key = { rule: issue.code };
  if (issue.recordId !== undefined) key.record = issue.recordId;
  if (issue.field !== undefined) key.field = issue.field;
  if (issue.recordId === undefined && issue.source !== undefined) key.file = issue.source.file;
  return key;
}

const keyText = (key: Key): string => JSON.stringify([key.rule, key.record ?? null, key.field ?? null, key.file ?? null]);

/** Code-point order, independent of locale: the file is byte-stable. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counts findings by key; `baselineFromIssues(...).findings` sorted by rule, record, field, file. */
export function baselineFromIssues(issues: Iterable<Issue>): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const issue of issues) {
    const key = keyOf(issue);
    const text = keyText(key);
    const entry = counts.get(text);
    if (entry) entry.count++;
    else counts.set(text, { ...key, count: 1 });
  }
  const findings = [...counts.entries()].sort(([a], [b]) => compare(a, b)).map(([, entry]) => entry);
  return { baseline: 'bibpipe', version: 1, findings };
}

/** The baseline file: one finding per line, so that a diff shows exactly what changed. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "baseline": "bibpipe",\n  "version": 1,\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/**
 * Classifies findings as they stream past, in input order: each key is `unchanged` as many
 * times as the baseline counts it, `new` after that.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  private readonly comparison: BaselineComparison = { new: { error: 0, warning: 0, info: 0 }, unchanged: 0, absent: 0 };

  constructor(baseline: Baseline) {
    for (const entry of baseline.findings) {
      const text = keyText(entry);
      this.remaining.set(text, (this.remaining.get(text) ?? 0) + entry.count);
    }
  }

  classify(issue: Issue): BaselineState {
    const text = keyText(keyOf(issue));
    const left = this.remaining.get(text) ?? 0;
    if (left > 0) {
      this.remaining.set(text, left - 1);
      this.comparison.unchanged++;
      return 'unchanged';
    }
    this.comparison.new[issue.severity]++;
    return 'new';
  }

  /** The comparison once the run is over. */
  result(): BaselineComparison {
    let absent = 0;
    for (const left of this.remaining.values()) absent += left;
    return { ...this.comparison, absent };
  }
}
