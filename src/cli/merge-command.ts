import type { Command } from 'commander';
import { mergeShards, type MergedPosition, type RunSummary } from '../index.js';
import { parseMaxWarnings } from './validate-command.js';

interface MergeFlags {
  outDir: string;
  maxWarnings?: number | undefined;
  quiet?: boolean | undefined;
}

function where(position: MergedPosition): string {
  const at = position.line !== undefined ? `line ${position.line}` : `record ${position.ordinal}`;
  return `"${position.id ?? '(no id)'}" (${position.input} ${at}; shard ${position.shard})`;
}

/**
 * `bibpipe merge SHARD_DIR... --out-dir DIR` (see docs/scale-out.md). Exit codes as convert's:
 * 1 when the merged run rejected records or has more warnings than --max-warnings, 2 on usage.
 */
export function registerMergeCommand(
  program: Command,
  streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  state: { exitCode: number; debug: boolean },
  summaryLine: (summary: RunSummary) => string,
): void {
  program
    .command('merge')
    .description('add up the outputs of shard runs (--shard, --solr-shard) into the outputs of the single run (docs/scale-out.md)')
    .argument('<shard-dirs...>', 'the --out-dir of every shard run')
    .requiredOption('--out-dir <dir>', 'where the merged outputs, rejects.ndjson, skipped.ndjson and summary.json go')
    .option('--max-warnings <n>', 'exit 1 when the merged run has more than N warnings', parseMaxWarnings)
    .option('--quiet', 'print no summary line')
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (directories: string[], flags: MergeFlags & { debug?: boolean }) => {
      state.debug = Boolean(flags.debug);
      const result = await mergeShards({
        shards: directories,
        outDir: flags.outDir,
        onFinding: (finding) => {
          const record = finding.record ? ` ${where(finding.record)}` : '';
          const first = finding.first ? `; first: ${where(finding.first)}` : '';
          streams.stderr.write(`bibpipe merge: ${finding.code}:${record} ${finding.message}${first}\n`);
        },
      });
      if (!flags.quiet) streams.stderr.write(summaryLine(result.summary));
      const tooManyWarnings = flags.maxWarnings !== undefined && result.summary.severities.warning > flags.maxWarnings;
      if (tooManyWarnings) streams.stderr.write(`bibpipe merge: ${result.summary.severities.warning} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
      state.exitCode = result.summary.rejected > 0 || tooManyWarnings ? 1 : 0;
    });
}
