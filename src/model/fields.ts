import { z } from 'zod';
import { BibRecordSchema } from './record.js';

/** Short names for identifier fields: `doi` means `identifiers.doi`. */
const ALIASES: Readonly<Record<string, string>> = {
  doi: 'identifiers.doi',
  pmid: 'identifiers.pmid',
  pmcid: 'identifiers.pmcid',
  isbn: 'identifiers.isbn',
  issn: 'identifiers.issn',
  oclc: 'identifiers.oclc',
  lccn: 'identifiers.lccn',
};

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/**
 * The path of a normalized-record field (`doi`, `abstract`, `published.year`,
 * `container.title`) as its segments, or undefined when the model has no such field.
 * Paths go through objects only; a list ends the path (filled = at least one value).
 */
export function resolveModelField(name: string): string[] | undefined {
  // hasOwn: `constructor` or `toString` must not find Object's members.
  const segments = (Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name).split('.');
  let schema: z.ZodType = BibRecordSchema;
  for (const segment of segments) {
    const object = unwrap(schema);
    if (!(object instanceof z.ZodObject)) return undefined;
    const shape = object.shape as Record<string, z.ZodType>;
    if (!Object.hasOwn(shape, segment)) return undefined;
    schema = shape[segment] as z.ZodType;
  }
  return segments;
}

/** Every field name `resolveModelField` accepts at the top of the model, for error messages. */
export function modelFieldNames(): string[] {
  return [...Object.keys(ALIASES), ...Object.keys(BibRecordSchema.shape)].sort();
}

export { isFilled } from './filled.js';
