import type { RawRecord } from '../model/raw-record.js';
import { makeIssue } from '../model/rules.js';
import { recordBatches } from './chunked.js';
import { Confidence, type ReadContext, type RecordReader } from './types.js';

const BOM = [0xef, 0xbb, 0xbf];

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** True when a head of text holds nothing but whitespace (an empty file, a lone newline). */
export function isBlankText(head: string): boolean {
  return head.trim() === '';
}

/**
 * The reader for an input whose head is blank: an empty file holds no record, so it adds
 * nothing to the run (rather than a phantom rejected record). Detection only saw the head,
 * so the rest is still checked: text after the blank head is reported, never dropped.
 */
export const blankInputReader: RecordReader = {
  name: 'blank',
  description: 'an input with no content (empty, or whitespace only)',
  detect: (head) => (isBlankText(head) ? Confidence.certain : Confidence.none),
  split: (input, context) => recordBatches(readBlank(input, context)),
  parseChunk: () => {
    throw new Error('The blank-input reader cuts no chunks');
  },
};

async function* readBlank(input: AsyncIterable<Uint8Array>, context: ReadContext): AsyncGenerator<RawRecord> {
  let offset = 0;
  for await (const chunk of input) {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      const inBom = offset + index < BOM.length && byte === BOM[offset + index];
      if (inBom || isBlankByte(byte)) continue;
      const source = { file: context.file, byteOffset: offset + index, ordinal: 1 };
      const message = `${context.file}: the input starts with blank space and has content from byte ${offset + index}, in no format bibpipe detects; use --from to name its format`;
      yield { format: 'unknown', source, fields: {}, issues: [makeIssue('read.unsupported-input', { message, source })] };
      return;
    }
    offset += chunk.length;
  }
}
