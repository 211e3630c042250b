import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mergeShards } from '../src/merge/merge.js';
import { convert } from '../src/pipeline/convert.js';
import { RUN_STATE_JSON } from '../src/model/run-state.js';
import { temporaryDirectory } from './helpers/temp.js';
import { expectSameOutputs, outputs } from './helpers/merge-outputs.js';

/**
 * merge adds up the merged run's counts from the shards' records, and checks every shard's
 * recorded summary (run-state.json and summary.json) against its own records: an edited
 * count is refused, naming the shard and the count, never merged as it is.
 */

/** The counts of a summary, as a test edits them. */
interface EditableSummary {
  read: number;
  converted: number;
  rejected: number;
  written: Record<string, number>;
  issues: Record<string, number>;
  severities: Record<string, number>;
}

let root: string;
let input: string;
let single: Map<string, Buffer>;
let shards: string[];
const saved = new Map<string, string>();

const line = (id: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, title: `Title ${id}`, format: ['Article'], author: ['Doe, Jane'], publishDate: ['2001'], ...extra });

beforeAll(async () => {
  root = temporaryDirectory('bibpipe-merge-counts-');
  input = join(root, 'catalogue.ndjson');
  // Rejected records (a bad date), warnings (an unknown field) and an id repeated across shares.
  const lines = Array.from({ length: 60 }, (_, index) => line(`rec-${index}`, index % 7 === 3 ? { first_indexed: 'yesterday' } : index % 5 === 1 ? { titel: 'x' } : {}));
  lines.push(line('rec-2'));
  writeFileSync(input, `${lines.join('\n')}\n`);
  const singleDir = join(root, 'single');
  await convert({ inputs: [input], to: ['ndjson', 'csv'], outDir: singleDir });
  single = outputs(singleDir);
  shards = [];
  for (let index = 1; index <= 3; index++) {
    const outDir = join(root, `shard-${index}`);
    await convert({ inputs: [input], to: ['ndjson', 'csv'], outDir, runState: { shard: { kind: 'file-range', index, count: 3 } } });
    shards.push(outDir);
    for (const name of [RUN_STATE_JSON, 'summary.json']) saved.set(join(outDir, name), readFileSync(join(outDir, name), 'utf8'));
  }
});

beforeEach(() => {
  for (const [path, text] of saved) writeFileSync(path, text);
});

/** Changes the summary of shard 2 in its run state and (unless `stateOnly`) in summary.json the same way. */
function editSummary(change: (summary: EditableSummary) => void, files: 'both' | 'summary.json' = 'both'): void {
  const statePath = join(shards[1]!, RUN_STATE_JSON);
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  change(state.summary);
  if (files === 'both') writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
  const summaryPath = join(shards[1]!, 'summary.json');
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
  change(summary);
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
}

describe('merge checks every shard\'s counts against its records', () => {
  it('untouched shards merge into the single run, byte for byte', async () => {
    const merged = join(root, 'merged-ok');
    await mergeShards({ shards, outDir: merged });
    expectSameOutputs(merged, single, 'N=3');
  });

  it.each([
    ['converted', (summary: EditableSummary) => (summary.converted += 1), /its summary says converted = \d+, but its records add up to \d+/],
    ['rejected and read', (summary: EditableSummary) => { summary.rejected -= 1; summary.read -= 1; }, /its summary says read = \d+/],
    ['an issue count', (summary: EditableSummary) => (summary.issues['field.unknown'] = 0), /its summary says issues\.field\.unknown = 0/],
    ['a written count', (summary: EditableSummary) => (summary.written.csv = (summary.written.csv ?? 0) + 2), /its summary says written\.csv = \d+/],
    ['a severity count', (summary: EditableSummary) => (summary.severities.warning = (summary.severities.warning ?? 0) + 1), /severities\.warning/],
  ])('an edited count (%s) in run-state.json and summary.json is refused, naming the shard', async (_label, change, message) => {
    editSummary(change);
    const merging = mergeShards({ shards, outDir: join(root, 'merged-edited') });
    await expect(merging).rejects.toThrow(message);
    await expect(mergeShards({ shards, outDir: join(root, 'merged-edited') })).rejects.toThrow(shards[1]!);
  });

  it('a summary.json that differs from the run state, or is missing, is refused', async () => {
    editSummary((summary) => (summary.converted += 1), 'summary.json');
    await expect(mergeShards({ shards, outDir: join(root, 'merged-differs') })).rejects.toThrow(/summary\.json and the run state's summary differ/);
    rmSync(join(shards[1]!, 'summary.json'));
    await expect(mergeShards({ shards, outDir: join(root, 'merged-missing') })).rejects.toThrow(/summary\.json: cannot read the shard's summary \(ENOENT\)/);
  });

  it('edited fill-rate counters are refused', async () => {
    const counted = join(root, 'fill');
    const fillShards: string[] = [];
    for (let index = 1; index <= 2; index++) {
      const outDir = join(counted, `shard-${index}`);
      await convert({ inputs: [input], to: ['ndjson'], outDir, fillRates: [{ field: 'doi', minimum: 0.5 }], runState: { shard: { kind: 'file-range', index, count: 2 } } });
      fillShards.push(outDir);
    }
    const statePath = join(fillShards[0]!, RUN_STATE_JSON);
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    state.fillRates[0].filled += 5;
    writeFileSync(statePath, JSON.stringify(state));
    await expect(mergeShards({ shards: fillShards, outDir: join(counted, 'merged') })).rejects.toThrow(/fill-rate counters for doi \(5 of \d+\)/);
  });
});
