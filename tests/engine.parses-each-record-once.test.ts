import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { convert } from '../src/pipeline/convert.js';
import { stats } from '../src/pipeline/stats.js';
import { validate } from '../src/pipeline/validate.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';

/**
 * One engine: every record is parsed exactly once, whatever run-wide findings (duplicate
 * ids, DOIs, PMIDs) arrive and whatever the command. The old scheduler ran a batch again
 * for each such finding; this counts the records the readers' chunk parsers produce.
 */

const directory = mkdtempSync(join(tmpdir(), 'bibpipe-parse-once-'));
afterEach(() => vi.restoreAllMocks());
process.on('exit', () => rmSync(directory, { recursive: true, force: true }));

function exportWithDuplicates(): string {
  const lines: string[] = [];
  for (let index = 0; index < 600; index++) {
    // Every 7th record repeats an id, every 5th a DOI of an earlier record, every 11th a PMID.
    const id = index % 7 === 6 ? `rec-${index - 3}` : `rec-${index}`;
    const doi = `10.1000/x.${index % 5 === 4 ? index - 2 : index}`;
    const pmid = String(index % 11 === 10 ? 1000 + index - 1 : 1000 + index);
    lines.push(JSON.stringify({ id, title: `Title ${index}`, format: ['Article'], doi_str_mv: [doi], url: [`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`] }));
  }
  const file = join(directory, 'with-duplicates.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function countParsed(): { records: () => number } {
  let records = 0;
  for (const reader of [solrJsonReader, staffViewReader]) {
    const parse = reader.parseChunk!.bind(reader);
    vi.spyOn(reader, 'parseChunk').mockImplementation((chunk, context) => {
      const parsed = parse(chunk, context);
      records += parsed.length;
      return parsed;
    });
  }
  return { records: () => records };
}

describe('the engine parses each record once', () => {
  it('convert, with duplicate ids, DOIs and PMIDs in the input', async () => {
    const file = exportWithDuplicates();
    const parsed = countParsed();
    const summary = await convert({ inputs: [file], to: ['csv', 'ndjson'], outDir: join(directory, 'out') });
    expect(summary.read).toBe(600);
    expect(summary.issues['id.duplicate']).toBeGreaterThan(50);
    expect(summary.issues['doi.duplicate']).toBeGreaterThan(50);
    expect(parsed.records()).toBe(summary.read);
  });

  it('validate and stats', async () => {
    const file = exportWithDuplicates();
    const parsed = countParsed();
    const result = await validate({ inputs: [file] });
    expect(parsed.records()).toBe(600);
    expect(result.summary.read).toBe(600);
    await stats({ inputs: [file] });
    expect(parsed.records()).toBe(1200);
  });
});
