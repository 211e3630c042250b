import type { MarcDataField, MarcRecord } from '../../model/marc.js';
import type { SubjectHeading } from '../../model/record.js';
import { chop, cleanValue, dataFields, firstSubfield } from './fields.js';
import type { AlternateScripts } from './linkage.js';

type Kind = SubjectHeading['kind'];

const KIND_BY_TAG: Readonly<Record<string, Kind>> = {
  600: 'person', 610: 'organization', 611: 'meeting', 630: 'title', 647: 'other', 648: 'chronological',
  650: 'topic', 651: 'geographic', 653: 'uncontrolled', 654: 'topic', 655: 'genre', 656: 'other',
  657: 'other', 658: 'other', 662: 'geographic', 688: 'other',
};
const SUBJECT_TAGS = new Set(Object.keys(KIND_BY_TAG));

/** 6XX second indicator -> the thesaurus code (MARC 21 source codes); 4 "source not specified" gives none. */
const THESAURUS_BY_IND2: Readonly<Record<string, string>> = { 0: 'lcsh', 1: 'lcshac', 2: 'mesh', 3: 'nal', 5: 'cash', 6: 'rvm' };

/** Subdivisions: form $v, general $x, chronological $y, geographic $z. */
const SUBDIVISIONS = 'vxyz';
/** Control subfields that are never part of the heading text. */
const CONTROL = '0123456789';

/**
 * One heading per 6XX field (MARC to MODS `subject`): the main part is every subfield before
 * the first subdivision (relator `$e`/`$4` aside), joined with spaces; subdivisions follow,
 * each after " -- ". An uncontrolled 653 holds one term per `$a`, so each is a heading.
 */
export function marcSubjects(marc: MarcRecord, scripts: AlternateScripts): SubjectHeading[] {
  const headings: SubjectHeading[] = [];
  for (const field of dataFields(marc, SUBJECT_TAGS)) {
    const kind = field.tag === '600' && field.ind1 === '3' ? 'family' : KIND_BY_TAG[field.tag] ?? 'other';
    const thesaurus = thesaurusOf(field);
    const texts = field.tag === '653' ? field.subfields.filter((s) => s.code === 'a').map((s) => chop(cleanValue(s.value))) : [headingText(field)];
    for (const heading of texts) {
      if (heading === '') continue;
      const entry: SubjectHeading = { heading, kind, tag: field.tag };
      if (thesaurus) entry.thesaurus = thesaurus;
      const alternate = field.tag === '653' ? undefined : scripts.of(field);
      if (alternate) {
        const text = headingText(alternate);
        if (text) entry.alternateScript = text;
      }
      headings.push(entry);
    }
  }
  return headings;
}

function thesaurusOf(field: MarcDataField): string | undefined {
  if (field.tag === '653') return undefined;
  if (field.ind2 === '7') return firstSubfield(field, '2')?.trim() || undefined;
  return THESAURUS_BY_IND2[field.ind2];
}

export function headingText(field: MarcDataField): string {
  const main: string[] = [];
  const parts: string[] = [];
  for (const subfield of field.subfields) {
    if (CONTROL.includes(subfield.code) || subfield.code === 'e' || (subfield.code === 'j' && field.tag.endsWith('11'))) continue;
    // The main part keeps its inner punctuation ("Vico, Giambattista, 1668-1744. Works").
    if (parts.length === 0 && !(SUBDIVISIONS.includes(subfield.code) && main.length > 0)) main.push(subfield.value);
    else parts.push(chop(subfield.value));
  }
  return [chop(main.join(' ')), ...parts].filter(Boolean).join(' -- ');
}
