import type { RawRecord, RawValue } from '../model/raw-record.js';

/** Share of records having each raw Solr field (present and not empty). */
export interface FieldFill {
  records: number;
  /** Records having the field, by field name (sorted by name). */
  fields: Record<string, number>;
  /** Distinct field names beyond the tracked maximum (their counts are not kept). */
  untrackedFields: number;
}

export const DEFAULT_MAX_TRACKED_FIELDS = 2000;

/** Number of non-empty values: 0 for '' or [], n for a list. */
export function valueCount(value: RawValue | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'string') return value === '' ? 0 : 1;
  let count = 0;
  for (const item of value) if (item !== '') count++;
  return count;
}

/** A record's fields with their number of non-empty values: all that fill counts need of it. */
export function fieldValueCounts(raw: RawRecord): Array<[string, number]> {
  return Object.entries(raw.fields).map(([name, value]) => [name, valueCount(value)]);
}

/**
 * Counts, over raw records, how many have each field. Memory is bounded: hostile input
 * with millions of distinct (dynamic) field names keeps only the first `maxFields`.
 */
export class FieldFillCounter {
  private records = 0;
  private readonly counts = new Map<string, number>();
  private readonly untracked = new Set<string>();
  private untrackedOverflow = 0;

  constructor(private readonly maxFields: number = DEFAULT_MAX_TRACKED_FIELDS) {}

  add(raw: RawRecord): void {
    this.addCounts(fieldValueCounts(raw));
  }

  /** One record, as the number of non-empty values of each of its fields. */
  addCounts(counts: Iterable<readonly [string, number]>): void {
    this.records++;
    for (const [name, values] of counts) {
      if (values === 0) continue;
      const count = this.counts.get(name);
      if (count !== undefined) this.counts.set(name, count + 1);
      else if (this.counts.size < this.maxFields) this.counts.set(name, 1);
      else this.noteUntracked(name);
    }
  }

  /** Whether the field's count is kept (callers keeping per-field data follow the same cap). */
  tracks(name: string): boolean {
    return this.counts.has(name);
  }

  result(): FieldFill {
    const fields = Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { records: this.records, fields, untrackedFields: this.untracked.size + this.untrackedOverflow };
  }

  private noteUntracked(name: string): void {
    // The names of untracked fields are counted exactly up to a bound, then estimated from above.
    if (this.untracked.has(name)) return;
    if (this.untracked.size < this.maxFields) this.untracked.add(name);
    else this.untrackedOverflow++;
  }
}
