import { VERSION } from '../version.js';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { terminalSafe, type RecordWriter, type RunSummary } from '../cli-surface.js';
import { describeStdoutFailure, OutputStreamGone, STDOUT_EXIT_CODES } from './stdio.js';
import { addAllowEmptyOption } from './empty-run.js';
import { addLimitOptions, positiveInteger } from './limits-options.js';
import type { ConvertFlags } from './convert-command.js';
import { EXIT, type CliStreams } from './exit-codes.js';
import type { RunFlags } from './run-flags.js';
import type { StatsFlags } from './stats-command.js';
import { addSourceOptions } from './solr-options.js';
import { registerMergeCommand } from './merge-command.js';
import { LOG_FORMATS, LOG_LEVELS } from './log-options.js';
import { parseMaxWarnings } from './limits-options.js';
import type { ValidateFlags } from './validate-command.js';
import { addWriterOptions, commaList } from './writer-options.js';

export type { CliStreams } from './exit-codes.js';

/**
 * The formats the help and the option checks name. The registries load every reader's,
 * writer's and reporter's library, so they are imported only by a run that needs them:
 * `--version`, `--help` and `rules` start without them (and without zod, which only the
 * command modules, imported when their command runs, bring).
 */
interface FormatNames {
  readers: ReadonlyArray<{ name: string; description: string }>;
  writers: readonly RecordWriter[];
  reporters: ReadonlyArray<{ name: string }>;
}

const NO_FORMATS: FormatNames = { readers: [], writers: [], reporters: [] };
/** The formats of the program being built (set before it is built). */
let formats: FormatNames = NO_FORMATS;

async function loadFormatNames(): Promise<FormatNames> {
  const { readers, writers, reporters } = await import('../command-api.js');
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

/** `--to csv,csv` asks for one CSV file: each format is written once. */
function formatList(value: string, previous: string[] = []): string[] {
  return [...new Set(commaList(value, previous))];
}

function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const workersOption = (): Option =>
  new Option('-j, --workers <n>', 'threads that parse, check and write, or auto; the output is the same for any number').argParser(parseWorkers).default(undefined, 'auto: the calling thread for inputs under 64 MB or on 2 cores, else the cores but one (docs/performance.md)');

const fromOption = (): Option =>
  new Option('-f, --from <format>', 'input format').choices(['auto', ...formats.readers.map((r) => r.name)]).default('auto', 'auto: detected from the content');

const excludeOption = (): Option =>
  new Option('--exclude <glob>', 'files not to read, repeatable: a glob matched against each file\'s path, or its name when it has no slash ("*.bak", "old/**"); files in folders that are not catalogue exports are left out anyway').argParser(repeatable);

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
      .option('--baseline <file>', 'known findings (a file --write-baseline wrote): only findings not in it fail the run; matched by rule, record id and field, not by line')
      .option('--write-baseline <file>', 'write every finding of this run as a baseline file (sorted, one finding per line) and pass')
      .addOption(new Option('--min-severity <level>', 'reports list findings of this severity or worse (totals and exit code unchanged)').choices(['info', 'warning', 'error']).default(undefined, 'info'))
      .addOption(new Option('--junit-failures <level>', 'the least severity that fails a JUnit test case').choices(['error', 'warning']).default(undefined, 'error'))
      .option('--color', 'colour the text report even when stdout is not a terminal (default: colour on a terminal)')
      .option('--no-color', 'never colour the text report'),
  ).action(async (inputs: string[], flags: ValidateFlags & RunFlags & { debug?: boolean }) => {
    state.debug = Boolean(flags.debug);
    const [{ runValidate }, { interruptible }, { makeLogger }, { summaryLine }] = await Promise.all([import('./validate-command.js'), import('./interrupt.js'), import('./run-flags.js'), import('./convert-command.js')]);
    state.exitCode = await interruptible(streams, flags, async (progress, signal) => {
      const logger = makeLogger(flags.logLevel, streams.stderr, progress, flags.logFormat);
      const { result, failures } = await runValidate(inputs, flags, streams.stdout, { progress, signal, logger });
      logger.info({ summary: result.summary }, 'summary');
      if (result.summary.interrupted) return { interrupted: result.summary.read };
      if (!flags.quiet) streams.stderr.write(summaryLine(result.summary));
      for (const failure of failures) streams.stderr.write(`bibpipe: validation failed: ${failure}\n`);
      return failures.length > 0 ? EXIT.dataErrors : EXIT.ok;
    });
  });
}

