import type { Logger } from 'pino';
import { mergeShards, type CrossShardFinding, type MergedPosition, type RunSummary } from '../index.js';
import { counted } from '../plural.js';
import { SIGNAL_EXIT_CODES, watchInterrupts } from './interrupt.js';
import { makeLogger } from './run-flags.js';

/** What `bibpipe merge` was given. */
export interface MergeFlags {
  outDir: string;
  maxWarnings?: number | undefined;
  quiet?: boolean | undefined;
  logLevel?: string | undefined;
  logFormat?: 'text' | 'json' | undefined;
}

function where(position: MergedPosition): string {
  const at = position.line !== undefined ? `line ${position.line}` : `record ${position.ordinal}`;
  return `"${position.id ?? '(no id)'}" (${position.input} ${at}; shard ${position.shard})`;
}

/**
 * The findings only the merge could see, as convert's log has them: each one at debug level,
 * and one line per rule at warn level with how many there were and the first of them.
 */
class FindingLog {
  private readonly byCode = new Map<string, { count: number; first: CrossShardFinding }>();

  constructor(private readonly logger: Logger) {}

  add(finding: CrossShardFinding): void {
    const record = finding.record ? ` ${where(finding.record)}` : '';
    const first = finding.first ? `; first: ${where(finding.first)}` : '';
    this.logger.debug({ code: finding.code, record: finding.record, first: finding.first }, `${finding.code}:${record} ${finding.message}${first}`);
    const seen = this.byCode.get(finding.code);
    if (seen) seen.count++;
    else this.byCode.set(finding.code, { count: 1, first: finding });
  }

  summarize(): void {
    for (const [code, { count, first }] of this.byCode) {
      const example = first.record ? `${where(first.record)}: ${first.message}` : first.message;
      const rest = count > 1 ? ` (--log-level debug lists all ${count})` : '';
      this.logger.warn({ code, findings: count }, `${counted(count, `${code} finding`)} across shards; first: ${example}${rest}`);
    }
  }
}

/** Runs a merge (loaded when `bibpipe merge` runs); returns the exit code. */
export async function runMerge(directories: string[], flags: MergeFlags, stderr: NodeJS.WritableStream, summaryLine: (summary: RunSummary) => Promise<string>): Promise<number> {
  // A signal stops the merge between records; its temporary files are removed, nothing is committed.
  const interrupts = watchInterrupts();
  const findings = new FindingLog(makeLogger(flags.logLevel ?? 'warn', stderr as Parameters<typeof makeLogger>[1], undefined, flags.logFormat));
  let result: Awaited<ReturnType<typeof mergeShards>>;
  try {
    result = await mergeShards({ shards: directories, outDir: flags.outDir, signal: interrupts.signal, onFinding: (finding) => findings.add(finding) });
    findings.summarize();
  } catch (error) {
    if (interrupts.received === undefined) throw error;
    stderr.write(`bibpipe merge: interrupted by ${interrupts.received}; no output was committed (earlier outputs are unchanged)\n`);
    return SIGNAL_EXIT_CODES[interrupts.received];
  } finally {
    interrupts.dispose();
  }
  if (!flags.quiet) stderr.write(await summaryLine(result.summary));
  const tooManyWarnings = flags.maxWarnings !== undefined && result.summary.severities.warning > flags.maxWarnings;
  if (tooManyWarnings) stderr.write(`bibpipe merge: ${result.summary.severities.warning} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
  return result.summary.rejected > 0 || tooManyWarnings ? 1 : 0;
}
