import { VERSION } from '../version.js';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { terminalSafe, type RunSummary } from '../index.js';
import { describeStdoutFailure, OutputStreamGone, STDOUT_EXIT_CODES } from './stdio.js';
import { addAllowEmptyOption } from './empty-run.js';
import { addLimitOptions, positiveInteger } from './limits-options.js';
import type { ConvertFlags } from './convert-command.js';
import { EXIT, type CliStreams } from './exit-codes.js';
import type { RunFlags } from './run-flags.js';
import type { StatsFlags } from './stats-command.js';
import { addSourceOptions } from './solr-options.js';
import { registerMergeCommand } from './merge-command.js';
import { parseMaxWarnings } from './limits-options.js';
import type { ValidateFlags } from './validate-command.js';

export type { CliStreams } from './exit-codes.js';

/**
 * The formats the help and the option checks name. The registries load every reader's,
 * writer's and reporter's library, so they are imported only by a run that needs them:
 * `--version`, `--help` and `rules` start without them (and without zod, which only the
 * command modules, imported when their command runs, bring).
 */
interface FormatNames {
  readers: ReadonlyArray<{ name: string; description: string }>;
  writers: ReadonlyArray<{ name: string; fileName: string; description: string }>;
  reporters: ReadonlyArray<{ name: string }>;
}

const NO_FORMATS: FormatNames = { readers: [], writers: [], reporters: [] };
/** The formats of the program being built (set before it is built). */
let formats: FormatNames = NO_FORMATS;

async function loadFormatNames(): Promise<FormatNames> {
  const { readers, writers, reporters } = await import('../cli-surface.js');
  return { readers, writers, reporters };
}

/** True when the command line names formats nowhere: the version, the top-level help, the rules. */
function needsNoFormats(argv: readonly string[]): boolean {
  const first = argv[2];
  return first === undefined || first === 'rules' || first === '--version' || first === '-V' || ((first === '--help' || first === '-h') && argv.length === 3);
}

/** The summary line of a run, from the convert command's module (loaded when a run has one to print). */
async function summaryLineOf(summary: RunSummary): Promise<string> {
  const { summaryLine } = await import('./convert-command.js');
  return summaryLine(summary);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** What every reading command takes as inputs. */
const INPUTS_HELP =
  'files, directories (read recursively, this run\'s --out-dir left out), quoted glob patterns ("dumps/*.json.gz"), ' +
  'solr+http(s)://host/solr/core live indexes, or - for stdin; gzip/zlib/brotli are decompressed';

function terminalWidth(stream: CliStreams['stdout']): number {
  const terminal = stream as CliStreams['stdout'] & { isTTY?: boolean; columns?: number };
  return terminal.isTTY === true && terminal.columns !== undefined ? terminal.columns : 80;
}

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 256) throw new InvalidArgumentError('expected auto or a whole number of threads from 1 to 256');
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

function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const workersOption = (): Option =>
  new Option('-j, --workers <n>', 'threads that parse, check and write, or auto; the output is the same for any number').argParser(parseWorkers).default(undefined, 'auto: the calling thread for inputs under 64 MB or on 2 cores, else the cores but one (docs/performance.md)');

const fromOption = (): Option =>
  new Option('-f, --from <format>', 'input format').choices(['auto', ...formats.readers.map((r) => r.name)]).default('auto', 'auto: detected from the content');

/** `bibpipe validate`: the checks and the reports, no output files. */
function addValidateCommand(program: Command, common: (command: Command) => Command, streams: CliStreams, state: { exitCode: number; debug: boolean }): void {
  common(
    program
      .command('validate')
      .description('check records against the VuFind schema and field rules; exit 1 on any error (or too many warnings)')
      .argument('<inputs...>', INPUTS_HELP)
      .option('-r, --reporter <name[:file]>', `report format, repeatable (${formats.reporters.map((r) => r.name).join(', ')}); NAME:FILE writes to a file (default: text on stdout)`, repeatable)
      .option('--report <file>', 'also write the self-contained HTML report to this file')
      .option('--max-warnings <n>', 'exit 1 when there are more than N warnings (default: the config\'s "maxWarnings", else no limit)', parseMaxWarnings)
      .option('--color', 'colour the text report even when stdout is not a terminal (default: colour on a terminal)')
      .option('--no-color', 'never colour the text report'),
  ).action(async (inputs: string[], flags: ValidateFlags & RunFlags & { debug?: boolean }) => {
    state.debug = Boolean(flags.debug);
    const [{ runValidate }, { createProgressDisplay }, { makeLogger }, { summaryLine }] = await Promise.all([import('./validate-command.js'), import('./progress.js'), import('./run-flags.js'), import('./convert-command.js')]);
    const progress = createProgressDisplay(streams.stderr, Boolean(flags.quiet));
    const logger = makeLogger(flags.logLevel, streams.stderr, progress);
    try {
      const { result, failures } = await runValidate(inputs, flags, streams.stdout, process.cwd(), progress);
      logger.info({ summary: result.summary }, 'summary');
      if (!flags.quiet) streams.stderr.write(summaryLine(result.summary));
      for (const failure of failures) streams.stderr.write(`bibpipe: validation failed: ${failure}\n`);
      state.exitCode = failures.length > 0 ? EXIT.dataErrors : EXIT.ok;
    } finally {
      progress?.stop();
    }
  });
}

