import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonOpenTracker, type OpenPosition } from '../src/read/json-positions.js';

/** Positions of `{`/`[` opening at depth <= 3, found the slow, obvious way. */
function reference(text: string): OpenPosition[] {
  const bytes = Buffer.from(text, 'utf8');
  const found: OpenPosition[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (inString) {
      if (byte === 0x5c) at++;
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x0a) line++;
    else if (byte === 0x7b || byte === 0x5b) {
      if (depth <= 3) found.push({ line, byteOffset: at });
      depth++;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return found;
}

function tracked(text: string, cuts: number[], start = 0): OpenPosition[] {
  const tracker = new JsonOpenTracker(start, 1);
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length)].sort((a, b) => a - b)) {
    tracker.feed(text.slice(from, cut));
    from = cut;
  }
  tracker.feed(text.slice(from));
  const positions: OpenPosition[] = [];
  for (let next = tracker.next(); next; next = tracker.next()) positions.push(next);
  return positions;
}

describe('streamed Solr JSON: exact line and byte offset of each document', () => {
  it('matches a byte-by-byte scan however the text is sliced (escapes, non-ASCII, surrogate pairs)', () => {
    const strings = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '[', '}', ']', '\n', 'é', '中', '😀', ' ') });
    const values = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, strings, fc.integer(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(strings, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 2 }), fc.array(fc.nat(), { maxLength: 8 }), (value, indent, cuts) => {
        const text = JSON.stringify({ response: { docs: [value, value] } }, null, indent);
        const maxCut = Math.max(1, text.length);
        expect(tracked(text, cuts.map((cut) => cut % maxCut))).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('starts counting after an HTTP header block', () => {
    expect(tracked('[\n{"id":"a"}]', [], 40)).toEqual([{ line: 1, byteOffset: 40 }, { line: 2, byteOffset: 42 }]);
  });
});
