/**
 * The MARC part of docs/crosswalk.md, found by experiment like the Solr part: two probe MARC
 * records (a book and an article) are normalized whole, then with each subfield (each
 * control field, each indicator that decides something) taken away in turn; the model
 * paths whose value changed are what that subfield feeds.
 */
import type { MarcDataField, MarcRecord } from '../../src/model/marc.js';
import type { BibRecord } from '../../src/model/record.js';
import { normalizeRecord } from '../../src/normalize/index.js';
import { marcFromLines } from './marc-lines.js';

const PROBES: readonly MarcRecord[] = [
  marcFromLines('00000cam a2200000 i 4500', [
    '001 probe-book', '008 200101s2019    gw a     b    001 0 eng d', '010 __ $a 2001012345', '020 __ $a 9780306406157 $q pbk. $z 9780306406150',
    '022 0_ $a 0378-5955 $y 0378-5956', '024 7_ $a 10.1000/xyz123 $2 doi', '035 __ $a (OCoLC)ocm12345678', '041 0_ $a eng $a fre',
    '100 1_ $6 880-01 $a Smith, John, $d 1950- $e author.', '110 2_ $a Acme Corp.', '111 2_ $a Conference on Things $d 1990 $c Paris', '245 10 $a A history of things. $n Part 1, $p Origins : $b an essay / $c John Smith.',
    '246 30 $a Things', '250 __ $a 2nd ed.', '264 _1 $a Berlin : $b Springer, $c 2020.', '300 __ $a 296 p. : $b ill. ; $c 24 cm.',
    '490 1_ $a Studies in things ; $v 12 $x 0378-5955', '500 __ $a A note.', '520 __ $a An abstract.', '650 _0 $a Things $x History $y 20th century $z Europe $v Sources.',
    '650 _7 $a Dinge $2 gnd', '653 __ $a keyword', '655 _7 $a Essays. $2 lcgft', '700 1_ $a Doe, Jane. $4 edt', '700 1_ $a Poe, Edgar, $e translator.',
    '710 2_ $a Acme Foundation, $e sponsor.', '711 2_ $a Other meeting $j host', '830 _0 $a Studies in things (Berlin) ; $v v. 12.',
    '856 40 $3 Full text $u https://example.org/bk1 $y Read online $z Campus only', '880 1_ $6 100-01/(N $a Смит, Джон.',
  ]),
  marcFromLines('00000nab a2200000 a 4500', [
    '001 probe-article', '008 200101s2020    xx            000 0 eng d', '100 1_ $a Roe, Ann.', '245 10 $a A paper.',
    '773 0_ $t Journal of things $g Vol. 12, no. 3 (2020), p. 45-67 $x 0378-5955 $w probe-journal',
  ]),
];

/** Model paths as strings: top level, and one level into the nested objects. */
function modelValues(record: BibRecord): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    if (key === 'source' || key === 'inferred') continue;
    if (['published', 'container', 'identifiers', 'marc'].includes(key) && value !== null && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) values.set(`${key}.${inner}`, JSON.stringify(innerValue));
    } else values.set(key, JSON.stringify(value));
  }
  return values;
}

function normalized(marc: MarcRecord): Map<string, string> {
  const id = marc.fields.find((field) => field.tag === '001');
  return modelValues(normalizeRecord({ format: 'marc', source: { file: 'probe' }, fields: { id: id && 'value' in id ? id.value : '' }, issues: [], marc }).record);
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => key !== 'marc.leader' && before.get(key) !== after.get(key));
}

/** MARC field/subfield -> the model paths it feeds, over both probes. */
export function marcRows(): Map<string, Set<string>> {
  const rows = new Map<string, Set<string>>();
  const add = (source: string, paths: string[]): void => {
    const set = rows.get(source) ?? new Set<string>();
    for (const path of paths) set.add(path);
    rows.set(source, set);
  };
  for (const probe of PROBES) {
    const before = normalized(probe);
    probe.fields.forEach((field, index) => {
      if (!('subfields' in field)) {
        if (field.tag === '001') return;
        add(field.tag, changed(before, normalized({ ...probe, fields: probe.fields.filter((_, at) => at !== index) })));
        return;
      }
      field.subfields.forEach((subfield, at) => {
        const fewer: MarcDataField = { ...field, subfields: field.subfields.filter((_, position) => position !== at) };
        const fields = probe.fields.map((current, position) => (position === index ? fewer : current));
        add(`${field.tag === '880' ? `880 (${field.subfields[0]?.value.slice(0, 3)})` : field.tag} $${subfield.code}`, changed(before, normalized({ ...probe, fields })));
      });
    });
    add('leader/06-07', changed(before, normalized({ ...probe, leader: '00000nkm a2200000 a 4500' })));
  }
  return rows;
}

export function marcCrosswalkLines(): string[] {
  const lines = [
    '',
    '## MARC field -> model field',
    '',
    'Where a record carries its MARC record (a Solr `fullrecord`, a MARC file, a MARC Staff View),',
    'the MARC fills the model and wins over the indexed fields above; a disagreement is reported as',
    '`marc.indexed-field-differs`. Found the same way: two probe MARC records (a book, an article)',
    'are normalized with each subfield taken away in turn. The model fields then feed the outputs',
    'as in the table above; the structure only MARC has is under `marc` (NDJSON carries it whole).',
    '`formats` are VuFind\'s own (`format = custom, getFormats, format_map.properties`): its',
    'FormatCalculator reads leader/06-07, every 007, 008 (positions by record type), 245 `$h`, and',
    'whether 086, 502, 111/711 and 773 `$g` are there; `type` follows from the formats (the leader',
    'where they name no type). The probes show only what taking one subfield away changes.',
    '',
    '| MARC | Model fields |',
    '| --- | --- |',
  ];
  const rows = [...marcRows()].filter(([, paths]) => paths.size > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [source, paths] of rows) lines.push(`| \`${source}\` | ${[...paths].sort().map((path) => `\`${path}\``).join(', ')} |`);
  const silent = [...marcRows()].filter(([, paths]) => paths.size === 0).map(([source]) => `\`${source}\``);
  if (silent.length > 0) lines.push('', `Probe subfields that feed nothing: ${silent.join(', ')}.`);
  return lines;
}
