import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { Input } from './memory.js';
import { expandInputList, type ExpandOptions } from './inputs.js';

/** A file a run will write, and what it is, for the message (`the rejects file`, `the report`). */
export interface PlannedOutput {
  path: string;
  what: string;
}

/** The file behind a path (symlinks followed, relative paths resolved, hard links alike): undefined when there is none. */
async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything is written, a run one of whose outputs is also one of its inputs
 * (`--rejects` naming the export, an export named `records.csv` inside `--out-dir`, a report
 * written over an input): the output would replace the records being read. Files are
 * compared by what they are, not by how they are named, so `./a.json`, `dir/../a.json`, a
 * symlink and a hard link to it are all the same input. Only existing files can be inputs;
 * live sources, stdin and inputs in memory are never outputs. `options` are the run's
 * (its out-dir is left out of folder walks, as the run leaves it out).
 */
export async function refuseOutputsThatAreInputs(inputs: readonly Input[], outputs: readonly PlannedOutput[], options: ExpandOptions = {}): Promise<void> {
  // Expanded first: a missing input is the usage error to give, whatever the outputs.
  const expanded = await expandInputList(inputs, options);
  const planned: Array<PlannedOutput & { identity: string }> = [];
  for (const output of outputs) {
    const identity = await fileIdentity(output.path);
    if (identity !== undefined) planned.push({ ...output, identity });
  }
  if (planned.length === 0) return;
  for (const input of expanded) {
    if (input.memory !== undefined || input.unreadable !== undefined) continue;
    const identity = await fileIdentity(input.path);
    const clash = identity === undefined ? undefined : planned.find((output) => output.identity === identity);
    if (clash) {
      throw new UsageError(`${clash.what} ${clash.path} is also an input (${input.path}): writing it would replace the records being read; write it elsewhere or move the input`);
    }
  }
}
