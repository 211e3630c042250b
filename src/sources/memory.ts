/**
 * Inputs held in memory by a library caller, read like files: the text of an export, a
 * stream of its bytes (a Node Readable is an async iterable), or Solr documents as objects.
 * Each becomes bytes and goes through the same detection and readers as a file; documents
 * become NDJSON (one per line, so a record's line is its position in the iterable).
 */
export type MemoryInput =
  | { name?: string | undefined; text: string }
  | { name?: string | undefined; stream: AsyncIterable<Uint8Array | string> }
  | { name?: string | undefined; records: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>> };

/** An input of a run: a path, pattern, `-` or `solr+http(s)://` URL, or an input in memory. */
export type Input = string | MemoryInput;

export function isMemoryInput(input: Input): input is MemoryInput {
  return typeof input === 'object' && input !== null;
}

/** The name findings and positions give an input in memory: its own, else `memory:N` (1-based). */
export function memoryInputName(input: MemoryInput, index: number): string {
  return input.name ?? `memory:${index + 1}`;
}

const encoder = new TextEncoder();

async function* utf8Chunks(stream: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

async function* ndjsonOf(records: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>): AsyncGenerator<Uint8Array> {
  let lines = '';
  for await (const record of records) {
    lines += `${JSON.stringify(record)}\n`;
    // Handed on in pieces of about 64 KiB: an iterable of any length runs in bounded memory.
    if (lines.length >= 64 * 1024) {
      yield encoder.encode(lines);
      lines = '';
    }
  }
  if (lines !== '') yield encoder.encode(lines);
}

/** The bytes of an input in memory, and the format they are in when it is known (documents: Solr JSON). */
export function memoryInputBytes(input: MemoryInput): { bytes: AsyncIterable<Uint8Array>; format?: 'solr-json' } {
  if ('text' in input) return { bytes: utf8Chunks([input.text]) };
  if ('stream' in input) return { bytes: utf8Chunks(input.stream) };
  return { bytes: ndjsonOf(input.records), format: 'solr-json' };
}
