import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../../src/model/run-state.js';
import { MANIFEST_NAME } from '../../src/pipeline/output-set.js';

/** A run's output files by name (the run state and the set's manifest are bookkeeping, not outputs). */
export function outputs(directory: string): Map<string, Buffer> {
  const skip = new Set([RUN_STATE_JSON, RUN_STATE_BIN, MANIFEST_NAME]);
  return new Map(readdirSync(directory).filter((name) => !skip.has(name)).sort().map((name) => [name, readFileSync(join(directory, name))]));
}

/** The merged folder holds the single run's files, byte for byte (a difference is shown as text). */
export function expectSameOutputs(merged: string, expected: Map<string, Buffer>, label: string): void {
  const actual = outputs(merged);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) {
    if (!actual.get(name)!.equals(bytes)) expect(actual.get(name)!.toString('utf8'), `${label} ${name}`).toBe(bytes.toString('utf8'));
  }
}
