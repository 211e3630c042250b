import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../src/normalize/index.js';
import { validateRecord } from '../src/validate/index.js';
import { chop } from '../src/normalize/marc/fields.js';
import { BibRecordSchema } from '../src/model/record.js';
import type { MarcField, MarcRecord } from '../src/model/marc.js';
import { rawWithMarc } from './helpers/marc-records.js';

/** The crosswalk and the MARC rules on arbitrary MARC records: they never throw and keep the model's shape. */

const SEED = 2121;
const TAGS = ['001', '008', '010', '020', '022', '024', '035', '041', '100', '110', '111', '245', '246', '250', '260', '264', '300', '490', '500', '520', '600', '650', '651', '653', '655', '700', '710', '711', '773', '800', '830', '856', '880'];
const text = fc.string({ unit: fc.constantFrom(...'ab 1-./:;,=()[]?|$éא\u0301\u00a0'.split('')), maxLength: 24 });
const subfield = fc.record({ code: fc.constantFrom(...'abcdefgnpqtvxyz0123456'.split('')), value: fc.oneof(text, fc.constantFrom('880-01', '245-01/(N', 'aut', 'Hrsg.', '9780306406157 (pbk.)', '0378-5955', '10.1000/x', 'doi', 'http://example.org/x')) });
const field = fc.oneof(
  fc.record({ tag: fc.constantFrom('001', '008'), value: fc.oneof(text, fc.constant('200101s2020    gw a     b    001 0 ger d')) }),
  fc.record({ tag: fc.constantFrom(...TAGS.slice(2)), ind1: fc.constantFrom(' ', '0', '1', '3', '7', 'x'), ind2: fc.constantFrom(' ', '0', '1', '2', '4', '7'), subfields: fc.array(subfield, { maxLength: 8 }) }),
);
const marcRecord = fc.record({
  leader: fc.constantFrom('00000cam a2200000 i 4500', '00000nab a2200000 a 4500', '00000nas a2200000 a 4500', 'short'),
  fields: fc.array(field as fc.Arbitrary<MarcField>, { maxLength: 20 }),
}) as fc.Arbitrary<MarcRecord>;

describe(`MARC crosswalk on arbitrary records (seed ${SEED})`, () => {
  it('normalizes and validates without throwing; the record fits the model schema', () => {
    fc.assert(
      fc.property(marcRecord, (marc) => {
        const raw = rawWithMarc(marc, { id: 'x' });
        const { record } = normalizeRecord(raw);
        expect(BibRecordSchema.safeParse(record).success).toBe(true);
        validateRecord(raw);
        for (const heading of record.subjects) expect(heading.trim()).not.toBe('');
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('chop is idempotent and leaves no trailing ISBD separator', () => {
    fc.assert(
      fc.property(text, (value) => {
        const once = chop(value);
        expect(chop(once)).toBe(once);
        expect(/[ /:;,=]$/u.test(once)).toBe(false);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
