import { UsageError } from '../errors.js';
import type { BibRecord } from '../model/record.js';
import { findWriter, writers } from './index.js';
import type { WriterOptions } from './types.js';

/**
 * A writer that starts and ends itself: normalized records in, the text of one whole
 * document out, piece by piece (pipe it to a file or stdout). Records the format does not
 * take (MEDLINE without a PMID) and `undefined` (rejected records) are passed over. A format
 * whose empty document would be invalid (MEDLINE XML) gives no text at all without records.
 */
export async function* formatRecords(
  records: AsyncIterable<BibRecord | undefined> | Iterable<BibRecord | undefined>,
  format: string,
  options: WriterOptions = {},
): AsyncGenerator<string> {
  const writer = findWriter(format);
  if (!writer) throw new UsageError(`Unknown output format "${format}" (known: ${writers.map((known) => known.name).join(', ')})`);
  const session = writer.open(options);
  let started = false;
  for await (const record of records) {
    if (record === undefined || writer.accepts(record, options) !== undefined) continue;
    if (!started) {
      started = true;
      yield session.start();
    }
    yield session.write(record);
  }
  if (!started) {
    if (writer.requiresRecords) return;
    yield session.start();
  }
  yield session.end();
}
