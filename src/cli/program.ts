import type { Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { pino, type Logger } from 'pino';
import { UsageError } from '../pipeline/inputs.js';
import { convert } from '../pipeline/convert.js';
import { validate } from '../pipeline/validate.js';
import type { RunSummary } from '../pipeline/summary.js';
import { readers } from '../read/index.js';
import { loadProfile, type Profile } from '../validate/profile.js';
import { RULES } from '../validate/rules.js';
import { writers } from '../write/index.js';
import { reportText, reportJson } from './reporters.js';

export interface CliStreams {
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes: documented in the README. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, interrupted: 130 } as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

function makeLogger(level: string, stderr: Writable): Logger {
  return pino({ level, base: undefined }, stderr as unknown as pino.DestinationStream);
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
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    })
    .showHelpAfterError('(run bibpipe --help for usage)');

  const common = (command: Command): Command =>
    command
      .addOption(new Option('--from <format>', 'input format').choices(['auto', ...readers.map((r) => r.name)]).default('auto'))
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields')
      .addOption(new Option('--log-level <level>', 'log level for the JSON logs on stderr').choices(LOG_LEVELS).default('warn'))
      .option('--quiet', 'print no summary line')
      .option('--debug', 'show stack traces for unexpected errors');

  common(
    program
      .command('convert')
      .description('convert records to one or more output formats')
      .argument('<inputs...>', 'files, directories, or - for stdin')
      .requiredOption('--to <formats>', `comma list of output formats: ${writers.map((w) => w.name).join(', ')}`, commaList)
      .option('--out-dir <dir>', 'write each format, rejects.ndjson, skipped.ndjson and summary.json into this directory')
      .option('--rejects <file>', 'without --out-dir: write rejected records (NDJSON) to this file')
      .option('--columns <columns>', 'CSV columns, comma-separated (see the README for the list)', commaList)
      .option('--separator <text>', 'CSV separator for multi-valued cells', '|')
      .option('--bom', 'CSV: start with a UTF-8 byte order mark (for Excel)')
      .option('--no-formula-escape', 'CSV: keep cells starting with = + - @ as they are (machine consumers only)')
      .option('--medline-ta-fallback <text>', 'MEDLINE: MedlineTA for records without a journal abbreviation'),
  ).action(async (inputs: string[], flags: Record<string, unknown>) => {
    state.debug = Boolean(flags.debug);
    const logger = makeLogger(String(flags.logLevel), streams.stderr);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const summary = await convert({
        inputs,
        to: flags.to as string[],
        from: flags.from as string,
        outDir: flags.outDir as string | undefined,
        rejectsPath: flags.rejects as string | undefined,
        output: streams.stdout,
        profile: await profileFrom(flags.profile as string | undefined),
        writerOptions: {
          csvColumns: flags.columns as string[] | undefined,
          csvSeparator: flags.separator as string,
          csvBom: Boolean(flags.bom),
          csvNoFormulaEscape: flags.formulaEscape === false,
          medlineTaFallback: flags.medlineTaFallback as string | undefined,
        },
        logger,
        signal: controller.signal,
      });
      logger.info({ summary }, 'summary');
      if (!flags.quiet) streams.stderr.write(summaryLine(summary));
      state.exitCode = summary.interrupted ? EXIT.interrupted : summary.rejected > 0 ? EXIT.dataErrors : EXIT.ok;
      if (summary.interrupted) streams.stderr.write('bibpipe: interrupted; no output was committed\n');
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  });

  common(
    program
      .command('validate')
      .description('check records against the VuFind schema and field rules; exit 1 on any error')
      .argument('<inputs...>', 'files, directories, or - for stdin')
      .addOption(new Option('--reporter <name>', 'report format on stdout').choices(['text', 'json']).default('text')),
  ).action(async (inputs: string[], flags: Record<string, unknown>) => {
    state.debug = Boolean(flags.debug);
    const logger = makeLogger(String(flags.logLevel), streams.stderr);
    const result = await validate({ inputs, from: flags.from as string, profile: await profileFrom(flags.profile as string | undefined) });
    const report = flags.reporter === 'json' ? reportJson(result) : reportText(result);
    streams.stdout.write(report);
    logger.info({ summary: result.summary }, 'summary');
    if (!flags.quiet) streams.stderr.write(summaryLine(result.summary));
    state.exitCode = result.summary.severities.error > 0 ? EXIT.dataErrors : EXIT.ok;
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
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`bibpipe: error: ${message}\n`);
    if (state.debug && error instanceof Error && error.stack) streams.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}

