import { z } from 'zod';
import type { FieldDefinition, ValueKind } from '../biblio-schema/index.js';
import type { RawValue } from '../model/raw-record.js';
import { VALUE_CHECKS } from './field-rules.js';

/** The value rules as zod schemas, for library users who validate values at their edges. */
export const VALUE_SCHEMAS: Readonly<Record<ValueKind, z.ZodType<string>>> = Object.fromEntries(
  Object.entries(VALUE_CHECKS).map(([kind, check]) => [kind, z.string().refine(check, { message: `not a valid ${kind} value` })]),
) as unknown as Record<ValueKind, z.ZodType<string>>;

/**
 * The whole-field rule of one field: a single-valued field takes one value (a list of one
 * is accepted, as Solr does); a multi-valued field takes a value or a list.
 */
export function fieldSchema(definition: FieldDefinition): z.ZodType<RawValue> {
  const value = VALUE_SCHEMAS[definition.kind];
  return definition.multiValued ? z.union([value, z.array(value)]) : z.union([value, z.array(value).max(1)]);
}
