import type { MarcDataField, MarcRecord } from '../model/marc.js';
import { isControlField } from '../model/marc-field-kind.js';
import type { IssueCode } from '../model/rules.js';
import { parseIsbn, parseIssn } from '../identifiers/index.js';
import { isMarcRelatorCode, relatorCodeOf } from '../vocab/marc-relators.js';

/** One semantic MARC finding, before the record's id and position are added. */
export interface MarcFinding {
  code: IssueCode;
  field: string;
  message: string;
  actual?: string;
}

/**
 * Indicator values MARC 21 Bibliographic defines for the tags the crosswalk reads (first,
 * second; `-` stands for a digit range). Other tags are only checked for the character
 * class: a digit, a lower-case letter or a blank.
 */
const INDICATORS: Readonly<Record<string, readonly [string, string]>> = {
  '010': [' ', ' '], '020': [' ', ' '], '022': [' 01', ' '], '024': ['0123478', ' 01'], '035': [' ', ' '],
  '041': [' 01', ' 7'], '100': ['013', ' '], '110': ['012', ' '], '111': ['012', ' '], '130': ['0-9', ' '],
  '240': ['01', '0-9'], '245': ['01', '0-9'], '246': ['0123', ' 0-8'], '250': [' ', ' '], '260': [' 23', ' '],
  '264': [' 23', '0-4'], '300': [' ', ' '], '490': ['01', ' '], '500': [' ', ' '], '504': [' ', ' '],
  '505': ['0128', ' 0'], '520': [' 0-48', ' '], '600': ['013', '0-7'], '610': ['012', '0-7'], '611': ['012', '0-7'],
  '630': ['0-9', '0-7'], '648': [' ', '0-7'], '650': [' 012', '0-7'], '651': [' ', '0-7'], '653': [' 012', ' 0-6'],
  '655': [' 0', '0-7'], '700': ['013', ' 2'], '710': ['012', ' 2'], '711': ['012', ' 2'], '730': ['0-9', ' 2'],
  '740': ['0-9', ' 2'], '773': ['01', ' 8'], '800': ['013', ' '], '810': ['012', ' '], '811': ['012', ' '],
  '830': [' ', '0-9'], '856': [' 012347', ' 012678'],
};

function allows(allowed: string, value: string): boolean {
  const expanded = allowed.replace(/(\d)-(\d)/gu, (_, from: string, to: string) => {
    let digits = '';
    for (let digit = Number(from); digit <= Number(to); digit++) digits += String(digit);
    return digits;
  });
  return value.length === 1 && expanded.includes(value);
}

const NAME_TAGS = new Set(['100', '110', '111', '700', '710', '711', '800', '810', '811']);
/** Leader/06 record types of MARC 21 holdings records, whose 008 has 32 characters. */
const HOLDINGS_TYPES = new Set(['u', 'v', 'x', 'y']);

/**
 * Semantic checks of a MARC bibliographic record (its structure is the reader's concern):
 * 245 present, 008/006 lengths for the record type, indicators MARC 21 defines, `$4`
 * relator codes in the LoC list, ISBN/ISSN check digits in 020/022, 001 against the Solr id.
 */
export function marcFindings(marc: MarcRecord, solrId: string | undefined): MarcFinding[] {
  const findings: MarcFinding[] = [];
  let hasTitle = false;
  const expected008 = HOLDINGS_TYPES.has(marc.leader.charAt(6)) ? 32 : 40;
  for (const field of marc.fields) {
    if (isControlField(field)) {
      if (field.tag === '008' && field.value.length !== expected008) {
        findings.push({ code: 'marc.fixed-field-length', field: '008', message: `008 has ${field.value.length} characters; a ${expected008 === 40 ? 'bibliographic' : 'holdings'} record's has ${expected008}`, actual: field.value });
      }
      if (field.tag === '006' && field.value.length !== 18) {
        findings.push({ code: 'marc.fixed-field-length', field: '006', message: `006 has ${field.value.length} characters; MARC 21 gives it 18`, actual: field.value });
      }
      if (field.tag === '001' && solrId !== undefined && !isSolrIdOf(field.value.trim(), solrId)) {
        findings.push({ code: 'marc.id-mismatch', field: '001', message: `The MARC record's 001 "${field.value.trim()}" differs from the Solr id "${solrId}"`, actual: field.value });
      }
      continue;
    }
    if (field.tag === '245') hasTitle = true;
    findings.push(...indicatorFindings(field), ...identifierFindings(field), ...controlCharacterFindings(field));
    if (NAME_TAGS.has(field.tag)) findings.push(...relatorFindings(field));
  }
  if (!hasTitle) findings.push({ code: 'marc.title-missing', field: '245', message: 'The MARC record has no 245 title statement' });
  return findings;
}

