import type { MarcRecord } from '../../model/marc.js';
import { parseDoi, parseIsbn, parseIssn } from '../../identifiers/index.js';
import { chop, dataFields, subfieldValues } from './fields.js';

export interface MarcIdentifiers {
  isbn: { isbn: string; asCatalogued: string; qualifiers: string[] }[];
  invalidIsbns: string[];
  issn: string[];
  invalidIssns: string[];
  lccn?: string;
  doi?: string;
  other: { scheme: string; value: string }[];
  controlNumbers: string[];
  /** OCLC numbers of the 035s, as VuFind's `oclc_num` takes them. */
  oclc: string[];
}

/**
 * VuFind's `oclc_num = 035a, (pattern_map.oclc_num)` (marc.properties): `(OCoLC)` in any case
 * with any prefix before the digits, or a bare `ocm`, `ocn` or `on` prefix; leading zeros
 * dropped. Matched from the start of the value; the first pattern that matches wins.
 */
const OCLC_PATTERNS: readonly RegExp[] = [/^\(ocolc\)\D*?0*(\d+)/iu, /^ocm0*(\d+)/u, /^ocn0*(\d+)/u, /^on0*(\d+)/u];

function oclcNumber(controlNumber: string): string | undefined {
  for (const pattern of OCLC_PATTERNS) {
    const digits = pattern.exec(controlNumber.trim())?.[1];
    if (digits !== undefined) return digits;
  }
  return undefined;
}

/** 024 first indicator -> the scheme of its $a (7: the $2 source code). */
const SCHEME_BY_IND1: Readonly<Record<string, string>> = { 0: 'isrc', 1: 'upc', 2: 'ismn', 3: 'ean', 4: 'sici' };

/** "(pbk.)" -> "pbk": a 020 $q without its parentheses and ISBD punctuation. */
function unbracketed(text: string): string {
  return chop(chop(text).replace(/^\((.*)\)$/u, '$1'));
}

/** Qualifiers printed after the number in an old-style 020 $a: "0306406152 (pbk. : alk. paper)". */
function qualifiersInText(text: string): string[] {
  const match = /\(([^)]*)\)/u.exec(text);
  return match?.[1] ? match[1].split(/\s*:\s*/u).map(chop).filter(Boolean) : [];
}

/**
 * 020 $a ISBNs with their qualifiers ($q, or in parentheses after the number), 020 $z kept
 * apart as invalid; 022 $a ISSNs ($y incorrect and $z cancelled apart); 010 $a LCCN; 024
 * with its scheme (a DOI when ind1 7 and $2 doi); 035 $a system control numbers. A value
 * whose check digit fails is left out here: validation reports it (`marc.isbn-check-digit`).
 */
export function marcIdentifiers(marc: MarcRecord): MarcIdentifiers {
  const ids: MarcIdentifiers = { isbn: [], invalidIsbns: [], issn: [], invalidIssns: [], other: [], controlNumbers: [], oclc: [] };
  for (const field of dataFields(marc, '020')) {
    const qualifiers = subfieldValues(field, 'q').map(unbracketed).filter(Boolean);
    for (const text of subfieldValues(field, 'a')) {
      const parsed = parseIsbn(text);
      if (!parsed.ok) continue;
      const known = ids.isbn.find((entry) => entry.isbn === parsed.value);
      const all = [...qualifiersInText(text), ...qualifiers];
      if (known) known.qualifiers.push(...all.filter((q) => !known.qualifiers.includes(q)));
      else ids.isbn.push({ isbn: parsed.value, asCatalogued: chop(text.replace(/\([^)]*\)/u, '')), qualifiers: all });
    }
    ids.invalidIsbns.push(...subfieldValues(field, 'z'));
  }
  for (const field of dataFields(marc, '022')) {
    for (const text of subfieldValues(field, 'a')) {
      const parsed = parseIssn(text);
      if (parsed.ok && !ids.issn.includes(parsed.value)) ids.issn.push(parsed.value);
    }
    ids.invalidIssns.push(...subfieldValues(field, 'yz'));
  }
  const lccn = dataFields(marc, '010').flatMap((field) => subfieldValues(field, 'a'))[0];
  if (lccn) ids.lccn = lccn.trim();
  for (const field of dataFields(marc, '024')) {
    const source = subfieldValues(field, '2')[0]?.trim().toLowerCase();
    const scheme = field.ind1 === '7' ? source : SCHEME_BY_IND1[field.ind1];
    for (const value of subfieldValues(field, 'a')) {
      if (scheme === 'doi') {
        const doi = parseDoi(value);
        if (doi.ok && ids.doi === undefined) ids.doi = doi.value;
        continue;
      }
      ids.other.push({ scheme: scheme ?? 'unspecified', value: value.trim() });
    }
  }
  for (const field of dataFields(marc, '035')) ids.controlNumbers.push(...subfieldValues(field, 'a'));
  for (const number of ids.controlNumbers) {
    const oclc = oclcNumber(number);
    if (oclc !== undefined && !ids.oclc.includes(oclc)) ids.oclc.push(oclc);
  }
  return ids;
}
