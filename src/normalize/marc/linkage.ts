import type { MarcDataField, MarcRecord } from '../../model/marc.js';
import { dataFields, firstSubfield } from './fields.js';

/**
 * 880 alternate graphic representations paired with the fields they render: a field's `$6`
 * reads `880-01`, its 880's `$6` reads `245-01/(2/r` (tag, occurrence, script, orientation).
 * An 880 whose occurrence is `00` has no original (MARC 21 "Linkage and alternate graphics").
 */
export class AlternateScripts {
  private readonly byLink = new Map<string, MarcDataField>();
  /** 880 fields with no original in the record, by the tag they would have. */
  readonly unpaired: MarcDataField[] = [];

  constructor(marc: MarcRecord) {
    const originals = new Set<string>();
    for (const field of marc.fields) {
      if (!('subfields' in field) || field.tag === '880') continue;
      const link = linkOf(field);
      if (link?.tag === '880') originals.add(`${field.tag}-${link.occurrence}`);
    }
    for (const field of dataFields(marc, '880')) {
      const link = linkOf(field);
      if (!link) continue;
      const key = `${link.tag}-${link.occurrence}`;
      if (link.occurrence !== '00' && originals.has(key) && !this.byLink.has(key)) this.byLink.set(key, field);
      else this.unpaired.push(field);
    }
  }

  /** The 880 that renders `field` in its original script, if any. */
  of(field: MarcDataField): MarcDataField | undefined {
    const link = linkOf(field);
    if (!link || link.tag !== '880') return undefined;
    return this.byLink.get(`${field.tag}-${link.occurrence}`);
  }
}

interface Link {
  tag: string;
  occurrence: string;
}

/** `$6` `880-01` or `245-01/(2/r` -> tag and occurrence. */
export function linkOf(field: MarcDataField): Link | undefined {
  const value = firstSubfield(field, '6');
  const match = value === undefined ? null : /^(\d{3})-(\d{2,})/u.exec(value.trim());
  if (!match) return undefined;
  return { tag: match[1] as string, occurrence: match[2] as string };
}
