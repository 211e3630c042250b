import { z } from 'zod';

/**
 * A MARC 21 bibliographic record as bibpipe sees it, whatever it was read from: ISO 2709
 * bytes, MARCXML, MARC-in-JSON, a Solr `fullrecord` in any of those, or the MARC table of a
 * scraped VuFind Staff View. Every MARC reader produces this shape and the MARC crosswalk
 * reads only this shape, so the library that parses the bytes stays behind the reader.
 * Plain data (no class), so it crosses to and from worker threads as it is.
 */
export const MarcSubfieldSchema = z.object({
  code: z.string().describe('Subfield code, one character: "a"'),
  value: z.string(),
});
export type MarcSubfield = z.infer<typeof MarcSubfieldSchema>;

/** A control field (00X): a tag and one value, no indicators, no subfields. */
export const MarcControlFieldSchema = z.object({
  tag: z.string().describe('"001" .. "009"'),
  value: z.string(),
});
export type MarcControlField = z.infer<typeof MarcControlFieldSchema>;

/** A data field (010-999): two indicators (a blank is " ") and its subfields in order. */
export const MarcDataFieldSchema = z.object({
  tag: z.string(),
  ind1: z.string(),
  ind2: z.string(),
  subfields: z.array(MarcSubfieldSchema),
});
export type MarcDataField = z.infer<typeof MarcDataFieldSchema>;

export const MarcFieldSchema = z.union([MarcControlFieldSchema, MarcDataFieldSchema]);
export type MarcField = z.infer<typeof MarcFieldSchema>;

export const MarcRecordSchema = z.object({
  /** 24 characters; leader/09 `a` is UTF-8, blank is MARC-8 (already converted here). */
  leader: z.string(),
  /** Fields in record order (control fields may come first; nothing is re-sorted). */
  fields: z.array(MarcFieldSchema),
});
export type MarcRecord = z.infer<typeof MarcRecordSchema>;

// The field-kind test lives in a module without zod: readers, validators and writers use it on every record.
export { isControlField } from './marc-field-kind.js';
