import type { MarcRecord } from '../../model/marc.js';
import { isControlField } from '../../model/marc-field-kind.js';
import { VUFIND_FORMAT_LABELS } from '../../vocab/vufind-format-map.js';
import { dataFields, firstSubfield } from './fields.js';

/**
 * VuFind's formats of a MARC record, as its SolrMarc import indexes them
 * (`format = custom, getFormats, format_map.properties, unique`): the rules of VuFind's
 * FormatCalculator (import/index_java, VuFind 8+), re-stated here, then its format map.
 * Read from the leader (06 type of record, 07 bibliographic level), every 007, the 008
 * positions the type of record defines, 245 $h, and the presence of 086 (government
 * document), 502 (thesis), 111/711 (conference) and 773 $g (a serial host). The same MARC
 * record gives the same formats whatever it was read from (fullrecord, scrape, .mrc).
 */
export function vufindFormats(marc: MarcRecord): string[] {
  return [...new Set(calculatorValues(marc).map((value) => VUFIND_FORMAT_LABELS[value] ?? value))];
}

interface Facts {
  recordType: string;
  bibLevel: string;
  /** 008 in lower case ('' when absent): a position past its end reads as a blank. */
  fixed: string;
  /** Each 007 in lower case. */
  physical: string[];
  has: (tag: string) => boolean;
}

function factsOf(marc: MarcRecord): Facts {
  const control = (tag: string): string[] => marc.fields.flatMap((field) => (isControlField(field) && field.tag === tag ? [field.value.toLowerCase()] : []));
  const tags = new Set(marc.fields.map((field) => field.tag));
  return {
    recordType: marc.leader.charAt(6).toLowerCase(),
    bibLevel: marc.leader.charAt(7).toLowerCase(),
    fixed: control('008')[0] ?? '',
    physical: control('007'),
    has: (tag) => tags.has(tag),
  };
}

const at = (text: string, position: number): string => text.charAt(position) || ' ';

/** The calculator's values in its order: special cases, then each 007, then leader/06, then leader/07, else a last resort. */
function calculatorValues(marc: MarcRecord): string[] {
  const facts = factsOf(marc);
  const values: string[] = [];
  if (facts.has('086')) values.push('GovernmentDocument');
  if (facts.has('502')) values.push('Thesis');
  if (isElectronic(marc, facts)) values.push('Electronic');
  if (isConference(facts)) values.push('ConferenceProceeding');
  let couldBeBook = true;
  const codes007: string[] = [];
  for (const field of facts.physical) {
    const code = at(field, 0);
    codes007.push(code);
    if (NOT_BOOK_007.has(code)) couldBeBook = false;
    if (code === 'v') values.push('Video');
    const value = fromPhysicalDescription(code, at(field, 1), at(field, 4));
    if (value) values.push(value);
  }
  if (notBookByRecordType(facts)) couldBeBook = false;
  const byType = fromRecordType(facts, codes007);
  if (byType) values.push(byType);
  const byLevel = fromBibLevel(marc, facts, couldBeBook);
  if (byLevel) values.push(byLevel);
  if (values.length === 0) {
    if (facts.bibLevel === 'c' || facts.bibLevel === 'd') values.push('Kit');
    else values.push(facts.recordType === 'a' ? 'Text' : 'Unknown');
  }
  return values;
}

/** 007/00 categories that are never books: projected graphics, nonprojected graphics, motion pictures, videos. */
const NOT_BOOK_007 = new Set(['g', 'k', 'm', 'v']);

/**
 * 245 $h naming an electronic resource, or a computer file. $h is read with its white space
 * collapsed (VuFind reads it raw): a scrape shows no more, and the formats must not depend on the input.
 */
function isElectronic(marc: MarcRecord, facts: Facts): boolean {
  const title = dataFields(marc, '245')[0];
  const medium = title ? firstSubfield(title, 'h') : undefined;
  return (medium?.toLowerCase().includes('[electronic resource]') ?? false) || facts.recordType === 'm';
}

const isConference = (facts: Facts): boolean => facts.has('111') || facts.has('711');

/** Computer files (06 `m`) could be books when 008/26 says document, interactive multimedia, combination, unknown or other. */
function notBookByRecordType(facts: Facts): boolean {
  if (facts.recordType === 'm') return !'dimuz'.includes(at(facts.fixed, 26));
  return 'efgijkr'.includes(facts.recordType);
}

