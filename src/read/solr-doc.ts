import type { Issue, SourcePosition } from '../model/issue.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';
import { makeIssue } from '../model/rules.js';
import { capFieldLength, capValueCount } from './limits.js';
import type { ReadLimits } from './types.js';

/** Solr pseudo-fields that a query may add to a document; they are not catalogue data. */
const PSEUDO_FIELDS = new Set(['score', '[explain]', '[docid]', '[shard]', '_root_', '_nest_path_']);

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}

/**
 * Turns one parsed Solr JSON document into a raw record. Numbers arrive as their exact
 * digits (the readers keep them as text), so `_version_` survives.
 */
export function rawRecordFromSolrDoc(
  doc: unknown,
  format: string,
  source: SourcePosition,
  limits: ReadLimits,
): RawRecord {
  const issues: Issue[] = [];
  // No prototype: a field named `__proto__` is a field like any other, not a prototype change.
  const fields: Record<string, RawValue> = Object.create(null) as Record<string, RawValue>;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.push(
      makeIssue('read.not-a-record', {
        message: `Expected a Solr document (a JSON object) but found ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}`,
        source,
        actual: jsonPreview(doc),
        expected: 'a JSON object of Solr fields',
      }),
    );
    return { format, source, fields, issues, rawText: jsonPreview(doc, 1 << 20) };
  }
  const object = doc as Record<string, unknown>;
  const id = typeof object.id === 'string' || typeof object.id === 'number' ? String(object.id) : undefined;
  for (const [name, value] of Object.entries(object)) {
    if (PSEUDO_FIELDS.has(name)) continue;
    if (value === null) continue;
    if (Array.isArray(value)) {
      const list: string[] = [];
      for (const item of value) {
        const text = scalarText(item);
        if (text === undefined) {
          issues.push(
            makeIssue('field.type', {
              message: `Field "${name}" holds a nested ${item === null ? 'null' : typeof item} value; Solr fields hold scalars`,
              recordId: id,
              source,
              field: name,
              actual: jsonPreview(item),
              expected: 'a string, number or boolean',
            }),
          );
          continue;
        }
        list.push(text);
      }
      const site = { field: name, recordId: id, source };
      fields[name] = capValueCount(list, site, limits, issues).map((value) => capFieldLength(value, site, limits, issues));
      continue;
    }
    const text = scalarText(value);
    if (text === undefined) {
      issues.push(
        makeIssue('field.type', {
          message: `Field "${name}" holds an object; Solr fields hold scalars or lists of scalars`,
          recordId: id,
          source,
          field: name,
          actual: jsonPreview(value),
          expected: 'a string, number, boolean or a list of them',
        }),
      );
      continue;
    }
    fields[name] = capFieldLength(text, { field: name, recordId: id, source }, limits, issues);
  }
  return { format, source, fields, issues };
}

export function truncate(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** Levels of a nested value shown in a preview; deeper ones are written `[…]` or `{…}`. */
const PREVIEW_DEPTH = 8;

/**
 * The start of a value's JSON text, at most `max` characters: for issue messages and raw
 * text. Unlike JSON.stringify it stops early, so a value nested a million levels deep or
 * holding a 500 MB string costs a few hundred characters, never a stack overflow.
 */
export function jsonPreview(value: unknown, max = 200): string {
  let out = '';
  const visit = (item: unknown, depth: number): void => {
    if (out.length > max) return;
    if (item === null || typeof item !== 'object') {
      const text = typeof item === 'string' && item.length > max ? item.slice(0, max) : item;
      out += JSON.stringify(text) ?? String(item);
      return;
    }
    if (depth >= PREVIEW_DEPTH) {
      out += Array.isArray(item) ? '[…]' : '{…}';
      return;
    }
    if (Array.isArray(item)) {
      out += '[';
      for (let index = 0; index < item.length && out.length <= max; index++) {
        if (index > 0) out += ',';
        visit(item[index], depth + 1);
      }
      out += ']';
      return;
    }
    out += '{';
    let first = true;
    for (const key in item) {
      if (out.length > max) break;
      if (!Object.hasOwn(item, key)) continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(key.length > max ? key.slice(0, max) : key)}:`;
      visit((item as Record<string, unknown>)[key], depth + 1);
    }
    out += '}';
  };
  visit(value, 0);
  return truncate(out, max);
}
