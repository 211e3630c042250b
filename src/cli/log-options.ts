/** The choices of `--log-level` and `--log-format`, shared by the commands that log (no import cost at start-up). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const LOG_FORMATS = ['text', 'json'];
