import type { RecordType } from '../model/record.js';

/** VuFind format facet values (lower case) -> record type; the first match in this order wins. */
const TYPE_BY_FORMAT: ReadonlyArray<readonly [string, RecordType]> = [
  ['book chapter', 'chapter'],
  ['chapter', 'chapter'],
  ['article', 'article'],
  ['journal article', 'article'],
  ['electronic article', 'article'],
  ['thesis', 'thesis'],
  ['dissertation', 'thesis'],
  ['book', 'book'],
  ['ebook', 'book'],
  ['journal', 'journal'],
  ['serial', 'journal'],
  ['newspaper', 'journal'],
  ['e-journal', 'journal'],
];

/** The record type from its formats; PubMed-imported records are articles whatever their format says. */
export function recordTypeOf(formats: readonly string[], recordFormat: string | undefined): RecordType {
  const lower = new Set(formats.map((format) => format.trim().toLowerCase()));
  for (const [format, type] of TYPE_BY_FORMAT) if (lower.has(format)) return type;
  if (recordFormat && /medline|pubmed/i.test(recordFormat)) return 'article';
  return 'other';
}
