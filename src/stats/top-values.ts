export interface ValueCount {
  value: string;
  count: number;
}

/**
 * Value frequencies in bounded memory. Counts are exact while there are at most `capacity`
 * distinct values; past that the table is pruned to the `capacity` most frequent ones when
 * it doubles, so frequent values keep (lower-bound) counts and `approximate` turns true.
 */
export class TopValues {
  private readonly counts = new Map<string, number>();
  private pruned = false;

  constructor(private readonly capacity = 10_000) {}

  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    if (this.counts.size >= this.capacity * 2) this.prune();
  }

  get approximate(): boolean {
    return this.pruned;
  }

  get distinct(): number {
    return this.counts.size;
  }

  /** Most frequent first; ties in value order, so output is deterministic. */
  top(limit: number): ValueCount[] {
    return [...this.counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([value, count]) => ({ value, count }));
  }

  private prune(): void {
    const keep = this.top(this.capacity);
    this.counts.clear();
    for (const { value, count } of keep) this.counts.set(value, count);
    this.pruned = true;
  }
}
