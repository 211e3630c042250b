import { Option, type Command } from 'commander';
import type { RunSummary } from '../cli-surface.js';
import type { MergeFlags } from './merge-run.js';
import { parseMaxWarnings } from './limits-options.js';
import { LOG_FORMATS, LOG_LEVELS } from './log-options.js';

/**
 * `bibpipe merge SHARD_DIR... --out-dir DIR` (see docs/scale-out.md). Exit codes as convert's:
 * 1 when the merged run rejected records or has more warnings than --max-warnings, 2 on usage.
 */
export function registerMergeCommand(
  program: Command,
  streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  state: { exitCode: number; debug: boolean },
  summaryLine: (summary: RunSummary) => Promise<string>,
): void {
  program
    .command('merge')
    .description('add up the outputs of shard runs (--shard, --solr-shard) into the outputs of the single run (docs/scale-out.md)')
    .argument('<shard-dirs...>', 'the --out-dir of every shard run')
    .requiredOption('--out-dir <dir>', 'where the merged outputs, rejects.ndjson, skipped.ndjson and summary.json go')
    .option('--max-warnings <n>', 'exit 1 when the merged run has more than N warnings', parseMaxWarnings)
    .option('--quiet', 'print no summary line')
    .addOption(new Option('--log-level <level>', 'log level on stderr: findings across shards are counted per rule at warn, listed one by one at debug').choices(LOG_LEVELS).default('warn'))
    .addOption(new Option('--log-format <format>', 'readable lines (text) or JSON lines (json)').choices(LOG_FORMATS).default('text'))
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (directories: string[], flags: MergeFlags & { debug?: boolean }) => {
      state.debug = Boolean(flags.debug);
      // The merge itself (and the run state's zod shapes) load when a merge runs.
      const { runMerge } = await import('./merge-run.js');
      state.exitCode = await runMerge(directories, flags, streams.stderr, summaryLine);
    });
}
