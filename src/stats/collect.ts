import { terminalSafe } from '../model/display.js';
import type { RawRecord } from '../model/raw-record.js';
import { isMultiValued } from '../biblio-schema/index.js';
import type { Profile } from '../biblio-schema/profile.js';
import { fieldValueCounts, FieldFillCounter, type FieldFill } from './field-fill.js';
import { TopValues, type ValueCount } from './top-values.js';

/** Fields whose most frequent values `bibpipe stats` lists. */
export const TOP_VALUE_FIELDS = ['format', 'language', 'collection', 'institution'] as const;

/** Value-count buckets: records with 0, 1, ... 9 values, then 10 or more. */
export const VALUE_COUNT_BUCKETS = 11;

export interface TopValuesReport {
  values: ValueCount[];
  distinct: number;
  /** True when there were too many distinct values to count all exactly. */
  approximate: boolean;
}

export interface RecordStats {
  fill: FieldFill;
  /** Multi-valued fields: `counts[n]` records with n values (`counts[10]`: 10 or more). */
  valueCounts: Record<string, number[]>;
  topValues: Record<string, TopValuesReport>;
}

export interface StatsOptions {
  profile?: Profile | undefined;
  /** How many top values to list per field (default 10). */
  top?: number | undefined;
}

/** What `bibpipe stats` needs of one raw record (small enough to hand from a worker thread). */
export interface StatsDigest {
  /** Each field with its number of non-empty values. */
  counts: Array<[string, number]>;
  /** The values of the top-value fields the record has. */
  values: Array<[string, string[]]>;
}

export function statsDigest(raw: RawRecord): StatsDigest {
  const values: Array<[string, string[]]> = [];
  for (const field of TOP_VALUE_FIELDS) {
    const value = raw.fields[field];
    if (value !== undefined) values.push([field, (typeof value === 'string' ? [value] : value).filter((item) => item !== '')]);
  }
  return { counts: fieldValueCounts(raw), values };
}

/** Per-field fill rates, value-count distributions and top values, one record digest at a time, in input order. */
export class StatsCollector {
  private readonly fill = new FieldFillCounter();
  private readonly buckets = new Map<string, number[]>();
  private readonly top = new Map<string, TopValues>(TOP_VALUE_FIELDS.map((field) => [field, new TopValues()]));

  constructor(private readonly options: StatsOptions = {}) {}

  add(digest: StatsDigest): void {
    this.fill.addCounts(digest.counts);
    for (const [name, count] of digest.counts) {
      if (count > 0 && this.fill.tracks(name) && isMultiValued(name, this.options.profile)) {
        let counts = this.buckets.get(name);
        if (!counts) this.buckets.set(name, (counts = new Array<number>(VALUE_COUNT_BUCKETS).fill(0)));
        counts[Math.min(count, VALUE_COUNT_BUCKETS - 1)]! += 1;
      }
    }
    for (const [field, items] of digest.values) {
      const values = this.top.get(field);
      if (values) for (const item of items) values.add(item);
    }
  }

  result(): RecordStats {
    const fillResult = this.fill.result();
    const valueCounts: Record<string, number[]> = {};
    for (const name of [...this.buckets.keys()].sort()) {
      const counts = this.buckets.get(name) ?? [];
      // Records without the field have 0 values.
      counts[0] = fillResult.records - counts.reduce((sum, n) => sum + n, 0);
      valueCounts[name] = counts;
    }
    const limit = this.options.top ?? 10;
    const topValues: Record<string, TopValuesReport> = {};
    for (const [field, values] of this.top) topValues[field] = { values: values.top(limit), distinct: values.distinct, approximate: values.approximate };
    return { fill: fillResult, valueCounts, topValues };
  }
}

/** Per-field fill rates, value-count distributions and top values over raw records. */
export async function collectStats(records: AsyncIterable<RawRecord>, options: StatsOptions = {}): Promise<RecordStats> {
  const collector = new StatsCollector(options);
  for await (const raw of records) collector.add(statsDigest(raw));
  return collector.result();
}

function share(count: number, total: number): string {
  return total === 0 ? '-' : `${((count / total) * 100).toFixed(1)}%`;
}

/** The stats as aligned plain text. */
export function renderStatsText(stats: RecordStats): string {
  const { records, fields, untrackedFields } = stats.fill;
  const lines = [`${records} records`, '', 'Field fill rates (records having the field):'];
  // Field names come from the data: a name made of escape sequences must not drive the terminal.
  const width = Math.max(10, ...Object.keys(fields).map((name) => terminalSafe(name).length));
  const byRate = Object.entries(fields).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  for (const [name, count] of byRate) lines.push(`  ${terminalSafe(name).padEnd(width)} ${share(count, records).padStart(6)}  ${count}`);
  if (untrackedFields > 0) lines.push(`  (${untrackedFields} more distinct field names not tracked)`);
  lines.push('', 'Values per record in multi-valued fields (0, 1, 2, ... 9, 10+):');
  for (const [name, counts] of Object.entries(stats.valueCounts)) lines.push(`  ${terminalSafe(name).padEnd(width)} ${counts.join(' ')}`);
  for (const [field, report] of Object.entries(stats.topValues)) {
    lines.push('', `Top ${field} values (${report.distinct} distinct${report.approximate ? ', approximate counts' : ''}):`);
    if (report.values.length === 0) lines.push('  (none)');
    for (const { value, count } of report.values) lines.push(`  ${String(count).padStart(8)}  ${terminalSafe(JSON.stringify(value))}`);
  }
  return `${lines.join('\n')}\n`;
}
