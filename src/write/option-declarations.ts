import * as z from '../zod-mini.js';
import type { $ZodDefault, $ZodOptional, $ZodType } from 'zod/v4/core';
import type { RecordWriter, WriterOptionMeta } from './types.js';

/**
 * Reading a writer's option declarations (a zod object, classic or mini) through zod/mini
 * and zod's core types only: the code that checks a run's options and offers their flags
 * runs on every convert, and zod's classic API would be loaded for it alone.
 */

/** The writer's declared options, by name, in declaration order. */
export function declaredOptions(writer: RecordWriter): Array<[name: string, field: $ZodType]> {
  return Object.entries(writer.options?._zod.def.shape ?? {});
}

/** The flag, help and probe a declaration carries (zod metadata: `.meta()` or `z.meta()`). */
export function optionMeta(field: $ZodType): Partial<WriterOptionMeta> | undefined {
  return z.globalRegistry.get(field) as Partial<WriterOptionMeta> | undefined;
}

/** What kind of value the option holds, under `optional` and `default`. */
export function optionKind(field: $ZodType): string {
  let type = field;
  while (type._zod.def.type === 'optional' || type._zod.def.type === 'default') type = (type as $ZodOptional | $ZodDefault)._zod.def.innerType;
  return type._zod.def.type;
}

/** The declared default, or undefined when it has none. */
export function optionDefault(field: $ZodType): unknown {
  return field._zod.def.type === 'default' ? (field as $ZodDefault)._zod.def.defaultValue : undefined;
}

/** The value checked and parsed, or the first problem's message. */
export function parseOption<T>(schema: $ZodType, value: T): { ok: true; value: unknown } | { ok: false; path: string; message: string } {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problem = parsed.error.issues[0];
  return { ok: false, path: problem?.path.join('.') ?? '', message: problem?.message ?? 'invalid value' };
}
