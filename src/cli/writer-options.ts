import { InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import { writers, type WriterOptionMeta, type WriterOptions } from '../index.js';

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

/** The field's own type under `.optional()` / `.default()`. */
function innerType(field: z.ZodType): z.ZodType {
  let type = field;
  while (type instanceof z.ZodOptional || type instanceof z.ZodDefault) type = type.unwrap() as z.ZodType;
  return type;
}

/** A comma-separated list flag; repeated flags add up. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim()).filter(Boolean)];
}

function writerFlag(name: string, field: z.ZodType): WriterFlag | undefined {
  const meta = field.meta() as Partial<WriterOptionMeta> | undefined;
  if (meta?.flag === undefined) return undefined;
  const option = new Option(meta.flag, meta.description);
  const type = innerType(field);
  if (type instanceof z.ZodArray) option.argParser(commaList);
  else if (!(type instanceof z.ZodBoolean)) {
    // A value the declaration refuses is a usage error naming the flag, before any input is read.
    option.argParser((value: string) => {
      const parsed = field.safeParse(value);
      if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'invalid value');
      return parsed.data;
    });
    const fallback = field instanceof z.ZodDefault ? (field.def.defaultValue as unknown) : undefined;
    if (fallback !== undefined) option.default(fallback);
  }
  return { name, option };
}

/** Every registered writer's flags, in registry order, one per option name. */
function writerFlags(): WriterFlag[] {
  const flags = new Map<string, WriterFlag>();
  for (const writer of writers) {
    for (const [name, field] of Object.entries(writer.options?.shape ?? {})) {
      if (flags.has(name)) continue;
      const flag = writerFlag(name, field as z.ZodType);
      if (flag) flags.set(name, flag);
    }
  }
  return [...flags.values()];
}

/** Adds the writers' flags to a command. */
export function addWriterOptions(command: Command): Command {
  for (const { option } of writerFlags()) command.addOption(option);
  return command;
}

/** The writer options the flags give; a `--no-` switch sets its option to true when given. */
export function writerOptionsFromFlags(flags: Readonly<Record<string, unknown>>): WriterOptions {
  const options: Record<string, unknown> = {};
  for (const { name, option } of writerFlags()) {
    const value = flags[option.attributeName()];
    options[name] = option.negate ? value === false : value;
  }
  return options;
}
