import * as z from '../zod-mini.js';
import type { MarcField, MarcRecord } from '../model/marc.js';
import { MarcParseError } from './problems.js';

/**
 * MARC-in-JSON (Ross Singer's proposal; marc4j's `MarcJsonWriter`, VuFind's
 * `FullRecordAsJSON2`): `{"leader": "...", "fields": [{"001": "..."}, {"245": {"ind1":
 * " ", "ind2": "0", "subfields": [{"a": "..."}]}}]}`. Every field and subfield is an
 * object with one key, so their order is the array's.
 */
// zod/mini: a Solr fullrecord in MARC-in-JSON is decoded on the convert path, where zod's classic API would cost each run's start-up.
const MijDataFieldSchema = z.object({
  ind1: z.optional(z.string()),
  ind2: z.optional(z.string()),
  subfields: z.array(z.record(z.string(), z.string())),
});

const MijRecordSchema = z.object({
  leader: z.string(),
  fields: z.array(z.record(z.string(), z.union([z.string(), MijDataFieldSchema]))),
});

function onlyEntry(object: Record<string, unknown>, what: string, path: string): [string, unknown] {
  const entries = Object.entries(object);
  if (entries.length !== 1) throw new MarcParseError(`${path}: a MARC-in-JSON ${what} is an object with one key, not ${entries.length}`, 0);
  return entries[0]!;
}

/** A MARC-in-JSON value (parsed JSON) as a MarcRecord. Throws MarcParseError naming the path of the first problem. */
export function parseMarcInJson(value: unknown): MarcRecord {
  const parsed = z.safeParse(MijRecordSchema, value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length === 0 ? 'the record' : issue.path.map(String).join('.');
    throw new MarcParseError(`not a MARC-in-JSON record: ${path}: ${issue.message}`, 0);
  }
  const fields = parsed.data.fields.map((entry, index): MarcField => {
    const [tag, content] = onlyEntry(entry, 'field', `fields.${index}`);
    if (typeof content === 'string') return { tag, value: content.normalize('NFC') };
    const data = content as z.infer<typeof MijDataFieldSchema>;
    const subfields = data.subfields.map((subfield, at) => {
      const [code, text] = onlyEntry(subfield, 'subfield', `fields.${index}.${tag}.subfields.${at}`);
      return { code, value: (text as string).normalize('NFC') };
    });
    return { tag, ind1: data.ind1 || ' ', ind2: data.ind2 || ' ', subfields };
  });
  return { leader: parsed.data.leader, fields };
}
