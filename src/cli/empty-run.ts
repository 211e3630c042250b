import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/** `--allow-empty`, for jobs where an export with no record at all is normal. */
export function addAllowEmptyOption(command: Command): Command {
  return command.option('--allow-empty', 'exit 0 when the inputs hold no record at all (default: exit 2, like a usage error)');
}

/**
 * A run that read no record at all fails with one line and exit 2 (like ESLint's "no files
 * matching"): a CI gate must not pass on an export that came out empty.
 */
export function refuseEmptyRun(read: number, inputs: readonly string[], allowEmpty: boolean | undefined): void {
  if (read > 0 || allowEmpty === true) return;
  const named = inputs.length === 1 ? inputs[0] : `${inputs.length} inputs`;
  throw new UsageError(`no records found in ${named === '-' ? 'stdin' : named} (give --allow-empty when an empty export is normal)`);
}
