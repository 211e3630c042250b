import { z } from 'zod';
import { IssueSchema, SourcePositionSchema } from './issue.js';
import { MarcRecordSchema } from './marc.js';

/**
 * A raw Solr field value as a reader found it: a scalar as text, or a list for a
 * multi-valued field. Numbers keep their exact digits (`_version_` is above 2^53).
 */
export const RawValueSchema = z.union([z.string(), z.array(z.string())]);
export type RawValue = z.infer<typeof RawValueSchema>;

/**
 * What a reader yields: one Solr document's stored fields, where they came from, and what
 * went wrong while reading it. A reader knows nothing of the normalized model or writers.
 */
export const RawRecordSchema = z.object({
  /** Reader name from the registry (`staff-view`, `solr-json`, ...). */
  format: z.string(),
  source: SourcePositionSchema,
  fields: z.record(z.string(), RawValueSchema),
  /** Problems found while reading / reconstructing the record. */
  issues: z.array(IssueSchema),
  /**
   * The record's text as read (bounded), kept so that a rejected record can be written to
   * rejects.ndjson exactly as it arrived.
   */
  rawText: z.string().optional(),
  /**
   * Facts a reader found beside the Solr fields (e.g. the Staff View core table's author
   * count). Normalizers may use them as evidence; writers never see them.
   */
  hints: z.record(z.string(), z.string()).optional(),
  /**
   * The MARC record behind the Solr fields, where there is one (a Solr `fullrecord`, a MARC
   * file, a scraped MARC Staff View). Normalizers prefer it to the indexed fields.
   */
  marc: MarcRecordSchema.optional(),
});
export type RawRecord = z.infer<typeof RawRecordSchema>;
