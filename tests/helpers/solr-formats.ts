import { XMLBuilder } from 'fast-xml-parser';
import { stringify } from 'csv-stringify/sync';
import { isMultiValued, resolveField } from '../../src/biblio-schema/index.js';

/**
 * Test-side writers that put Solr documents (as parsed from Solr JSON, numbers kept as
 * their digits) into the other shapes Solr writes: the XML and CSV response writers.
 * They follow Solr's own writers (XMLWriter, CSVResponseWriter) closely enough that a
 * reader must give the same fields for all three.
 */

export type SolrDoc = Record<string, unknown>;

/** The XML element Solr's XMLWriter uses for a field of this schema type. */
function xmlTypeOf(field: string, value: unknown): string {
  if (typeof value === 'boolean') return 'bool';
  switch (resolveField(field)?.kind) {
    case 'int32':
      return 'int';
    case 'int64':
      return 'long';
    case 'float':
      return 'double';
    case 'date':
      return 'date';
    case 'boolean':
      return 'bool';
    default:
      return typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : 'str';
  }
}

type OrderedNode = Record<string, unknown>;

/** Solr's XMLWriter writes control characters other than tab, LF and CR as the text `#NN;`. */
function solrControlEscaped(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code < 32 && code !== 9 && code !== 10 && code !== 13 ? `#${code};` : char;
  }
  return out;
}

function scalarNode(tag: string, value: unknown, name?: string): OrderedNode {
  const node: OrderedNode = { [tag]: [{ '#text': solrControlEscaped(String(value)) }] };
  if (name !== undefined) node[':@'] = { '@_name': name };
  return node;
}

/** A Solr select response in XML (`wt=xml`) holding the documents. */
export function solrXmlResponse(docs: readonly SolrDoc[]): string {
  const docNodes = docs.map((doc) => ({
    doc: Object.entries(doc).map(([name, value]) =>
      Array.isArray(value)
        ? { arr: value.map((item) => scalarNode(xmlTypeOf(name, item), item)), ':@': { '@_name': name } }
        : scalarNode(xmlTypeOf(name, value), value, name),
    ),
  }));
  const tree = [
    { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    {
      response: [
        { lst: [scalarNode('int', 0, 'status'), scalarNode('int', 1, 'QTime')], ':@': { '@_name': 'responseHeader' } },
        { result: docNodes, ':@': { '@_name': 'response', '@_numFound': String(docs.length), '@_start': '0' } },
      ],
    },
  ];
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, format: true, suppressEmptyNode: false });
  return builder.build(tree) as string;
}

/** Solr's multi-valued escaping: `\` before the separator and itself, `\n` and `\r` for line breaks. */
function escapeMultiValued(value: string): string {
  let out = '';
  for (const char of value) {
    if (char === ',' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else out += char;
  }
  return out;
}

/** Solr's CSV response (`wt=csv`) of the documents: the columns are the union of their fields. */
export function solrCsvResponse(docs: readonly SolrDoc[]): string {
  const columns: string[] = [];
  for (const doc of docs) for (const name of Object.keys(doc)) if (!columns.includes(name)) columns.push(name);
  const rows = docs.map((doc) =>
    columns.map((name) => {
      const value = doc[name];
      if (value === undefined || value === null) return '';
      const values = Array.isArray(value) ? value : [value];
      if (isMultiValued(name) || values.length > 1) return values.map((item) => escapeMultiValued(String(item))).join(',');
      return String(values[0]);
    }),
  );
  return stringify([columns, ...rows], { record_delimiter: '\n' });
}
