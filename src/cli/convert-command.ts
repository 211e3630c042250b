import { convert, loadConfig, writers, type RunSummary } from '../command-api.js';
import { counted } from '../plural.js';
import { refuseEmptyRun } from './empty-run.js';
import { SIGNAL_EXIT_CODES, watchInterrupts } from './interrupt.js';
import { limitsFromFlags } from './limits-options.js';
import { createProgressDisplay } from './progress.js';
import { EXIT, fillRatesWithSources, inputFormat, outputFormats, makeLogger, profileFrom, type CliStreams, type RunFlags } from './run-flags.js';
import { shardRunState, solrOptionsFromFlags } from './solr-options.js';
import { writerOptionsFromFlags } from './writer-options.js';

export interface ConvertFlags extends RunFlags {
  to: string[];
  outDir?: string | undefined;
  rejects?: string | undefined;
  workers?: number | 'auto' | undefined;
  /** The writers' own flags (cli/writer-options.ts), by commander's attribute name. */
  [writerFlag: string]: unknown;
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
  const logger = makeLogger(flags.logLevel, streams.stderr, progress, flags.logFormat);
  const interrupts = watchInterrupts();
  // A run waiting on a silent stdin would never see the abort: stop reading it.
  interrupts.signal.addEventListener('abort', () => {
    if (inputs.includes('-')) process.stdin.destroy();
  });
  try {
    // The config's severities and profile apply to convert as to validate.
    const loaded = await loadConfig({ cwd: process.cwd(), path: flags.config });
    const { config, profilePath } = loaded;
    const outDir = flags.outDir;
    // The engine leaves the out-dir out of directory expansion: a run never reads its own
    // outputs, nor those a previous run left there.
    const summary = await convert({
      inputs,
      severities: config.rules,
      fillRates: fillRatesWithSources(loaded, process.cwd()),
      ignore: config.ignore,
      solr: solrOptionsFromFlags(flags, outDir),
      runState: shardRunState(inputs, flags, outDir),
      openFiles: flags.openFiles,
      to: outputFormats(flags.to),
      from: inputFormat(flags.from),
      exclude: flags.exclude,
      outDir,
      rejectsPath: flags.rejects,
      output: streams.stdout,
      profile: await profileFrom(flags.profile ?? profilePath),
      writerOptions: writerOptionsFromFlags(flags, writers),
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
