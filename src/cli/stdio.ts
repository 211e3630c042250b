import type { Writable } from 'node:stream';
import { removePartialFilesNow } from '../cli-surface.js';

/**
 * What happens when stdout goes away under a run: the reader of a pipe stopped
 * (`bibpipe rules | head -1`: EPIPE) or the file or device behind it cannot take more
 * (`> /dev/full`: ENOSPC). Either ends the run at once, quietly: one line on stderr, no
 * stack, temporary output files removed, and an exit code of its own, so that CI does not
 * read it as "validation failed" (1) or a usage error (2).
 */
export const STDOUT_EXIT_CODES = {
  /** 128 + SIGPIPE, what a shell reports for a process killed by a closed pipe. */
  EPIPE: 141,
  /** EX_IOERR (sysexits.h): the output could not be written. */
  ENOSPC: 74,
} as const;

const OUTPUT_GONE: Record<string, { exitCode: number; reason: string }> = {
  EPIPE: { exitCode: STDOUT_EXIT_CODES.EPIPE, reason: 'its reader closed the pipe (EPIPE)' },
  ENOSPC: { exitCode: STDOUT_EXIT_CODES.ENOSPC, reason: 'the disk or device is full (ENOSPC)' },
  EDQUOT: { exitCode: STDOUT_EXIT_CODES.ENOSPC, reason: 'the disk quota is used up (EDQUOT)' },
  EFBIG: { exitCode: STDOUT_EXIT_CODES.ENOSPC, reason: 'the file is larger than the system allows (EFBIG)' },
  EIO: { exitCode: STDOUT_EXIT_CODES.ENOSPC, reason: 'an I/O error (EIO)' },
};

export interface StdioGuardOptions {
  stdout: Writable;
  stderr: Writable;
  /** Ends the process (tests pass their own). */
  exit?: ((code: number) => void) | undefined;
}

/** The one line printed, and the exit code, for a failure of stdout; undefined when it is not one. */
export function describeStdoutFailure(error: unknown): { exitCode: number; line: string } | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : OUTPUT_GONE[code];
  if (known === undefined) return undefined;
  return { exitCode: known.exitCode, line: `bibpipe: stopped: cannot write to stdout: ${known.reason}\n` };
}

/**
 * Installs the handlers: an `error` on stdout (and one on stderr, which then cannot be
 * written to either) ends the process as described above. Returns a function that removes them.
 */
export function guardStdio(options: StdioGuardOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let ended = false;
  const onStdoutError = (error: Error): void => {
    if (ended) return;
    ended = true;
    const failure = describeStdoutFailure(error) ?? { exitCode: STDOUT_EXIT_CODES.ENOSPC, line: `bibpipe: stopped: cannot write to stdout: ${error.message.split('\n')[0]}\n` };
    removePartialFilesNow();
    try {
      options.stderr.write(failure.line);
    } catch {
      // stderr is gone too: the exit code alone must tell
    }
    exit(failure.exitCode);
  };
  const onStderrError = (): void => {
    // Nothing can be reported any more; the run goes on and its exit code tells the result.
  };
  options.stdout.on('error', onStdoutError);
  options.stderr.on('error', onStderrError);
  return () => {
    options.stdout.off('error', onStdoutError);
    options.stderr.off('error', onStderrError);
  };
}

/**
 * Writes to a stream the caller does not own and settles once the text is handed over:
 * rejects with the stream's error (a closed pipe, a full device) instead of going on as if
 * the text had been delivered.
 */
export function writeFully(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(new OutputStreamGone(error)) : resolve()));
  });
}

/** A write to stdout failed; the stdio guard reports it, so callers only stop. */
export class OutputStreamGone extends Error {
  override readonly name = 'OutputStreamGone';
  readonly code: string | undefined;
  constructor(cause: Error) {
    super(cause.message, { cause });
    this.code = (cause as NodeJS.ErrnoException).code;
  }
}
