import { csvWriter } from './csv.js';
import { jsonLdWriter } from './jsonld.js';
import { medlineXmlWriter } from './medline-xml.js';
import { nbibWriter } from './nbib.js';
import { ndjsonWriter } from './ndjson.js';
import { UsageError } from '../errors.js';
import { declaredOptions, parseOption } from './option-declarations.js';
import type { RecordWriter, WriterOptions } from './types.js';

const registry: RecordWriter[] = [medlineXmlWriter, jsonLdWriter, csvWriter, ndjsonWriter, nbibWriter];

/** Every output format, one line each; `--to` names them. */
export const writers: readonly RecordWriter[] = registry;

/**
 * Adds an output format to this thread's registry (a library user's own format, or a test's).
 * Worker threads load only the formats listed above, so a run with an added format runs
 * with `workers: 1`.
 */
export function registerWriter(writer: RecordWriter): void {
  if (findWriter(writer.name)) throw new Error(`An output format named "${writer.name}" is already registered`);
  registry.push(writer);
}

/**
 * A run's writer options as its writers read them: `given` checked against every registered
 * writer's declared options (a name no writer declares, or a value its declaration refuses,
 * is a usage error), then what the declarations of the `chosen` writers parse it to,
 * defaults included. This is what the run state records for merge.
 */
export function writerOptionsOf(chosen: readonly RecordWriter[], given: WriterOptions): WriterOptions {
  const declared = new Set(writers.flatMap((writer) => declaredOptions(writer).map(([name]) => name)));
  const unknown = Object.keys(given).filter((name) => !declared.has(name) && given[name] !== undefined);
  if (unknown.length > 0) throw new UsageError(`Unknown writer option ${unknown.join(', ')} (known: ${[...declared].join(', ')})`);
  const options: Record<string, unknown> = {};
  for (const writer of chosen) {
    if (!writer.options) continue;
    const parsed = parseOption(writer.options, given);
    if (!parsed.ok) throw new UsageError(`${writer.name} writer option ${parsed.path}: ${parsed.message}`);
    Object.assign(options, parsed.value);
  }
  return options;
}

/**
 * The output formats' names as a type, so that a library caller's typo (`to: ['csvv']`) fails
 * to compile; a test checks that it lists exactly the registered writers.
 */
export const OUTPUT_FORMATS = ['medline', 'jsonld', 'csv', 'ndjson', 'nbib'] as const;
/**
 * Output formats a library user adds with `registerWriter` name themselves here, by module
 * augmentation (`declare module 'bibpipe' { interface AddedOutputFormats { ris: true } }`), so
 * that `to` stays a closed union: a misspelt format is a type error, an added one is not.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface AddedOutputFormats {}
export type OutputFormat = (typeof OUTPUT_FORMATS)[number] | Extract<keyof AddedOutputFormats, string>;

/** True for a registered format: the built-in ones and those added with `registerWriter`. */
export function isOutputFormat(name: string): name is OutputFormat {
  return findWriter(name) !== undefined;
}

export function findWriter(name: string): RecordWriter | undefined {
  return writers.find((writer) => writer.name === name);
}

export type { RecordWriter, WriterOptions } from './types.js';
