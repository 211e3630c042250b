/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report it. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface InterruptWatch {
  readonly signal: AbortSignal;
  /** The signal that stopped the run, if one did. */
  readonly received: StopSignal | undefined;
  dispose(): void;
}

/**
 * Turns the first SIGINT or SIGTERM into an abort: the run stops reading, discards its
 * partial outputs and reports what it did. Each handler is installed once, so a second
 * Ctrl-C falls back to Node's default and ends the process at once.
 */
export function watchInterrupts(): InterruptWatch {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handlers = (Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]).map((name) => {
    const handler = (): void => {
      received ??= name;
      controller.abort(new Error(`interrupted by ${name}`));
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
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
