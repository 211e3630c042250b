import { BIBLIO_SCHEMA_DATA } from './data.js';
import type { CopyFieldData, SchemaFieldData } from './types.js';
import type { Profile } from './profile.js';

export type { CopyFieldData } from './types.js';
export { BIBLIO_SCHEMA_DATA } from './data.js';

/** What a field's values must look like, from its Solr field class. */
export type ValueKind = 'text' | 'int32' | 'int64' | 'float' | 'date' | 'boolean';

/** A field name resolved against the schema (and a local profile). */
export interface FieldDefinition {
  /** The field's name, or the dynamic pattern that matched (`*_str_mv`). */
  readonly name: string;
  readonly type: string;
  readonly kind: ValueKind;
  readonly stored: boolean;
  readonly multiValued: boolean;
  readonly dynamic: boolean;
  readonly origin: 'schema' | 'profile';
}

const KIND_BY_SOLR_CLASS: Readonly<Record<string, ValueKind>> = {
  'solr.IntPointField': 'int32',
  'solr.TrieIntField': 'int32',
  'solr.LongPointField': 'int64',
  'solr.TrieLongField': 'int64',
  'solr.FloatPointField': 'float',
  'solr.DoublePointField': 'float',
  'solr.TrieFloatField': 'float',
  'solr.TrieDoubleField': 'float',
  'solr.DatePointField': 'date',
  'solr.TrieDateField': 'date',
  'solr.BoolField': 'boolean',
};

/** Type names of Solr's default configset, for profile fields whose type the biblio schema lacks. */
const KIND_BY_COMMON_TYPE_NAME: Readonly<Record<string, ValueKind>> = {
  int: 'int32', pint: 'int32', tint: 'int32', pints: 'int32',
  long: 'int64', plong: 'int64', tlong: 'int64', plongs: 'int64',
  float: 'float', pfloat: 'float', double: 'float', pdouble: 'float',
  date: 'date', pdate: 'date', tdate: 'date', pdates: 'date',
  boolean: 'boolean', booleans: 'boolean',
};

const KIND_BY_SCHEMA_TYPE = new Map<string, ValueKind>(
  BIBLIO_SCHEMA_DATA.fieldTypes.map((type) => [type.name, KIND_BY_SOLR_CLASS[type.solrClass] ?? 'text']),
);

function kindOfType(type: string): ValueKind {
  return KIND_BY_SCHEMA_TYPE.get(type) ?? KIND_BY_COMMON_TYPE_NAME[type] ?? 'text';
}

function define(field: SchemaFieldData, dynamic: boolean, origin: FieldDefinition['origin']): FieldDefinition {
  return Object.freeze({
    name: field.name,
    type: field.type,
    kind: kindOfType(field.type),
    stored: field.stored,
    multiValued: field.multiValued,
    dynamic,
    origin,
  });
}

interface DynamicPattern {
  readonly affix: string;
  readonly atStart: boolean;
  readonly definition: FieldDefinition;
}

/** Lookup tables built once per schema (and once per profile object). */
export interface CompiledSchema {
  resolve(name: string): FieldDefinition | undefined;
}

function compile(profile: Profile | undefined): CompiledSchema {
  const explicit = new Map<string, FieldDefinition>();
  for (const field of BIBLIO_SCHEMA_DATA.fields) explicit.set(field.name, define(field, false, 'schema'));
  const patterns: DynamicPattern[] = [];
  const addPattern = (field: SchemaFieldData, origin: FieldDefinition['origin']): void => {
    const atStart = field.name.endsWith('*');
    const affix = atStart ? field.name.slice(0, -1) : field.name.slice(1);
    patterns.push({ affix, atStart, definition: define(field, true, origin) });
  };
  // Profile patterns first so that, at equal length, the site's declaration wins (stable sort).
  for (const field of profile?.dynamicFields ?? []) addPattern({ indexed: true, ...field }, 'profile');
  for (const field of BIBLIO_SCHEMA_DATA.dynamicFields) addPattern(field, 'schema');
  for (const field of profile?.fields ?? []) explicit.set(field.name, define({ indexed: true, ...field }, false, 'profile'));
  // Solr prefers the longest matching pattern.
  patterns.sort((left, right) => right.affix.length - left.affix.length);
  return {
    resolve(name: string): FieldDefinition | undefined {
      const found = explicit.get(name);
      if (found !== undefined) return found;
      for (const pattern of patterns) {
        if (pattern.atStart ? name.startsWith(pattern.affix) : name.endsWith(pattern.affix)) return pattern.definition;
      }
      return undefined;
    },
  };
}

const BASE_SCHEMA = compile(undefined);
const PROFILE_SCHEMAS = new WeakMap<Profile, CompiledSchema>();

/** The compiled schema for a profile (cached per profile object). */
export function compiledSchema(profile?: Profile): CompiledSchema {
  if (profile === undefined) return BASE_SCHEMA;
  let compiled = PROFILE_SCHEMAS.get(profile);
  if (compiled === undefined) {
    compiled = compile(profile);
    PROFILE_SCHEMAS.set(profile, compiled);
  }
  return compiled;
}

/**
 * The definition of a field: explicit field (profile first), else the longest matching
 * dynamic pattern, as Solr resolves it. `undefined` when Solr would reject the field.
 */
export function resolveField(name: string, profile?: Profile): FieldDefinition | undefined {
  return compiledSchema(profile).resolve(name);
}

/** True when the schema (or profile) declares the field multi-valued; false when unknown. */
export function isMultiValued(name: string, profile?: Profile): boolean {
  return resolveField(name, profile)?.multiValued ?? false;
}

/** The schema's copyField rules (source -> dest), in schema order. */
export const COPY_FIELDS: readonly CopyFieldData[] = BIBLIO_SCHEMA_DATA.copyFields;

export const UNIQUE_KEY: string = BIBLIO_SCHEMA_DATA.uniqueKey;

/** Fields Solr adds to query results (not part of any document): `score`, `[explain]`, `[docid]`... */
export function isPseudoField(name: string): boolean {
  return name === 'score' || name === '_explain_' || (name.startsWith('[') && name.endsWith(']'));
}
