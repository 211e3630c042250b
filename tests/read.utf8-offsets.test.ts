import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset, StrictUtf8Decoder } from '../src/read/utf8.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { readAll } from './helpers/read.js';

/**
 * An invalid UTF-8 sequence is reported at its first byte: a lead byte not followed by
 * its continuation bytes is the bad byte (the old search pointed one byte past it).
 */

const CASES: Array<[string, number[], number]> = [
  ['a 2-byte lead followed by ASCII', [0x61, 0x62, 0xc3, 0x28, 0x63], 2],
  ['a 3-byte lead whose second continuation is missing', [0x61, 0xe2, 0x82, 0x28], 1],
  ['a 4-byte lead cut by ASCII after two continuations', [0xf0, 0x9f, 0x98, 0x41], 0],
  ['a lone continuation byte', [0x61, 0x80, 0x62], 1],
  ['a byte that starts nothing', [0x61, 0x62, 0xff], 2],
  ['an overlong encoding', [0x61, 0xc0, 0xaf], 1],
  ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
  ['valid text', [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], 10],
];

describe('invalid UTF-8 offsets', () => {
  for (const [name, bytes, expected] of CASES) {
    it(`${name}: at byte ${expected}, wherever the chunks are cut`, () => {
      expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(expected);
      if (expected === bytes.length) return;
      for (let cut = 0; cut <= bytes.length; cut++) {
        const decoder = new StrictUtf8Decoder();
        const first = decoder.decode(Uint8Array.from(bytes.slice(0, cut)));
        if (first !== undefined) decoder.decode(Uint8Array.from(bytes.slice(cut)));
        if (decoder.invalidAt === undefined) decoder.end();
        expect(decoder.invalidAt, `cut at ${cut}`).toBe(expected);
      }
    });
  }

  it('agrees with the fatal TextDecoder on which inputs are valid (all 2-byte and sampled 3-byte sequences)', () => {
    const valid = (bytes: Uint8Array): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    for (let first = 0x80; first <= 0xff; first++) {
      for (let second = 0; second <= 0xff; second++) {
        const bytes = Uint8Array.from([first, second, 0x80, 0x80]);
        for (const length of [2, 3, 4]) {
          const slice = bytes.subarray(0, length);
          expect(invalidUtf8Offset(slice) === slice.length, `${[...slice].map((b) => b.toString(16)).join(' ')}`).toBe(valid(slice));
        }
      }
    }
  });

  it('the Solr XML reader names the lead byte', async () => {
    const bytes = Buffer.concat([Buffer.from('<response><result name="response"><doc><str name="id">a'), Buffer.from([0xc3, 0x28]), Buffer.from('</str></doc></result></response>')]);
    const records = await readAll(solrXmlReader, bytes, { chunkSize: 7 });
    const issue = records.flatMap((record) => record.issues).find((candidate) => candidate.code === 'read.invalid-utf8');
    expect(issue?.source?.byteOffset).toBe(55);
  });
});
