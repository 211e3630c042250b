import { InvalidArgumentError, Option, type Command } from 'commander';
import type { $ZodType } from 'zod/v4/core';
import { declaredOptions, optionDefault, optionKind, optionMeta, parseOption, type RecordWriter, type WriterOptions } from '../cli-surface.js';

/**
 * The convert command's writer flags, made from the options each writer declares (its zod
 * schema with WriterOptionMeta): a writer that declares an option gets its flag, its help and
 * its check here without an edit to the CLI. Two writers declaring the same option (MEDLINE
 * XML and .nbib) share one flag.
 */
interface WriterFlag {
  /** The writer option's name (`csvSeparator`). */
  name: string;
  option: Option;
}

/** A comma-separated list flag; repeated flags add up. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

function writerFlag(name: string, field: $ZodType): WriterFlag | undefined {
  const meta = optionMeta(field);
  if (meta?.flag === undefined) return undefined;
  const option = new Option(meta.flag, meta.description);
  const kind = optionKind(field);
  if (kind === 'array') option.argParser(commaList);
  else if (kind !== 'boolean') {
    // A value the declaration refuses is a usage error naming the flag, before any input is read.
    option.argParser((value: string) => {
      const parsed = parseOption(field, value);
      if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
      return parsed.value;
    });
    const fallback = optionDefault(field);
    if (fallback !== undefined) option.default(fallback);
  }
  return { name, option };
}

/** The writers' flags, in registry order, one per option name. */
function writerFlags(writers: readonly RecordWriter[]): WriterFlag[] {
  const flags = new Map<string, WriterFlag>();
  for (const writer of writers) {
    for (const [name, field] of declaredOptions(writer)) {
      if (flags.has(name)) continue;
      const flag = writerFlag(name, field);
      if (flag) flags.set(name, flag);
    }
  }
  return [...flags.values()];
}

/** Adds the writers' flags to a command (the registry is given: the program loads it only for a command that names formats). */
export function addWriterOptions(command: Command, writers: readonly RecordWriter[]): Command {
  for (const { option } of writerFlags(writers)) command.addOption(option);
  return command;
}

/** The writer options the flags give; a `--no-` switch sets its option to true when given. */
export function writerOptionsFromFlags(flags: Readonly<Record<string, unknown>>, writers: readonly RecordWriter[]): WriterOptions {
  const options: Record<string, unknown> = {};
  for (const { name, option } of writerFlags(writers)) {
    const value = flags[option.attributeName()];
    options[name] = option.negate ? value === false : value;
  }
  return options;
}