/** 007/00 category, 007/01 specific designation (and 007/04 for video discs). */
const BY_007: Readonly<Record<string, { specific: Readonly<Record<string, string>>; otherwise: string }>> = {
  a: { specific: { d: 'Atlas' }, otherwise: 'Map' },
  // Remote computer files (`cr`) give nothing: every record with an 856 would read "Electronic".
  c: { specific: { a: 'TapeCartridge', b: 'ChipCartridge', c: 'DiscCartridge', f: 'TapeCassette', h: 'TapeReel', j: 'FloppyDisk', m: 'CDROM', o: 'CDROM', r: '' }, otherwise: 'Software' },
  d: { specific: {}, otherwise: 'Globe' },
  f: { specific: {}, otherwise: 'Braille' },
  g: { specific: { c: 'Filmstrip', d: 'Filmstrip', f: 'Filmstrip', o: 'Filmstrip', t: 'Transparency' }, otherwise: 'Slide' },
  h: { specific: {}, otherwise: 'Microfilm' },
  k: {
    specific: { c: 'Collage', d: 'Drawing', e: 'Painting', f: 'Print', g: 'Photonegative', j: 'Print', k: 'Poster', l: 'Drawing', n: 'Chart', o: 'FlashCard', p: 'Postcard', s: 'Print' },
    otherwise: 'Photo',
  },
  m: { specific: { f: 'VideoCassette', r: 'Filmstrip' }, otherwise: 'MotionPicture' },
  o: { specific: {}, otherwise: 'Kit' },
  q: { specific: {}, otherwise: 'MusicalScore' },
  r: { specific: {}, otherwise: 'SensorImage' },
  s: { specific: { d: 'SoundDisc', s: 'SoundCassette' }, otherwise: 'SoundRecording' },
  // Other videos are taken to be online.
  v: { specific: { c: 'VideoCartridge', f: 'VideoCassette', r: 'VideoReel' }, otherwise: 'VideoOnline' },
};

function fromPhysicalDescription(category: string, designation: string, videoFormat: string): string {
  if (category === 'v' && designation === 'd') return videoFormat === 's' ? 'BRDisc' : 'VideoDisc';
  const entry = BY_007[category];
  if (!entry) return '';
  return entry.specific[designation] ?? entry.otherwise;
}

/** 008/33 type of visual material and 008/26 type of computer file -> a value; anything else gives none. */
const VISUAL_008_33: Readonly<Record<string, string>> = { f: 'Filmstrip', t: 'Transparency', m: 'MotionPicture', v: 'Video' };
const GRAPHIC_008_33: Readonly<Record<string, string>> = { l: 'Drawing', n: 'Chart', o: 'FlashCard' };
const COMPUTER_008_26: Readonly<Record<string, string>> = {
  a: 'DataSet', b: 'Software', c: 'Image', e: 'DataSet', f: 'Software', g: 'VideoGame', h: 'SoundRecording', i: 'Software',
};
const BY_RECORD_TYPE: Readonly<Record<string, string>> = {
  c: 'MusicalScore', d: 'MusicalScore', i: 'SoundRecording', j: 'MusicRecording', o: 'Kit', p: 'Kit', r: 'PhysicalObject',
};

function fromRecordType(facts: Facts, codes007: readonly string[]): string {
  const { recordType, fixed } = facts;
  switch (recordType) {
    case 'e':
    case 'f':
      return ({ d: 'Globe', e: 'Atlas' } as Record<string, string>)[at(fixed, 25)] ?? 'Map';
    case 'g': {
      const visual = VISUAL_008_33[at(fixed, 33)];
      if (visual) return visual;
      // 008/34 technique set: a moving image, not a slide.
      if ('acluz'.includes(at(fixed, 34))) return 'Video';
      // A 007 for projected graphics, motion pictures or video says more; otherwise a projected medium.
      return codes007.some((code) => 'gmv'.includes(code)) ? '' : 'ProjectedMedium';
    }
    case 'k':
      return GRAPHIC_008_33[at(fixed, 33)] ?? (codes007.includes('k') ? '' : 'Image');
    case 'm':
      return COMPUTER_008_26[at(fixed, 26)] ?? '';
    case 't':
      return facts.has('502') ? '' : 'Manuscript';
    default:
      return BY_RECORD_TYPE[recordType] ?? '';
  }
}

const ONLINE_FORMS = 'oqs';

function fromBibLevel(marc: MarcRecord, facts: Facts, couldBeBook: boolean): string {
  const { recordType, fixed } = facts;
  switch (facts.bibLevel) {
    case 'a':
      return hasSerialHost(marc) ? 'Article' : 'BookComponentPart';
    case 'b':
      return 'SerialComponentPart';
    case 'i':
      if (recordType === 'a') {
        if ('hw'.includes(at(fixed, 21))) return 'Website';
        if (ONLINE_FORMS.includes(at(fixed, 22))) return 'OnlineIntegratingResource';
      }
      return 'PhysicalIntegratingResource';
    case 'm':
      if (!couldBeBook) return '';
      if ((recordType === 'a' || recordType === 't') && ONLINE_FORMS.includes(at(fixed, 23))) return 'eBook';
      return recordType === 'm' ? 'eBook' : 'Book';
    case 's':
      if (recordType === 'a') {
        if (at(fixed, 21) === 'n') return 'Newspaper';
        if (at(fixed, 21) === 'p') return 'Journal';
      }
      return isConference(facts) ? '' : 'Serial';
    default:
      return '';
  }
}

/** A 773 with $g (related parts: volume, issue, pages) points at a serial host. */
function hasSerialHost(marc: MarcRecord): boolean {
  return dataFields(marc, '773').some((field) => field.subfields.some((subfield) => subfield.code === 'g'));
}
