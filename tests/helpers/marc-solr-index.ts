import { existsSync, readFileSync } from 'node:fs';
import { isControlField, type MarcDataField, type MarcRecord } from '../../src/model/marc.js';
import { iso2709, marcInJson, marcXmlRecord } from './marc-serialize.js';
import { sharedPath } from './shared-paths.js';
import type { SolrDoc } from './solr-formats.js';

/**
 * A MARC record indexed the way VuFind's SolrMarc does with the stock
 * `import/marc.properties` (../shared/data/marc/import), for the fields bibpipe reads:
 * `245ab`-style specs join the subfields with one space and keep ISBD punctuation,
 * `author`/`author2` keep `$c $q $d`, `topic` joins every subfield of a 6XX, `language` maps
 * 008/35-37 and 041 `$a $d $h $j` through `language_map.properties`, and `fullrecord` holds the
 * whole record in one of the three encodings VuFind writes. The custom methods (getFormats,
 * getDates, getPublishers, relator filtering) are followed for what they do with ordinary
 * records, not line for line. Test-only: the inputs of the MARC accuracy measure and tests.
 */

export type FullrecordEncoding = 'json' | 'iso2709' | 'xml';

function loadLanguageMap(): Map<string, string> {
  const map = new Map<string, string>();
  const path = sharedPath('data', 'marc', 'import', 'language_map.properties');
  if (!existsSync(path)) return map;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([a-z]{3})\s*=\s*(.+?)\s*$/u.exec(line);
    if (match) map.set(match[1] as string, match[2] as string);
  }
  return map;
}

const LANGUAGES = loadLanguageMap();

const dataFields = (record: MarcRecord, tags: readonly string[]): MarcDataField[] =>
  record.fields.filter((field): field is MarcDataField => !isControlField(field) && tags.includes(field.tag));

/** SolrMarc's `TAGcodes` spec: the named subfields of one field joined by a space, trimmed. */
function joined(field: MarcDataField, codes: string): string {
  return field.subfields.filter((subfield) => codes.includes(subfield.code)).map((subfield) => subfield.value.trim()).filter((text) => text !== '').join(' ');
}

/** `100abcqd:700abcqd`: one value per field that has any of the subfields. */
function spec(record: MarcRecord, parts: ReadonlyArray<readonly [string, string]>): string[] {
  const values: string[] = [];
  for (const field of record.fields) {
    if (isControlField(field)) continue;
    const part = parts.find(([tag]) => tag === field.tag);
    if (!part) continue;
    const text = joined(field, part[1]);
    if (text !== '') values.push(text);
  }
  return values;
}

function controlValue(record: MarcRecord, tag: string): string | undefined {
  const field = record.fields.find((candidate) => candidate.tag === tag && isControlField(candidate));
  return field && isControlField(field) ? field.value : undefined;
}

function languages(record: MarcRecord): string[] {
  const codes = [controlValue(record, '008')?.slice(35, 38) ?? ''];
  for (const field of dataFields(record, ['041'])) {
    for (const subfield of field.subfields) if ('adhj'.includes(subfield.code)) codes.push(subfield.value);
  }
  const names = codes.map((code) => code.trim().toLowerCase()).filter((code) => /^[a-z]{3}$/u.test(code)).map((code) => LANGUAGES.get(code) ?? code);
  return [...new Set(names)];
}

/** VuFind's getFormats, reduced to the leader (and 007 for online resources). */
function formats(record: MarcRecord): string[] {
  const type = record.leader[6] ?? ' ';
  const level = record.leader[7] ?? ' ';
  const byType: Record<string, string> = {
    c: 'Musical Score', d: 'Musical Score', e: 'Map', f: 'Map', g: 'Video', i: 'Sound Recording', j: 'Music Recording',
    k: 'Photo', m: 'Electronic', o: 'Kit', p: 'Kit', r: 'Physical Object', t: 'Manuscript',
  };
  if (byType[type]) return [byType[type] as string];
  if (level === 's') return ['Journal'];
  if (level === 'a' || level === 'b') return ['Article'];
  return controlValue(record, '007')?.startsWith('cr') ? ['eBook'] : ['Book'];
}

/** Relator codes ($4) or terms ($e) of one name field, as author_role/author2_role hold them. */
function relator(field: MarcDataField): string {
  const codes = field.subfields.filter((subfield) => subfield.code === '4').map((subfield) => subfield.value.trim());
  if (codes.length > 0) return codes.join(' ');
  const terms = field.subfields.filter((subfield) => subfield.code === 'e').map((subfield) => subfield.value.replace(/[.,\s]+$/u, ''));
  return terms.length > 0 ? terms.join(' ') : '-';
}

