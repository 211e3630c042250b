import { escapeControlsInJson } from '../text.js';
import { readFileSync } from 'node:fs';
import type { Issue } from '../model/issue.js';
import type { BibRecord } from '../model/record.js';
import type { RecordWriter, WriterOptions, WriterSession } from './types.js';

/**
 * NDJSON: one BibRecord per line, exactly the normalized model. Keys are written in the
 * order BibRecordSchema declares them (nested objects too), whatever order the record was
 * built in, so identical records give identical bytes. Keys the schema does not know follow
 * in code-point order.
 */

type KeyOrder = { keys: readonly string[]; children: ReadonlyMap<string, KeyOrder> };

/** The part of a JSON Schema that tells key order: properties, array items, references. */
interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
}

/**
 * The key order of an object schema, read from schemas/record.schema.json, which is
 * generated from BibRecordSchema (a test keeps it current): the same order as the zod
 * schema, without loading zod on every worker thread.
 */
function keyOrderOf(schema: JsonSchemaNode | undefined, root: JsonSchemaNode): KeyOrder | undefined {
  if (schema === undefined) return undefined;
  if (schema.$ref?.startsWith('#/$defs/')) return keyOrderOf(root.$defs?.[schema.$ref.slice(8)], root);
  if (schema.items) return keyOrderOf(schema.items, root);
  if (schema.anyOf) return schema.anyOf.map((option) => keyOrderOf(option, root)).find((order) => order !== undefined);
  if (!schema.properties) return undefined;
  const children = new Map<string, KeyOrder>();
  for (const [key, child] of Object.entries(schema.properties)) {
    const order = keyOrderOf(child, root);
    if (order) children.set(key, order);
  }
  return { keys: Object.keys(schema.properties), children };
}

const RECORD_SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/record.schema.json', import.meta.url), 'utf8')) as JsonSchemaNode;
const RECORD_KEY_ORDER = keyOrderOf(RECORD_SCHEMA, RECORD_SCHEMA);

function ordered(value: unknown, order: KeyOrder | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, order));
  if (value === null || typeof value !== 'object' || !order) return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of order.keys) {
    if (key in source) result[key] = ordered(source[key], order.children.get(key));
  }
  const known = new Set(order.keys);
  for (const key of Object.keys(source).filter((k) => !known.has(k)).sort()) result[key] = source[key];
  return result;
}

/** The record with its keys in BibRecordSchema order (a deep copy; the record is untouched). */
export function orderRecordKeys(record: BibRecord): BibRecord {
  return ordered(record, RECORD_KEY_ORDER) as BibRecord;
}

export const ndjsonWriter: RecordWriter = {
  name: 'ndjson',
  requiresRecords: true,
  description: 'NDJSON: one normalized record (the BibRecord model) per line, keys in schema order',
  fileName: 'records.ndjson',
  mediaType: 'application/x-ndjson',
  accepts(_record: BibRecord): Issue | undefined {
    return undefined;
  },
  open(_options: WriterOptions): WriterSession {
    return {
      start: () => '',
      write: (record) => `${escapeControlsInJson(JSON.stringify(orderRecordKeys(record)))}\n`,
      end: () => '',
    };
  },
};
