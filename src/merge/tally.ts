import { UsageError } from '../errors.js';
import { applySeverities, type SeverityOverrides } from '../model/rules.js';
import type { RunStateRecord } from '../model/run-state.js';
import { addSummary, countIssueKinds, countIssues, emptySummary, sortedSummary } from '../pipeline/counts.js';
import { fillRateIssues, type FillRateCount, type FillRateRule } from '../pipeline/cross-record.js';
import { countEntry } from '../pipeline/run-state/entry-counts.js';
import type { RunSummary } from '../pipeline/summary.js';
import type { CrossShardFinding } from './merge.js';
import type { Judgement } from './replay.js';
import type { Shard } from './shard-set.js';

interface Counts {
  summary: RunSummary;
  fill: FillRateCount[];
}

/**
 * The merged run's counts, added up record by record with the engine's arithmetic
 * (pipeline/counts.ts, run-state/entry-counts.ts, cross-record.ts) as the single run counts
 * them, never taken from the shards' summaries: those are only checked, each against its
 * own shard's entries, so that an edited count is refused instead of merged.
 */
export class MergeTally {
  private readonly merged: Counts;
  private readonly perShard = new Map<Shard, Counts>();
  private readonly rules: FillRateRule[];

  constructor(private readonly shards: readonly Shard[], private readonly formats: readonly string[], private readonly severities: SeverityOverrides | undefined) {
    this.rules = shards[0]!.state.fillRates.map(({ field, type, minimum }) => ({ field, type: type as FillRateRule['type'], minimum }));
    const counts = (): Counts => ({ summary: emptySummary(), fill: this.rules.map(() => ({ records: 0, filled: 0 })) });
    this.merged = counts();
    for (const shard of shards) this.perShard.set(shard, counts());
  }

  /** One record: as its shard counted it, and as the single run counts it. */
  add(shard: Shard, record: RunStateRecord, judgement: Judgement): void {
    this.countRecord(this.perShard.get(shard)!, record);
    if (judgement.rejudged !== undefined) {
      addSummary(this.merged.summary, judgement.rejudged.summary);
      return;
    }
    this.countRecord(this.merged, record);
    for (const { code, severity, delta } of judgement.issues) countIssueKinds(this.merged.summary, [code], [severity], delta);
  }

  private countRecord(counts: Counts, record: RunStateRecord): void {
    countEntry(counts.summary, record, this.formats);
    counts.fill.forEach((count, rule) => {
      if (record.fillCounted & (1 << rule)) count.records++;
      if (record.fillFilled & (1 << rule)) count.filled++;
    });
  }

  /** Every shard's summary is what its own entries add up to; otherwise the shard is refused, naming the count. */
  checkShards(): void {
    for (const shard of this.shards) {
      const counts = this.perShard.get(shard)!;
      const computed = this.finished(counts).summary;
      const difference = firstDifference(sortedSummary(shard.summary), computed);
      if (difference !== undefined) {
        throw new UsageError(`merge: ${shard.directory}: its summary says ${difference.path} = ${difference.recorded}, but its records add up to ${difference.computed}; the run state was edited or does not belong to these outputs, so the shard is not merged`);
      }
      shard.state.fillRates.forEach((counter, rule) => {
        const count = counts.fill[rule]!;
        if (counter.records !== count.records || counter.filled !== count.filled) {
          throw new UsageError(`merge: ${shard.directory}: its fill-rate counters for ${counter.field} (${counter.filled} of ${counter.records}) are not what its records add up to (${count.filled} of ${count.records}); the shard is not merged`);
        }
      });
    }
  }

  /** The merged run's summary: fill rates judged over the whole run (each finding reported), in code order. */
  finish(report: (finding: CrossShardFinding) => void): RunSummary {
    const { summary, issues } = this.finished(this.merged);
    for (const issue of issues) report({ code: 'fill-rate.below-minimum', message: issue.message });
    return summary;
  }

  private finished(counts: Counts): { summary: RunSummary; issues: ReturnType<typeof fillRateIssues> } {
    const summary = structuredClone(counts.summary);
    const issues = applySeverities(fillRateIssues(this.rules, counts.fill), this.severities);
    countIssues(summary, issues);
    // Every chosen format is named in the summary, also with no record written (as convert writes it).
    for (const format of this.formats) summary.written[format] ??= 0;
    return { summary: sortedSummary(summary), issues };
  }
}

function firstDifference(recorded: RunSummary, computed: RunSummary): { path: string; recorded: number | string; computed: number | string } | undefined {
  for (const key of ['read', 'converted', 'rejected'] as const) {
    if (recorded[key] !== computed[key]) return { path: key, recorded: recorded[key], computed: computed[key] };
  }
  for (const group of ['written', 'skipped', 'issues', 'severities'] as const) {
    const a = recorded[group] as Record<string, number>;
    const b = computed[group] as Record<string, number>;
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (a[name] !== b[name]) return { path: `${group}.${name}`, recorded: a[name] ?? 'nothing', computed: b[name] ?? 'nothing' };
    }
  }
  return undefined;
}
