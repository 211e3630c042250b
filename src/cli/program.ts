import { VERSION } from '../version.js';
import type { Writable } from 'node:stream';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { pino, type Logger } from 'pino';
import { UsageError } from '../errors.js';
import { convert } from '../pipeline/convert.js';
import type { RunSummary } from '../pipeline/summary.js';
import { readers } from '../read/index.js';
import { loadProfile, type Profile } from '../biblio-schema/profile.js';
import { RULES } from '../model/rules.js';
import { writers } from '../write/index.js';
import { reporters } from '../report/index.js';
import { watchInterrupts, SIGNAL_EXIT_CODES } from './interrupt.js';
import { terminalSafe } from '../model/display.js';
import { describeStdoutFailure, OutputStreamGone, STDOUT_EXIT_CODES } from './stdio.js';
import { addLimitOptions, limitsFromFlags, type LimitFlags } from './limits-options.js';
import { createProgressDisplay, logDestination, type ProgressDisplay } from './progress.js';
import { runStats } from './stats-command.js';
import { registerMergeCommand } from './merge-command.js';
import { addSourceOptions, shardRunState, solrOptionsFromFlags, type SolrFlags } from './solr-options.js';
import { loadConfig } from '../config/load.js';
import { parseMaxWarnings, runValidate, type ValidateFlags } from './validate-command.js';

export interface CliStreams {
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes: documented in the README. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, interrupted: SIGNAL_EXIT_CODES.SIGINT, terminated: SIGNAL_EXIT_CODES.SIGTERM } as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseWorkers(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 256) throw new InvalidArgumentError('expected a whole number of threads from 1 to 256');
  return count;
}

/** An empty separator would join a multi-valued cell's values into one indivisible string. */
function parseSeparator(value: string): string {
  if (value === '') throw new InvalidArgumentError('the separator cannot be empty (multi-valued cells could not be split again)');
  return value;
}

/** `--to csv,csv` asks for one CSV file: each format is written once. */
function formatList(value: string, previous: string[] = []): string[] {
  return [...new Set(commaList(value, previous))];
}

function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

function makeLogger(level: string, stderr: Writable, display?: ProgressDisplay): Logger {
  return pino({ level, base: undefined }, logDestination(stderr, display) as unknown as pino.DestinationStream);
}

