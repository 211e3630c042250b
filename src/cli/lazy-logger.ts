import { createRequire } from 'node:module';
import type { DestinationStream, Logger, pino as Pino } from 'pino';

const LEVEL_VALUES: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const LOG_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/**
 * A pino logger that loads pino on the first line it prints. Most runs print none at the
 * default level (warn), and pino with its streams costs a 1-record convert about 8 MB and
 * a sixth of its start-up. It is loaded with require when needed, not imported: an import,
 * even of a bundled module, is evaluated when the CLI starts. The engine uses the level
 * methods and isLevelEnabled, which answer without pino.
 */
export function lazyLogger(level: string, destination: () => DestinationStream): Logger {
  const threshold = LEVEL_VALUES[level] ?? LEVEL_VALUES.info!;
  let logger: Logger | undefined;
  const loaded = (): Logger => {
    const { pino } = createRequire(import.meta.url)('pino') as { pino: typeof Pino };
    return (logger ??= pino({ level, base: undefined }, destination()));
  };
  const lazy: Record<string, unknown> = {
    level,
    isLevelEnabled: (name: string) => (LEVEL_VALUES[name] ?? Infinity) >= threshold,
  };
  for (const name of LOG_METHODS) {
    lazy[name] = (...args: unknown[]) => {
      if (LEVEL_VALUES[name]! < threshold) return;
      (loaded()[name] as (...line: unknown[]) => void)(...args);
    };
  }
  return lazy as unknown as Logger;
}
