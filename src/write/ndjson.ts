import { z } from 'zod';
import type { Issue } from '../model/issue.js';
import { BibRecordSchema, type BibRecord } from '../model/record.js';
import type { RecordWriter, WriterOptions, WriterSession } from './types.js';

/**
 * NDJSON: one BibRecord per line, exactly the normalized model. Keys are written in the
 * order BibRecordSchema declares them (nested objects too), whatever order the record was
 * built in, so identical records give identical bytes. Keys the schema does not know follow
 * in code-point order.
 */

type KeyOrder = { keys: readonly string[]; children: ReadonlyMap<string, KeyOrder> };

/** Where an object schema sits inside wrappers (optional, nullable, array...), its key order. */
function keyOrderOf(schema: z.ZodType): KeyOrder | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return keyOrderOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDefault) return keyOrderOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return keyOrderOf(schema.element as z.ZodType);
  if (!(schema instanceof z.ZodObject)) return undefined;
  const children = new Map<string, KeyOrder>();
  for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const order = keyOrderOf(child);
    if (order) children.set(key, order);
  }
  return { keys: Object.keys(schema.shape), children };
}

const RECORD_KEY_ORDER = keyOrderOf(BibRecordSchema);

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
      write: (record) => `${JSON.stringify(orderRecordKeys(record))}\n`,
      end: () => '',
    };
  },
};