/** `bibpipe stats`: fill rates and top values. */
function addStatsCommand(program: Command, streams: CliStreams): void {
  addAllowEmptyOption(
    program
      .command('stats')
      .description('field fill rates, values per record and top values (format, language, collection, institution)')
      .argument('<inputs...>', INPUTS_HELP)
      .addOption(fromOption())
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields (default: none)')
      .addOption(new Option('-n, --top <n>', 'how many top values per field').argParser(positiveInteger).default(10))
      .option('--json', 'print the stats as JSON (default: aligned text)')
      .addOption(workersOption())
      .option('-q, --quiet', 'no progress bar'),
  ).action(async (inputs: string[], flags: StatsFlags & { quiet?: boolean }) => {
    const [{ runStats }, { createProgressDisplay }] = await Promise.all([import('./stats-command.js'), import('./progress.js')]);
    const progress = createProgressDisplay(streams.stderr, Boolean(flags.quiet));
    try {
      await runStats(inputs, flags, streams.stdout, progress);
    } finally {
      progress?.stop();
    }
  });
}

/** Builds the commander program; actions set `state.exitCode`. */
function buildProgram(streams: CliStreams, state: { exitCode: number; debug: boolean }): Command {
  const program = new Command('bibpipe')
    .description('Turn VuFind/Solr catalogue dumps into MEDLINE XML, JSON-LD, CSV, NDJSON and .nbib: read, validate, normalize, write.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // The width of the streams given, not of the process: help written into a file or a
      // document is 80 columns wide whatever terminal runs it.
      getOutHelpWidth: () => terminalWidth(streams.stdout),
      getErrHelpWidth: () => terminalWidth(streams.stderr),
      // A usage error is one line, like every other error of the CLI.
      outputError: (text, write) => write(`bibpipe: ${terminalSafe(text.trim().replaceAll('\n', ' '))} (run bibpipe --help for usage)\n`),
    });
  program.helpCommand('help [command]', 'show help for a command');
  // Options whose default the library picks (left undefined here so that the library decides)
  // still show it, once, in commander's own "(default: ...)" form.
  program.configureHelp({
    optionDescription(option: Option): string {
      const text = Help.prototype.optionDescription.call(this, option);
      return option.defaultValue === undefined && option.defaultValueDescription ? `${text} (default: ${option.defaultValueDescription})` : text;
    },
  });

  const common = (command: Command): Command =>
    addAllowEmptyOption(addSourceOptions(addLimitOptions(command)))
      .addOption(fromOption())
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields (default: the config\'s "profile", else none)')
      .option('-c, --config <file>', 'config file (default: the nearest bibpipe.config.json, .bibpiperc or .bibpiperc.json upward)')
      .addOption(new Option('--log-level <level>', 'log level for the logs on stderr (JSON lines, or readable lines on a terminal)').choices(LOG_LEVELS).default('warn'))
      .addOption(workersOption())
      .option('-q, --quiet', 'print no summary line and no progress bar')
      .option('--debug', 'show stack traces for unexpected errors');

  common(
    program
      .command('convert')
      .description('convert records to one or more output formats; exit 1 when a record is rejected')
      .argument('<inputs...>', INPUTS_HELP)
      .requiredOption('-t, --to <formats>', `comma list of output formats: ${formats.writers.map((w) => w.name).join(', ')}`, formatList)
      .option('-o, --out-dir <dir>', 'write each format, rejects.ndjson, skipped.ndjson and summary.json into this directory (default: the one format to stdout)')
      .option('--rejects <file>', 'without --out-dir: write rejected records (NDJSON) to this file (default: none)')
      .option('--columns <columns>', 'CSV columns, comma-separated; opt-in columns only when named here (default: the default set, see docs/csv-columns.md)', commaList)
      .option('--separator <text>', 'CSV separator for multi-valued cells', parseSeparator, '|')
      .option('--bom', 'CSV: start with a UTF-8 byte order mark (for Excel)')
      .option('--no-formula-escape', 'CSV: keep cells starting with = + - @ as they are (machine consumers only)')
      .option('--medline-ta-fallback <text>', 'MEDLINE and .nbib: MedlineTA for records with neither a journal abbreviation nor a journal title (default: the abbreviation, else the title, else the record is not written: medline.no-journal)')
  ).action(async (inputs: string[], flags: ConvertFlags & { debug?: boolean }) => {
    state.debug = Boolean(flags.debug);
    const { runConvert } = await import('./convert-command.js');
    state.exitCode = await runConvert(inputs, flags, streams);
  });

  addValidateCommand(program, common, streams, state);
  addStatsCommand(program, streams);

  registerMergeCommand(program, streams, state, summaryLineOf);

  program
    .command('rules')
    .description('list every issue code with its default severity, or explain one (bibpipe rules doi.invalid)')
    .argument('[code]', 'one rule code: print its severity, meaning, example and how to change it')
    .option('--json', 'print as JSON (default: text)')
    .action(async (code: string | undefined, flags: { json?: boolean }) => {
      const { runRules } = await import('./rules-command.js');
      state.exitCode = runRules(code, flags, streams);
    });

  program
    .command('formats')
    .description('list the input and output formats')
    .action(() => {
      streams.stdout.write('inputs (--from):\n');
      for (const reader of formats.readers) streams.stdout.write(`  ${reader.name.padEnd(12)} ${reader.description}\n`);
      streams.stdout.write('outputs (--to):\n');
      for (const writer of formats.writers) streams.stdout.write(`  ${writer.name.padEnd(12)} ${writer.fileName.padEnd(16)} ${writer.description}\n`);
    });
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const state = { exitCode: EXIT.ok as number, debug: argv.includes('--debug') };
  try {
    formats = needsNoFormats(argv) ? NO_FORMATS : await loadFormatNames();
    const program = buildProgram(streams, state);
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
