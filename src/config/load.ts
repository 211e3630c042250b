import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { jsonDepthProblem, jsonSyntaxProblem } from '../json-syntax.js';
import type { Config } from './schema.js';
import { topLevelArrayElementLines } from './positions.js';

/** Looked for in this order in each directory, from the working directory upward. */
export const CONFIG_FILE_NAMES = ['bibpipe.config.json', '.bibpiperc', '.bibpiperc.json'] as const;

export interface LoadedConfig {
  config: Config;
  /** The file the config came from; undefined when none was found (defaults apply). */
  file: string | undefined;
  /** `config.profile` resolved against the config file's directory. */
  profilePath: string | undefined;
  /** The line of each `fillRates` rule in the file (run-wide findings point there). */
  fillRateLines?: number[] | undefined;
}

export interface LoadConfigOptions {
  /** Where discovery starts. */
  cwd: string;
  /** An explicit config file (`--config`): no discovery, and it must exist. */
  path?: string | undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The nearest config file from `cwd` up to the filesystem root, or undefined. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let directory = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** The configuration of a run without a config file: what ConfigSchema makes of `{}` (a test holds them equal). */
export function defaultConfig(): Config {
  return { rules: {}, fillRates: [], ignore: [] };
}

/**
 * The run's configuration: `path` when given, else the nearest `bibpipe.config.json`,
 * `.bibpiperc` or `.bibpiperc.json` (all JSON) upward from `cwd`, else the defaults.
 * A missing, unreadable or invalid config file is a UsageError naming the file.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = options.path !== undefined ? resolve(options.cwd, options.path) : await findConfigFile(options.cwd);
  if (file === undefined) return { config: defaultConfig(), file: undefined, profilePath: undefined };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read config ${file}: ${(error as Error).message.replaceAll(/\s*\n\s*/g, ' ')}`);
  }
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep !== undefined) throw new UsageError(`Invalid config ${file}: ${tooDeep}; a config needs a few levels`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Config ${file} is not valid JSON: ${jsonSyntaxProblem(error).replaceAll(/\s*\n\s*/g, ' ')}`);
  }
  // zod is loaded only when there is a config file to check.
  const { parseConfig } = await import('./parse.js');
  const config = parseConfig(json, file);
  const profilePath = config.profile === undefined ? undefined : resolve(dirname(file), config.profile);
  return { config, file, profilePath, fillRateLines: topLevelArrayElementLines(text, 'fillRates') };
}
