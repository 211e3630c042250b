import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { jsonDepthProblem, jsonSyntaxProblem, prototypeKeyPath } from '../json-syntax.js';

const FieldNameSchema = z
  .string()
  .min(1)
  .refine((name) => !name.includes('*'), { message: 'a field name has no "*"; put patterns in dynamicFields' });

/** A dynamic-field pattern: one `*` at the start or at the end, as Solr allows. */
const DynamicPatternSchema = z
  .string()
  .min(2)
  .refine((name) => {
    const stars = name.split('*').length - 1;
    return stars === 1 && (name.startsWith('*') || name.endsWith('*'));
  }, { message: 'a dynamic-field pattern has one "*" at its start or end ("*_local_str", "local_*")' });

const ProfileFieldSchema = z.strictObject({
  name: FieldNameSchema,
  /** Solr field type: a biblio schema type (`string`, `text`, `long`, `date`, `boolean`...) or a common Solr one (`pint`, `plong`, `pdate`...). */
  type: z.string().min(1),
  multiValued: z.boolean(),
  stored: z.boolean().default(true),
});

const ProfileDynamicFieldSchema = ProfileFieldSchema.extend({ name: DynamicPatternSchema });

/**
 * A site's additions to the VuFind biblio schema (local fields in its schema.xml or
 * `schema_local_fields.xml`). A profile field with the name of a schema field replaces it.
 */
export const ProfileSchema = z.strictObject({
  description: z.string().optional(),
  fields: z.array(ProfileFieldSchema).default([]),
  dynamicFields: z.array(ProfileDynamicFieldSchema).default([]),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** Checks parsed JSON as a profile; `origin` names the file in the error. */
export function parseProfile(json: unknown, origin: string): Profile {
  const prototypeKey = prototypeKeyPath(json);
  if (prototypeKey !== undefined) throw new Error(`Invalid schema profile ${origin}: the key "${prototypeKey}" is not allowed`);
  const result = ProfileSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`Invalid schema profile ${origin}:\n${z.prettifyError(result.error)}\nSee profiles/example-local-fields.json for the expected shape.`);
  }
  return result.data;
}

/** Reads a local schema profile (JSON). Throws an Error naming the file and the problem. */
export async function loadProfile(path: string): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read schema profile ${path}: ${(error as Error).message}`);
  }
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep !== undefined) throw new Error(`Invalid schema profile ${path}: ${tooDeep}; a profile needs a few levels`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Schema profile ${path} is not valid JSON: ${jsonSyntaxProblem(error)}`);
  }
  return parseProfile(json, path);
}
