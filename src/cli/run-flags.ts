import { pino, type Logger } from 'pino';
import { UsageError } from '../errors.js';
import type { Profile } from '../index.js';
import type { LimitFlags } from './limits-options.js';
import { logDestination, type ProgressDisplay, type TerminalStream } from './progress.js';
import type { SolrFlags } from './solr-options.js';

export { EXIT, type CliStreams } from './exit-codes.js';

/** The flags every reading command shares. */
export interface RunFlags extends LimitFlags, SolrFlags {
  from: string;
  profile?: string | undefined;
  config?: string | undefined;
  logLevel: string;
  quiet?: boolean | undefined;
  allowEmpty?: boolean | undefined;
}

/** pino on stderr: JSON lines for machines, readable lines above the progress bar on a terminal. */
export function makeLogger(level: string, stderr: TerminalStream, display?: ProgressDisplay): Logger {
  return pino({ level, base: undefined }, logDestination(stderr, display) as unknown as pino.DestinationStream);
}

/** The profile file, read as a usage error when it is missing or invalid. */
export async function profileFrom(path: string | undefined): Promise<Profile | undefined> {
  if (path === undefined) return undefined;
  try {
    // The profile's schema (zod) is loaded by runs that name a profile only.
    const { loadProfile } = await import('./profile-load.js');
    return await loadProfile(path);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

