import type { Writable } from 'node:stream';
import { SIGNAL_EXIT_CODES } from './interrupt.js';

/** The streams a CLI run writes to. */
export interface CliStreams {
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes: documented in docs/cli.md. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, interrupted: SIGNAL_EXIT_CODES.SIGINT, terminated: SIGNAL_EXIT_CODES.SIGTERM } as const;