async function profileFrom(path: string | undefined): Promise<Profile | undefined> {
  if (!path) return undefined;
  try {
    return await loadProfile(path);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function summaryLine(summary: RunSummary): string {
  const written = Object.entries(summary.written).map(([format, count]) => `${format} ${count}`).join(', ');
  const skipped = Object.entries(summary.skipped).map(([format, count]) => `${format} ${count}`).join(', ');
  return `bibpipe: read ${summary.read}, converted ${summary.converted}, rejected ${summary.rejected}` +
    (written ? `; written: ${written}` : '') + (skipped ? `; skipped: ${skipped}` : '') +
    `; issues: ${summary.severities.error} errors, ${summary.severities.warning} warnings, ${summary.severities.info} info\n`;
}

/** Builds the commander program; actions set `state.exitCode`. */
function buildProgram(streams: CliStreams, state: { exitCode: number; debug: boolean }): Command {
  const program = new Command('bibpipe')
    .description('Turn VuFind/Solr catalogue dumps into MEDLINE XML, JSON-LD, CSV and NDJSON: read, validate, normalize, write.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // A usage error is one line, like every other error of the CLI.
      outputError: (text, write) => write(`bibpipe: ${terminalSafe(text.trim().replaceAll('\n', ' '))} (run bibpipe --help for usage)\n`),
    });

  const common = (command: Command): Command =>
    addSourceOptions(addLimitOptions(command))
      .addOption(new Option('--from <format>', 'input format').choices(['auto', ...readers.map((r) => r.name)]).default('auto'))
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields')
      .option('--workers <n>', `threads that parse, check and write (default: the cores available, ${availableParallelism()})`, parseWorkers)
      .option('--config <file>', 'config file (default: the nearest bibpipe.config.json, .bibpiperc or .bibpiperc.json upward)')
      .addOption(new Option('--log-level <level>', 'log level for the JSON logs on stderr').choices(LOG_LEVELS).default('warn'))
      .option('--quiet', 'print no summary line')
      .option('--debug', 'show stack traces for unexpected errors');

  common(
    program
      .command('convert')
      .description('convert records to one or more output formats')
      .argument('<inputs...>', 'files, directories, or - for stdin')
      .requiredOption('--to <formats>', `comma list of output formats: ${writers.map((w) => w.name).join(', ')}`, formatList)
      .option('--out-dir <dir>', 'write each format, rejects.ndjson, skipped.ndjson and summary.json into this directory')
      .option('--rejects <file>', 'without --out-dir: write rejected records (NDJSON) to this file')
      .option('--columns <columns>', 'CSV columns, comma-separated (see the README for the list)', commaList)
      .option('--separator <text>', 'CSV separator for multi-valued cells', parseSeparator, '|')
      .option('--bom', 'CSV: start with a UTF-8 byte order mark (for Excel)')
      .option('--no-formula-escape', 'CSV: keep cells starting with = + - @ as they are (machine consumers only)')
      .option('--medline-ta-fallback <text>', 'MEDLINE: MedlineTA for records without a journal abbreviation'),
  ).action(async (inputs: string[], flags: Record<string, unknown>) => {
    state.debug = Boolean(flags.debug);
    const progress = createProgressDisplay(streams.stderr, Boolean(flags.quiet));
    const logger = makeLogger(String(flags.logLevel), streams.stderr, progress);
    const interrupts = watchInterrupts();
    // A run waiting on a silent stdin would never see the abort: stop reading it.
    interrupts.signal.addEventListener('abort', () => {
      if (inputs.includes('-')) process.stdin.destroy();
    });
    try {
      // The config's severities and profile apply to convert as to validate.
      const { config, profilePath } = await loadConfig({ cwd: process.cwd(), path: flags.config as string | undefined });
      const outDir = flags.outDir as string | undefined;
      const summary = await convert({
        inputs,
        severities: config.rules,
        fillRates: config.fillRates,
        ignore: config.ignore,
        solr: solrOptionsFromFlags(flags as SolrFlags, outDir),
        runState: shardRunState(inputs, flags as SolrFlags, outDir),
        openFiles: flags.openFiles as number | undefined,
        to: flags.to as string[],
        from: flags.from as string,
        outDir,
        rejectsPath: flags.rejects as string | undefined,
        output: streams.stdout,
        profile: await profileFrom((flags.profile as string | undefined) ?? profilePath),
        writerOptions: {
          csvColumns: flags.columns as string[] | undefined,
          csvSeparator: flags.separator as string,
          csvBom: Boolean(flags.bom),
          csvNoFormulaEscape: flags.formulaEscape === false,
          medlineTaFallback: flags.medlineTaFallback as string | undefined,
        },
        logger,
        signal: interrupts.signal,
        limits: limitsFromFlags(flags as LimitFlags),
        workers: (flags.workers as number | undefined) ?? availableParallelism(),
        onProgress: progress ? (read) => progress.update(read) : undefined,
      });
      progress?.stop();
      logger.info({ summary }, 'summary');
      if (!flags.quiet) streams.stderr.write(summaryLine(summary));
      state.exitCode = summary.interrupted ? SIGNAL_EXIT_CODES[interrupts.received ?? 'SIGINT'] : summary.rejected > 0 ? EXIT.dataErrors : EXIT.ok;
      if (summary.interrupted) {
        streams.stderr.write(`bibpipe: interrupted by ${interrupts.received ?? 'a signal'} after ${summary.read} records; no output was committed (earlier outputs are unchanged)\n`);
      }
    } finally {
      progress?.stop();
      interrupts.dispose();
    }
  });

  const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];
  common(
    program
      .command('validate')
      .description('check records against the VuFind schema and field rules; exit 1 on any error (or too many warnings)')
      .argument('<inputs...>', 'files, directories, or - for stdin')
      .option('--reporter <name[:file]>', `report format, repeatable (${reporters.map((r) => r.name).join(', ')}); NAME:FILE writes to a file (default: text on stdout)`, repeatable, [])
      .option('--report <file>', 'also write the self-contained HTML report to this file')
      .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseMaxWarnings)
      .option('--color', 'colour the text report even when stdout is not a terminal')
      .option('--no-color', 'never colour the text report'),
  ).action(async (inputs: string[], flags: Record<string, unknown>) => {
    state.debug = Boolean(flags.debug);
    const logger = makeLogger(String(flags.logLevel), streams.stderr);
    const { result, failures } = await runValidate(inputs, flags as unknown as ValidateFlags, streams.stdout);
    logger.info({ summary: result.summary }, 'summary');
    if (!flags.quiet) streams.stderr.write(summaryLine(result.summary));
    for (const failure of failures) streams.stderr.write(`bibpipe: validation failed: ${failure}\n`);
    state.exitCode = failures.length > 0 ? EXIT.dataErrors : EXIT.ok;
  });

  registerMergeCommand(program, streams, state, summaryLine);

  program
    .command('stats')
    .description('field fill rates, values per record and top values (format, language, collection, institution)')
    .argument('<inputs...>', 'files, directories, or - for stdin')
    .addOption(new Option('--from <format>', 'input format').choices(['auto', ...readers.map((r) => r.name)]).default('auto'))
    .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields')
    .option('--top <n>', 'how many top values per field', '10')
    .option('--json', 'as JSON')
    .option('--workers <n>', `threads that parse and count (default: the cores available, ${availableParallelism()})`, parseWorkers)
    .action(async (inputs: string[], flags: { from: string; profile?: string; top?: string; json?: boolean; workers?: number }) => {
      await runStats(inputs, flags, streams.stdout);
    });

  program
    .command('rules')
    .description('list every issue code with its default severity')
    .option('--json', 'as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) streams.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
      else for (const [code, rule] of Object.entries(RULES)) streams.stdout.write(`${code.padEnd(34)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
    });

  program
    .command('formats')
    .description('list the input and output formats')
    .action(() => {
      streams.stdout.write('inputs (--from):\n');
      for (const reader of readers) streams.stdout.write(`  ${reader.name.padEnd(12)} ${reader.description}\n`);
      streams.stdout.write('outputs (--to):\n');
      for (const writer of writers) streams.stdout.write(`  ${writer.name.padEnd(12)} ${writer.fileName.padEnd(16)} ${writer.description}\n`);
    });
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const state = { exitCode: EXIT.ok as number, debug: argv.includes('--debug') };
  const program = buildProgram(streams, state);
  try {
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // stdout gone (EPIPE, ENOSPC): one line from the stdio guard, not an error report.
    if (error instanceof OutputStreamGone) return describeStdoutFailure(error)?.exitCode ?? STDOUT_EXIT_CODES.ENOSPC;
    const message = error instanceof Error ? error.message : String(error);
    // File names in messages are the user's bytes: an ESC in one must not drive the terminal.
    streams.stderr.write(`bibpipe: error: ${message.split('\n').map(terminalSafe).join('\n')}\n`);
    if (state.debug && error instanceof Error && error.stack) streams.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}