/** 260 and 264 with second indicator 1 (publication): getPublishers and getDates. */
function imprints(record: MarcRecord): MarcDataField[] {
  return dataFields(record, ['260', '264']).filter((field) => field.tag === '260' || field.ind2 === '1');
}

function years(record: MarcRecord): string[] {
  const found: string[] = [];
  for (const field of imprints(record)) {
    for (const subfield of field.subfields) {
      const year = subfield.code === 'c' ? /\d{4}/u.exec(subfield.value)?.[0] : undefined;
      if (year !== undefined && !found.includes(year)) found.push(year);
    }
  }
  return found;
}

function oclcNumbers(values: readonly string[]): string[] {
  return values.map((text) => /^\(OCoLC\)\D*0*(\d+)/iu.exec(text)?.[1] ?? /^oc[mn]0*(\d+)/u.exec(text)?.[1]).filter((text): text is string => text !== undefined);
}

/** The record as one `fullrecord` value: SolrMarc writes UTF-8 and sets leader/09 to `a`. */
export function fullrecord(record: MarcRecord, encoding: FullrecordEncoding): string {
  const utf8: MarcRecord = { ...record, leader: `${record.leader.slice(0, 9)}a${record.leader.slice(10)}` };
  if (encoding === 'json') return marcInJson(utf8);
  if (encoding === 'xml') return `<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim">${marcXmlRecord(utf8, { namespaced: false })}</collection>`;
  return new TextDecoder().decode(iso2709(utf8));
}

function put(doc: SolrDoc, name: string, values: readonly string[], single = false): void {
  if (values.length === 0) return;
  doc[name] = single ? values[0] : [...values];
}

/** The Solr document SolrMarc would index for the record (the fields bibpipe reads). */
export function solrDocument(record: MarcRecord, encoding: FullrecordEncoding, version: string): SolrDoc {
  const doc: SolrDoc = { id: (controlValue(record, '001') ?? '').trim() };
  const f245 = dataFields(record, ['245'])[0];
  put(doc, 'title', f245 ? [joined(f245, 'ab')].filter(Boolean) : [], true);
  put(doc, 'title_short', f245 ? [joined(f245, 'a')].filter(Boolean) : [], true);
  put(doc, 'title_sub', f245 ? [joined(f245, 'b')].filter(Boolean) : [], true);
  put(doc, 'title_full', f245 ? [joined(f245, 'abcdefghijklmnopqrstuvwxyz')].filter(Boolean) : [], true);
  put(doc, 'author', spec(record, [['100', 'abcqd']]));
  put(doc, 'author_role', dataFields(record, ['100']).map(relator));
  put(doc, 'author2', spec(record, [['700', 'abcqd']]));
  put(doc, 'author2_role', dataFields(record, ['700']).map(relator));
  put(doc, 'author_corporate', spec(record, [['110', 'ab'], ['111', 'abc'], ['710', 'ab'], ['711', 'ab']]));
  put(doc, 'author_sort', spec(record, [['100', 'abcd'], ['110', 'ab'], ['111', 'abc'], ['700', 'abcd']]), true);
  put(doc, 'language', languages(record));
  put(doc, 'format', formats(record));
  put(doc, 'isbn', spec(record, [['020', 'a'], ['773', 'z']]));
  put(doc, 'issn', spec(record, [['022', 'a'], ['440', 'x'], ['490', 'x'], ['730', 'x'], ['773', 'x'], ['776', 'x'], ['780', 'x'], ['785', 'x']]));
  put(doc, 'lccn', spec(record, [['010', 'a']]), true);
  const ctrlnum = spec(record, [['035', 'a']]);
  put(doc, 'ctrlnum', ctrlnum);
  put(doc, 'oclc_num', oclcNumbers(ctrlnum));
  put(doc, 'publisher', imprints(record).map((field) => joined(field, 'b')).filter(Boolean));
  put(doc, 'publishDate', years(record));
  put(doc, 'edition', spec(record, [['250', 'a']]), true);
  put(doc, 'physical', spec(record, [['300', 'abcefg'], ['530', 'abcd']]));
  put(doc, 'series', spec(record, [['440', 'ap'], ['800', 'abcdfpqt'], ['830', 'ap']]));
  put(doc, 'series2', spec(record, [['490', 'a']]));
  const all = 'abcdefghijklmnopqrstuvwxyz0123456789';
  put(doc, 'topic', spec(record, ['600', '610', '611', '630', '650', '653', '656'].map((tag) => [tag, all] as const)));
  put(doc, 'genre', spec(record, [['655', all]]));
  put(doc, 'geographic', spec(record, [['651', all]]));
  put(doc, 'era', spec(record, [['648', all]]));
  put(doc, 'url', spec(record, [['856', 'u'], ['555', 'u']]));
  doc.record_format = 'marc';
  doc.fullrecord = fullrecord(record, encoding);
  doc._version_ = version;
  return doc;
}
