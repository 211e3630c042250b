import { convert, loadConfig, type RunSummary } from '../index.js';
import { counted } from '../plural.js';
import { refuseEmptyRun } from './empty-run.js';
import { SIGNAL_EXIT_CODES, watchInterrupts } from './interrupt.js';
import { limitsFromFlags } from './limits-options.js';
import { createProgressDisplay } from './progress.js';
import { EXIT, makeLogger, profileFrom, type CliStreams, type RunFlags } from './run-flags.js';
import { shardRunState, solrOptionsFromFlags } from './solr-options.js';

export interface ConvertFlags extends RunFlags {
  to: string[];
  outDir?: string | undefined;
  rejects?: string | undefined;
  columns?: string[] | undefined;
  separator: string;
  bom?: boolean | undefined;
  formulaEscape?: boolean | undefined;
  medlineTaFallback?: string | undefined;
  workers?: number | 'auto' | undefined;
}

/** The one summary line on stderr (`--quiet` leaves it out). */
export function summaryLine(summary: RunSummary): string {
  const written = Object.entries(summary.written).map(([format, count]) => `${format} ${count}`).join(', ');
  const skipped = Object.entries(summary.skipped).map(([format, count]) => `${format} ${count}`).join(', ');
  return `bibpipe: read ${summary.read}, converted ${summary.converted}, rejected ${summary.rejected}` +
    (written ? `; written: ${written}` : '') + (skipped ? `; skipped: ${skipped}` : '') +
    `; issues: ${counted(summary.severities.error, 'error')}, ${counted(summary.severities.warning, 'warning')}, ${summary.severities.info} info\n`;
}

/** `bibpipe convert`: returns the exit code. */
export async function runConvert(inputs: readonly string[], flags: ConvertFlags, streams: CliStreams): Promise<number> {
  const progress = createProgressDisplay(streams.stderr, Boolean(flags.quiet));
  const logger = makeLogger(flags.logLevel, streams.stderr, progress);
  const interrupts = watchInterrupts();
  // A run waiting on a silent stdin would never see the abort: stop reading it.
  interrupts.signal.addEventListener('abort', () => {
    if (inputs.includes('-')) process.stdin.destroy();
  });
  try {
    // The config's severities and profile apply to convert as to validate.
    const { config, profilePath } = await loadConfig({ cwd: process.cwd(), path: flags.config });
    const outDir = flags.outDir;
    // The engine leaves the out-dir out of directory expansion: a run never reads its own
    // outputs, nor those a previous run left there.
    const summary = await convert({
      inputs,
      severities: config.rules,
      fillRates: config.fillRates,
      ignore: config.ignore,
      solr: solrOptionsFromFlags(flags, outDir),
      runState: shardRunState(inputs, flags, outDir),
      openFiles: flags.openFiles,
      to: flags.to,
      from: flags.from,
      outDir,
      rejectsPath: flags.rejects,
      output: streams.stdout,
      profile: await profileFrom(flags.profile ?? profilePath),
      writerOptions: {
        csvColumns: flags.columns,
        csvSeparator: flags.separator,
        csvBom: Boolean(flags.bom),
        csvNoFormulaEscape: flags.formulaEscape === false,
        medlineTaFallback: flags.medlineTaFallback,
      },
      logger,
      signal: interrupts.signal,
      limits: limitsFromFlags(flags),
      workers: flags.workers ?? 'auto',
      onProgress: progress ? (read) => progress.update(read) : undefined,
    });
    progress?.stop();
    logger.info({ summary }, 'summary');
    if (summary.interrupted) {
      if (!flags.quiet) streams.stderr.write(summaryLine(summary));
      streams.stderr.write(`bibpipe: interrupted by ${interrupts.received ?? 'a signal'} after ${counted(summary.read, 'record')}; no output was committed (earlier outputs are unchanged)\n`);
      return SIGNAL_EXIT_CODES[interrupts.received ?? 'SIGINT'];
    }
    refuseEmptyRun(summary.read, inputs, flags.allowEmpty);
    if (!flags.quiet) streams.stderr.write(summaryLine(summary));
    return summary.rejected > 0 ? EXIT.dataErrors : EXIT.ok;
  } finally {
    progress?.stop();
    interrupts.dispose();
  }
}
