import fc from 'fast-check';
import { writeIso2709 } from '../../src/marc/index.js';
import type { MarcRecord } from '../../src/model/marc.js';
import type { RawRecord } from '../../src/model/raw-record.js';
import { marcIso2709Reader } from '../../src/read/marc-iso2709.js';
import { marcJsonReader } from '../../src/read/marc-json.js';
import { marcXmlReader } from '../../src/read/marc-xml.js';
import type { RecordReader } from '../../src/read/types.js';

/**
 * Fuzz targets of the MARC readers beyond the registry's (arbitrary bytes, batch sizes):
 * text shaped like each MARC encoding, and ISO 2709 files of generated records, some
 * damaged, where every record must come out once: read with its MARC, or rejected.
 */
interface FuzzHelpers {
  readAll: (reader: RecordReader, bytes: Uint8Array, chunkSize?: number) => Promise<RawRecord[]>;
  checkRecords: (records: readonly RawRecord[]) => void;
  nearFormatProperty: (reader: RecordReader, tokens: readonly string[]) => fc.IAsyncProperty<unknown[]>;
}

const text = fc.string({ maxLength: 10, unit: fc.constantFrom('a', 'Z', ' ', 'é', '東', ':', '/', '\u0301') });
const marcRecord: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.constantFrom('00000nam a2200000 i 4500', '00000cas a2200000 a 4500'),
  fields: fc.array(
    fc.oneof(
      fc.record({ tag: fc.constantFrom('001', '005', '008'), value: text }),
      fc.record({
        tag: fc.constantFrom('100', '245', '650', '700', '856', '999'),
        ind1: fc.constantFrom(' ', '0', '1'),
        ind2: fc.constantFrom(' ', '0', '4'),
        subfields: fc.array(fc.record({ code: fc.constantFrom('a', 'b', 'e', '4'), value: text }), { maxLength: 4 }),
      }),
    ),
    { maxLength: 8 },
  ),
});

/** Damage done to one record's bytes: none, cut inside the leader, a directory digit broken, the directory terminator gone. */
type Damage = 'none' | 'short' | 'directory' | 'no-directory-end';

function damaged(bytes: Buffer, damage: Damage): Buffer {
  if (damage === 'short') return Buffer.concat([bytes.subarray(0, 12), Buffer.from([0x1d])]);
  const copy = Buffer.from(bytes);
  if (damage === 'directory' && copy.length > 30) copy[30] = 0x78;
  if (damage === 'no-directory-end') {
    const end = copy.indexOf(0x1e);
    return Buffer.concat([copy.subarray(0, end), Buffer.from([0x1d])]);
  }
  return copy;
}

export function marcFuzzTargets({ readAll, checkRecords, nearFormatProperty }: FuzzHelpers): Array<{ name: string; property: fc.IAsyncProperty<unknown[]> }> {
  return [
    { name: 'marc: near-ISO 2709 bytes', property: nearFormatProperty(marcIso2709Reader, ['00714nam a2200205 i 4500', '00024nam  2200025   4500', '\u001d', '\u001e', '\u001f', '245001200000', '0019999', '99999', '\u001b(N', '\u001b$1', '\u00e2', '\u00a5']) },
    { name: 'marcxml: near-MARCXML text', property: nearFormatProperty(marcXmlReader, ['<collection xmlns="http://www.loc.gov/MARC21/slim">', '<marc:record>', '<record>', '</record>', '<leader>', '</leader>', '<controlfield tag="001">', '</controlfield>', '<datafield tag="245" ind1="1" ind2="0">', '<subfield code="a">', '</subfield>', '</datafield>', '</collection>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&amp;']) },
    { name: 'marc-json: near-MARC-in-JSON text', property: nearFormatProperty(marcJsonReader, ['{"leader":"00000nam a2200000 i 4500","fields":[', '{"001":"x"}', '{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"T"}]}}', ']}', '[', ']', ',', '"', '\\', '\n']) },
    {
      // N records, some damaged: N raw records in order; the sound ones with exactly their MARC, the broken ones rejected.
      name: 'marc: every record of a .mrc is one record, damaged ones rejected',
      property: fc.asyncProperty(fc.array(fc.tuple(marcRecord, fc.constantFrom<Damage>('none', 'none', 'short', 'directory', 'no-directory-end')), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), async (cases, chunkSize) => {
        const records = await readAll(marcIso2709Reader, Buffer.concat(cases.map(([record, damage]) => damaged(writeIso2709(record), damage))), chunkSize);
        checkRecords(records);
        if (records.length !== cases.length) throw new Error(`${cases.length} records written, ${records.length} read`);
        cases.forEach(([record, damage], index) => {
          const read = records[index]!;
          const rejected = read.issues.some((issue) => issue.severity === 'error');
          if (damage === 'none' && (rejected || JSON.stringify(read.marc?.fields) !== JSON.stringify(record.fields.map((field) => ('value' in field ? { ...field, value: field.value.normalize('NFC') } : { ...field, subfields: field.subfields.map((s) => ({ ...s, value: s.value.normalize('NFC') })) }))))) {
            throw new Error(`record ${index} not read as written: ${JSON.stringify(read.marc)}`);
          }
          if ((damage === 'short' || damage === 'no-directory-end') && !read.issues.some((issue) => issue.code === 'marc.unparsable')) throw new Error(`damaged record ${index} (${damage}) not rejected`);
        });
      }),
    },
  ];
}
