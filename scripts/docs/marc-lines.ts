import type { MarcDataField, MarcField, MarcRecord } from '../../src/model/marc.js';

/**
 * A MarcRecord from a compact line form, one field a line: `245 10 $a Title : $b sub.`
 * (indicators `_` or space for blank) or `008 110214s1992...` for a control field. The
 * crosswalk doc's MARC probes and the tests build records this way.
 */
export function marcFromLines(leader: string, lines: readonly string[]): MarcRecord {
  const fields: MarcField[] = lines.map((line): MarcField => {
    const tag = line.slice(0, 3);
    if (tag < '010') return { tag, value: line.slice(4) };
    const ind1 = (line[4] ?? ' ').replace('_', ' ');
    const ind2 = (line[5] ?? ' ').replace('_', ' ');
    const subfields = line.slice(7).split('$').slice(1).map((part) => ({ code: part.charAt(0), value: part.slice(1).trim() }));
    const field: MarcDataField = { tag, ind1, ind2, subfields };
    return field;
  });
  return { leader, fields };
}
