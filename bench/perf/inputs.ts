import { createWriteStream, existsSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, renderSolrJsonLine, renderStaffView } from '../corpus/index.js';

/** The same records in the three input shapes the bench reads. */
export interface BenchInputs {
  count: number;
  /** One Solr document per line. */
  ndjson: string;
  /** One Solr select response holding every document (read by the streaming tokenizer). */
  response: string;
  /** Staff View page scrapes, one after another. */
  staffView: string;
}

function write(stream: WriteStream, text: string): Promise<void> | undefined {
  return stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', () => resolve()));
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Writes `count` records of the bench corpus (seeded: the same bytes on every machine) into
 * `directory`, unless a previous run already wrote exactly these.
 */
export async function writeInputs(directory: string, count: number, seed: number): Promise<BenchInputs> {
  const inputs: BenchInputs = {
    count,
    ndjson: join(directory, `records-${count}.ndjson`),
    response: join(directory, `response-${count}.json`),
    staffView: join(directory, `staff-view-${count}.txt`),
  };
  const stamp = join(directory, `inputs-${count}.json`);
  const identity = JSON.stringify({ count, seed, version: 1 });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === identity) return inputs;
  const ndjson = createWriteStream(inputs.ndjson);
  const response = createWriteStream(inputs.response);
  const staffView = createWriteStream(inputs.staffView);
  await write(response, `{"responseHeader":{"status":0,"QTime":3,"params":{"q":"*:*","wt":"json"}},"response":{"numFound":${count},"start":0,"docs":[\n`);
  let index = 0;
  for (const record of generateCorpus({ seed, count, profile: 'bench' })) {
    const line = renderSolrJsonLine(record);
    const waits = [
      write(ndjson, `${line}\n`),
      write(response, index === 0 ? line : `,\n${line}`),
      write(staffView, `${index === 0 ? '' : '\n'}${renderStaffView(record, { sorted: true })}`),
    ];
    index += 1;
    for (const wait of waits) if (wait) await wait;
  }
  await write(response, '\n]}}\n');
  await Promise.all([close(ndjson), close(response), close(staffView)]);
  writeFileSync(stamp, identity);
  return inputs;
}
