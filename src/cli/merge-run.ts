import { mergeShards, type MergedPosition, type RunSummary } from '../index.js';

/** What `bibpipe merge` was given. */
export interface MergeFlags {
  outDir: string;
  maxWarnings?: number | undefined;
  quiet?: boolean | undefined;
}

function where(position: MergedPosition): string {
  const at = position.line !== undefined ? `line ${position.line}` : `record ${position.ordinal}`;
  return `"${position.id ?? '(no id)'}" (${position.input} ${at}; shard ${position.shard})`;
}

/** Runs a merge (loaded when `bibpipe merge` runs); returns the exit code. */
export async function runMerge(directories: string[], flags: MergeFlags, stderr: NodeJS.WritableStream, summaryLine: (summary: RunSummary) => Promise<string>): Promise<number> {
  const result = await mergeShards({
    shards: directories,
    outDir: flags.outDir,
    onFinding: (finding) => {
      const record = finding.record ? ` ${where(finding.record)}` : '';
      const first = finding.first ? `; first: ${where(finding.first)}` : '';
      stderr.write(`bibpipe merge: ${finding.code}:${record} ${finding.message}${first}\n`);
    },
  });
  if (!flags.quiet) stderr.write(await summaryLine(result.summary));
  const tooManyWarnings = flags.maxWarnings !== undefined && result.summary.severities.warning > flags.maxWarnings;
  if (tooManyWarnings) stderr.write(`bibpipe merge: ${result.summary.severities.warning} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
  return result.summary.rejected > 0 || tooManyWarnings ? 1 : 0;
}
