import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import { terminalSafe } from '../cli-surface.js';

/**
 * The progress bar of a long run (convert, validate, stats), on stderr, and only on a
 * terminal: cli-progress (widely used and kept up to date) redraws one line at a bounded
 * frame rate and computes the ETA from the recent rate. Log lines go above the bar, each
 * printed at once: cli-progress only buffers them until its next frame and drops whatever
 * is still buffered when the bar stops, which lost log lines at the end of a run.
 *
 * The module knows nothing of the command: any engine that can say how many records and
 * bytes it has read so far can feed it.
 */
export interface ProgressSnapshot {
  /** Records read so far. */
  records: number;
  /** Input bytes read so far (0 when the engine does not count them). */
  bytesRead: number;
  /** All input bytes, when known (regular files); undefined for stdin, Solr, globs still expanding. */
  bytesTotal?: number | undefined;
}

export interface ProgressDisplay {
  update(progress: Readonly<ProgressSnapshot>): void;
  /** Prints a line (ending in a newline) above the bar, at once. */
  log(text: string): void;
  /** Removes the bar; safe to call twice. */
  stop(): void;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${UNITS[unit]}`;
}

export type TerminalStream = Writable & { isTTY?: boolean };

/** A progress display when `stream` is a terminal and not quietened; undefined otherwise. */
export function createProgressDisplay(stream: TerminalStream, quiet: boolean): ProgressDisplay | undefined {
  if (quiet || stream.isTTY !== true) return undefined;
  // Required here, not imported: only a run on a terminal draws a bar, and the library with its width tables would cost every run's start-up.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const started = Date.now();
  let multibar: cliProgressModule.MultiBar | undefined;
  let bar: cliProgressModule.SingleBar | undefined;
  let stopped = false;
  const payload = (progress: Readonly<ProgressSnapshot>): Record<string, string> => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      records: progress.records.toLocaleString('en-US'),
      unit: progress.records === 1 ? 'record' : 'records',
      rate: Math.round(progress.records / seconds).toLocaleString('en-US'),
      read: formatBytes(progress.bytesRead),
      size: progress.bytesTotal === undefined ? '' : formatBytes(progress.bytesTotal),
    };
  };
  const start = (progress: Readonly<ProgressSnapshot>): cliProgressModule.SingleBar => {
    const known = progress.bytesTotal !== undefined && progress.bytesTotal > 0;
    const counted = progress.bytesRead > 0 ? ' | {read} read' : '';
    multibar = new cliProgress.MultiBar(
      {
        stream,
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
        format: known
          ? '{bar} {percentage}% | {records} {unit} | {rate} records/s | {read} of {size} | ETA {eta_formatted}'
          : `{records} {unit} | {rate} records/s${counted}`,
      },
      cliProgress.Presets.shades_classic,
    );
    return multibar.create(known ? progress.bytesTotal! : 1, 0, payload(progress));
  };
  return {
    update(progress) {
      if (stopped) return;
      bar ??= start(progress);
      bar.update(Math.min(progress.bytesRead, bar.getTotal()), payload(progress));
    },
    log(text) {
      if (!multibar || stopped) {
        stream.write(text);
        return;
      }
      multibar.log(text);
      // MultiBar.update() is its frame: it clears the bar, flushes the log lines and redraws.
      multibar.update();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multibar?.stop();
    },
  };
}

/**
 * Where pino writes: one readable line per entry, printed above the progress bar when there
 * is one (a CI log is read by people too); with `json`, pino's JSON lines as they are, for
 * log collectors.
 */
export function logDestination(stream: TerminalStream, display: ProgressDisplay | undefined, format: 'text' | 'json' = 'text'): Writable {
  if (format === 'json') return stream;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        const text = `${readableLogLine(line)}\n`;
        if (display) display.log(text);
        else stream.write(text);
      }
      done();
    },
  });
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** `bibpipe warn: record rejected {"recordId":"x",...}` from one pino JSON line. */
export function readableLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return terminalSafe(line);
  }
  const { level, time: _time, msg, ...fields } = entry;
  const name = typeof level === 'number' ? (LEVEL_NAMES[level] ?? String(level)) : String(level);
  const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  // Messages name files and fields from the data; JSON leaves C1 controls as they are.
  return terminalSafe(`bibpipe ${name}: ${String(msg ?? '')}${rest}`);
}
