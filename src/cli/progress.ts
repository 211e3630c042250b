import { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { RunProgress } from '../pipeline/convert.js';
import { terminalSafe } from '../model/display.js';

/**
 * The progress bar of a long run, on stderr, and only on a terminal: cli-progress (widely
 * used and kept up to date) redraws one line at a bounded frame rate, computes the ETA
 * from the recent rate, and can print log lines above the bar without tearing it.
 */
export interface ProgressDisplay {
  update(progress: Readonly<RunProgress>): void;
  /** Prints a line (ending in a newline) above the bar. */
  log(text: string): void;
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
  const started = Date.now();
  let multibar: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const payload = (progress: Readonly<RunProgress>): Record<string, string> => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      records: progress.records.toLocaleString('en-US'),
      rate: Math.round(progress.records / seconds).toLocaleString('en-US'),
      read: formatBytes(progress.bytesRead),
      size: progress.bytesTotal === undefined ? '' : formatBytes(progress.bytesTotal),
    };
  };
  return {
    update(progress) {
      if (!bar) {
        const known = progress.bytesTotal !== undefined && progress.bytesTotal > 0;
        multibar = new cliProgress.MultiBar(
          {
            stream,
            hideCursor: true,
            clearOnComplete: true,
            fps: 5,
            format: known
              ? '{bar} {percentage}% | {records} records | {rate} records/s | {read} of {size} | ETA {eta_formatted}'
              : '{records} records | {rate} records/s | {read} read',
          },
          cliProgress.Presets.shades_classic,
        );
        bar = multibar.create(known ? progress.bytesTotal! : 1, 0, payload(progress));
      }
      bar.update(Math.min(progress.bytesRead, bar.getTotal()), payload(progress));
    },
    log(text) {
      if (multibar) multibar.log(text);
      else stream.write(text);
    },
    stop() {
      multibar?.stop();
    },
  };
}

/**
 * Where pino writes: JSON lines as they are when stderr is not a terminal (for machines);
 * on a terminal one readable line per entry, printed above the progress bar.
 */
export function logDestination(stream: TerminalStream, display: ProgressDisplay | undefined): Writable {
  if (stream.isTTY !== true) return stream;
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
