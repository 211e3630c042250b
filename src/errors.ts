/** Thrown for problems with the run itself (missing file, unknown format, bad flag): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