/** `bibpipe stats`: fill rates and top values. */
function addStatsCommand(program: Command, streams: CliStreams, state: { exitCode: number; debug: boolean }): void {
  addAllowEmptyOption(
    program
      .command('stats')
      .description('field fill rates, values per record and top values (format, language, collection, institution)')
      .argument('<inputs...>', INPUTS_HELP)
      .addOption(fromOption())
      .addOption(excludeOption())
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields (default: none)')
      .addOption(new Option('-n, --top <n>', 'how many top values per field').argParser(positiveInteger).default(10))
      .option('--json', 'print the stats as JSON (default: aligned text)')
      .addOption(workersOption())
      .option('-q, --quiet', 'no progress bar'),
  ).action(async (inputs: string[], flags: StatsFlags & { quiet?: boolean }) => {
    const [{ runStats }, { interruptible }, { makeLogger }] = await Promise.all([import('./stats-command.js'), import('./interrupt.js'), import('./run-flags.js')]);
    state.exitCode = await interruptible(streams, flags, async (progress, signal) => {
      const stats = await runStats(inputs, flags, streams.stdout, { progress, signal, logger: makeLogger('warn', streams.stderr, progress) });
      return signal.aborted ? { interrupted: stats.fill.records } : EXIT.ok;
    });
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
      .addOption(excludeOption())
      .option('--profile <file>', 'local schema profile (JSON) declaring site-specific Solr fields (default: the config\'s "profile", else none)')
      .option('-c, --config <file>', 'config file (default: the nearest bibpipe.config.json, .bibpiperc or .bibpiperc.json upward)')
      .addOption(new Option('--log-level <level>', 'log level for the logs on stderr').choices(LOG_LEVELS).default('warn'))
      .addOption(new Option('--log-format <format>', 'logs on stderr as readable lines, or as JSON lines (pino) for log collectors').choices(LOG_FORMATS).default('text'))
      .addOption(workersOption())
      .option('-q, --quiet', 'print no summary line and no progress bar')
      .option('--debug', 'show stack traces for unexpected errors');

  common(addWriterOptions(
    program
      .command('convert')
      .description('convert records to one or more output formats; exit 1 when a record is rejected')
      .argument('<inputs...>', INPUTS_HELP)
      .requiredOption('-t, --to <formats>', `comma list of output formats: ${formats.writers.map((w) => w.name).join(', ')}`, formatList)
      .option('-o, --out-dir <dir>', 'write each format, rejects.ndjson, skipped.ndjson and summary.json into this directory (default: the one format to stdout)')
      .option('--rejects <file>', 'without --out-dir: write rejected records (NDJSON) to this file (default: none)'),
    formats.writers,
  )).action(async (inputs: string[], flags: ConvertFlags & { debug?: boolean }) => {
    state.debug = Boolean(flags.debug);
    const { runConvert } = await import('./convert-command.js');
    state.exitCode = await runConvert(inputs, flags, streams);
  });

  addValidateCommand(program, common, streams, state);
  addStatsCommand(program, streams, state);

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

/**
 * The first option a command does not know, looked for before commander parses: commander
 * reports a missing mandatory option first, so `convert x --too csv` (a typo of `--to`)
 * said "--to not specified" instead of naming `--too`.
 */
const HELP_FLAGS = new Set(['-h', '--help']);

function firstUnknownOption(command: Command, args: readonly string[]): string | undefined {
  const options = [...command.options, ...(command.parent?.options ?? [])];
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-' || HELP_FLAGS.has(arg)) continue;
    const name = arg.startsWith('--') ? arg.split('=')[0]! : arg.slice(0, 2);
    const option = options.find((candidate) => candidate.long === name || candidate.short === name || (candidate.negate && candidate.long === name));
    if (!option) return name;
    // The value of an option that takes one is never an option itself (`--separator --`).
    if ((option.required || option.optional) && !arg.includes('=') && !(name.length === 2 && arg.length > 2)) at++;
  }
  return undefined;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const state = { exitCode: EXIT.ok as number, debug: argv.includes('--debug') };
  try {
    formats = needsNoFormats(argv) ? NO_FORMATS : await loadFormatNames();
    const program = buildProgram(streams, state);
    const command = program.commands.find((candidate) => candidate.name() === argv[2]);
    const unknown = command === undefined ? undefined : firstUnknownOption(command, argv.slice(3));
    // commander's own report, with its "(Did you mean --to?)".
    if (unknown !== undefined) (command as unknown as { unknownOption(flag: string): never }).unknownOption(unknown);
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
