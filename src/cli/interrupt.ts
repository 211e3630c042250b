import type { Writable } from 'node:stream';
import { removePartialFilesNow } from '../cli-surface.js';
import { counted } from '../plural.js';
import { createProgressDisplay, type ProgressDisplay } from './progress.js';

/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report it. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * How long a run has, after the first signal, to stop by itself (finish its batch, discard
 * its outputs, print its summary) before it is ended: well inside the 2 s a signal must be
 * honoured in, whatever the run was waiting for (a FIFO with no writer, a silent server).
 */
export const INTERRUPT_GRACE_MS = 1500;

export interface InterruptWatch {
  readonly signal: AbortSignal;
  /** The signal that stopped the run, if one did. */
  readonly received: StopSignal | undefined;
  dispose(): void;
}

export interface InterruptOptions {
  graceMs?: number | undefined;
  stderr?: Writable | undefined;
  /** Ends the process when the grace period runs out (tests pass their own). */
  exit?: ((code: number) => void) | undefined;
  /** Called before the process is ended at the deadline (the progress bar gives the terminal back). */
  beforeExit?: (() => void) | undefined;
  /** What was not done, said when the deadline ends the run (default: convert's outputs). */
  notDone?: string | undefined;
}

/**
 * Turns the first SIGINT or SIGTERM into an abort: the run stops reading, discards its
 * partial outputs and reports what it did. A run still going after the grace period is
 * ended there: its temporary files are removed (earlier outputs stay as they were) and
 * the process exits with the signal's code. Each handler is installed once, so a second
 * Ctrl-C falls back to Node's default and ends the process at once.
 */
export function watchInterrupts(options: InterruptOptions = {}): InterruptWatch {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const handlers = (Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]).map((name) => {
    const handler = (): void => {
      received ??= name;
      controller.abort(new Error(`interrupted by ${name}`));
      deadline ??= setTimeout(() => {
        options.beforeExit?.();
        removePartialFilesNow();
        const stderr = options.stderr ?? process.stderr;
        try {
          stderr.write(`bibpipe: interrupted by ${name}; ${options.notDone ?? 'stopped without committing any output (earlier outputs are unchanged)'}\n`);
        } catch {
          // stderr is gone: the exit code tells
        }
        (options.exit ?? (() => dieBy(name)))(SIGNAL_EXIT_CODES[name]);
      }, options.graceMs ?? INTERRUPT_GRACE_MS);
      // The deadline must not keep a run that has finished alive.
      deadline.unref();
    };
    process.once(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      clearTimeout(deadline);
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

/**
 * Ends the process by the signal itself, with its default action: `process.exit` would wait
 * for a thread blocked in a system call (opening a FIFO that has no writer) and never return.
 * A shell sees the same status as for `exit(128 + n)`.
 */
function dieBy(name: StopSignal): void {
  process.removeAllListeners(name);
  process.kill(process.pid, name);
}

/** What a command run under `interruptible` returns: its exit code, or that it was interrupted after N records. */
export type InterruptibleOutcome = number | { interrupted: number | undefined };

/**
 * Runs a reading command (validate, stats) with the progress bar and the signal handlers of
 * convert: the first SIGINT/SIGTERM stops the run after its batch, the bar is removed (the
 * cursor shown and line wrap on again, also when the grace period runs out), one line says
 * what happened, and the exit code is the signal's (130, 143).
 */
export async function interruptible(
  streams: { stderr: Writable & { isTTY?: boolean } },
  flags: { quiet?: boolean | undefined },
  body: (progress: ProgressDisplay | undefined, signal: AbortSignal) => Promise<InterruptibleOutcome>,
): Promise<number> {
  const progress = createProgressDisplay(streams.stderr, Boolean(flags.quiet));
  const interrupts = watchInterrupts({ beforeExit: () => progress?.stop(), notDone: 'no report was written', stderr: streams.stderr });
  try {
    const outcome = await body(progress, interrupts.signal);
    if (typeof outcome === 'number') return outcome;
    progress?.stop();
    const name = interrupts.received ?? 'SIGINT';
    const after = outcome.interrupted === undefined ? '' : ` after ${counted(outcome.interrupted, 'record')}`;
    streams.stderr.write(`bibpipe: interrupted by ${name}${after}; no report was written\n`);
    return SIGNAL_EXIT_CODES[name];
  } finally {
    progress?.stop();
    interrupts.dispose();
  }
}
