import type { Writable } from 'node:stream';
import { removePartialFilesNow } from '../cli-surface.js';

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
        removePartialFilesNow();
        const stderr = options.stderr ?? process.stderr;
        try {
          stderr.write(`bibpipe: interrupted by ${name}; stopped without committing any output (earlier outputs are unchanged)\n`);
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
