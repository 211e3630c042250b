import { UsageError } from '../errors.js';
import type { InputRead, RunStateInput } from '../model/run-state.js';
import type { Shard } from './shard-set.js';

/**
 * Proof that the file shards of a run cut one version of every input file between them
 * (what each recorded: model/run-state.ts, InputRead): every shard saw the file with the
 * same modification time; their byte ranges, in shard order, start at 0, end at the file's
 * size and join up with no gap and no overlap; and at every cut, the two shards on either
 * side hashed the same bytes around it. Otherwise the set is refused, naming the shard
 * folders, the input and the byte offset: shards of two versions of a file with the same
 * name and size would lose or repeat the records around their cuts.
 */
export function checkReadsJoin(shards: readonly Shard[]): void {
  const inputs = shards[0]!.state.inputs;
  inputs.forEach((input, index) => {
    if (input.kind !== 'file') return;
    checkOneVersion(shards, index, input);
    const reads = shards.map((shard) => shard.state.inputs[index]!.read);
    // Not read by any shard (not a catalogue export, or it could not be opened): nothing to join.
    if (reads.every((read) => read === undefined)) return;
    const missing = reads.findIndex((read) => read === undefined);
    if (missing !== -1) throw new UsageError(`merge: ${shards[missing]!.directory} records no byte range of ${input.name}, which other shards read; run that shard again`);
    checkRangesJoin(shards, reads as InputRead[], input);
  });
}

function checkOneVersion(shards: readonly Shard[], index: number, input: RunStateInput): void {
  const first = shards[0]!;
  for (const shard of shards.slice(1)) {
    const mtime = shard.state.inputs[index]!.mtime;
    if (mtime === first.state.inputs[index]!.mtime) continue;
    throw new UsageError(
      `merge: ${input.name} was modified between the shard runs (${first.directory} saw it modified at ${describeTime(first.state.inputs[index]!.mtime)}, ${shard.directory} at ${describeTime(mtime)}): ` +
        'shards of two versions of one file cannot be merged; run every shard again on one version',
    );
  }
}

function describeTime(nanoseconds: string | undefined): string {
  return nanoseconds === undefined ? 'an unknown time' : new Date(Number(BigInt(nanoseconds) / 1_000_000n)).toISOString();
}

function checkRangesJoin(shards: readonly Shard[], reads: readonly InputRead[], input: RunStateInput): void {
  const name = input.name;
  const [start] = reads[0]!.range;
  if (start !== 0) throw new UsageError(`merge: ${shards[0]!.directory} read ${name} from byte ${start}, not from its start; the bytes before it are in no shard`);
  for (let at = 1; at < reads.length; at++) {
    const before = shards[at - 1]!;
    const after = shards[at]!;
    const end = reads[at - 1]!.range[1];
    const next = reads[at]!.range[0];
    if (end !== next) {
      const problem = end < next ? `bytes ${end}-${next} are in neither` : `bytes ${next}-${end} are in both`;
      throw new UsageError(`merge: the byte ranges of ${name} in ${before.directory} and ${after.directory} do not join: the first ends at byte ${end}, the second starts at byte ${next} (${problem}); were they cut from different versions of ${name}? Run every shard again on one version`);
    }
    if (reads[at - 1]!.joints[1] !== reads[at]!.joints[0]) {
      throw new UsageError(`merge: ${before.directory} and ${after.directory} saw different bytes of ${name} around byte ${end}, where one ends and the other starts: they read different versions of ${name}; run every shard again on one version`);
    }
  }
  const last = reads[reads.length - 1]!.range[1];
  if (input.size !== undefined && last !== input.size) {
    throw new UsageError(`merge: ${shards[shards.length - 1]!.directory} read ${name} up to byte ${last}, but the file has ${input.size} bytes; the bytes after it are in no shard`);
  }
}