/** XML 1.0 cannot hold these: a MARC-8 escape left unconverted, a stray separator. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** A control character in a subfield: the crosswalk leaves it out of every output (a Staff View cannot show it either). */
function controlCharacterFindings(field: MarcDataField): MarcFinding[] {
  for (const subfield of field.subfields) {
    const match = CONTROL_CHARACTER.exec(subfield.value);
    if (!match) continue;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return [{ code: 'value.control-character', field: `${field.tag}$${subfield.code}`, message: `${field.tag} $${subfield.code} holds the control character U+${code} at character ${match.index + 1}; it is left out of every output`, actual: subfield.value }];
  }
  return [];
}

/**
 * The Solr id is the 001, or the 001 behind a site's source prefix ("geo" + "20001",
 * "hbz:" + "123"): letters, then a separator or straight into a 001 that starts with a digit.
 */
function isSolrIdOf(controlNumber: string, solrId: string): boolean {
  if (solrId === controlNumber) return true;
  if (!solrId.endsWith(controlNumber) || controlNumber === '') return false;
  const prefix = solrId.slice(0, -controlNumber.length);
  return /^[A-Za-z][A-Za-z0-9]*[._:-]$/u.test(prefix) || (/^[A-Za-z]+$/u.test(prefix) && /^\d/u.test(controlNumber));
}

function indicatorFindings(field: MarcDataField): MarcFinding[] {
  const findings: MarcFinding[] = [];
  const defined = INDICATORS[field.tag];
  for (const [position, value] of [[1, field.ind1], [2, field.ind2]] as const) {
    const allowed = defined?.[position - 1];
    const valid = allowed === undefined ? /^[0-9a-z ]$/u.test(value) : allows(allowed, value);
    if (!valid) {
      findings.push({ code: 'marc.indicator-invalid', field: field.tag, message: `${field.tag} indicator ${position} ${JSON.stringify(value)} is not defined${allowed === undefined ? '' : ` (MARC 21 allows ${JSON.stringify(allowed)})`}`, actual: value });
    }
  }
  return findings;
}

function identifierFindings(field: MarcDataField): MarcFinding[] {
  if (field.tag !== '020' && field.tag !== '022') return [];
  const findings: MarcFinding[] = [];
  const isbn = field.tag === '020';
  for (const subfield of field.subfields) {
    if (subfield.code !== 'a' || subfield.value.trim() === '') continue;
    const parsed = isbn ? parseIsbn(subfield.value) : parseIssn(subfield.value);
    if (parsed.ok) continue;
    const checksum = parsed.code === 'isbn.checksum' || parsed.code === 'issn.checksum';
    const code: IssueCode = isbn ? (checksum ? 'marc.isbn-check-digit' : 'marc.isbn-malformed') : checksum ? 'marc.issn-check-digit' : 'marc.issn-malformed';
    findings.push({ code, field: `${field.tag}$a`, message: `${field.tag} $a: ${parsed.message}`, actual: subfield.value });
  }
  return findings;
}

function relatorFindings(field: MarcDataField): MarcFinding[] {
  const findings: MarcFinding[] = [];
  for (const subfield of field.subfields) {
    if (subfield.code !== '4' || subfield.value.trim() === '') continue;
    const code = relatorCodeOf(subfield.value);
    // $4 may hold a URI of another vocabulary (RDA's, a local one): only bare codes are checked.
    if (code.includes('/') || code.includes(':')) continue;
    if (!isMarcRelatorCode(code)) {
      findings.push({ code: 'marc.relator-unknown', field: `${field.tag}$4`, message: `${field.tag} $4 ${JSON.stringify(subfield.value.trim())} is not a code of the MARC relator list`, actual: subfield.value });
    }
  }
  return findings;
}
