import { describe, expect, it } from 'vitest';
import { nbibWriter } from '../src/write/nbib.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';

/** Tag/value pairs of one tagged-text record, continuation lines joined back. */
function tags(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('      ')) {
      const last = pairs.at(-1);
      if (last) last[1] += ` ${line.slice(6)}`;
      continue;
    }
    expect(line.slice(4, 6)).toBe('- ');
    pairs.push([line.slice(0, 4).trimEnd(), line.slice(6)]);
  }
  return pairs;
}

describe('MEDLINE tagged text (.nbib) writer', () => {
  it('writes the seed lines FORMATS.md lists', () => {
    const text = render(nbibWriter, [loadRecord('seed')]);
    for (const line of [
      'PMID- 37424412',
      'TI  - The Role of Glutamate Underlying Treatment-resistant Depression.',
      'FAU - Kim, Jeongseop',
      'AU  - Kim J',
      'FAU - Koo, Ja Wook',
      'AU  - Koo JW',
      'LA  - eng',
      'PT  - Review',
      'TA  - Clin Psychopharmacol Neurosci',
      'PMC - PMC10335903',
      'AID - 10.9758/cpn.22.1034 [doi]',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('wraps long values at 81 characters with 6-space continuation lines that join back', () => {
    const record = loadRecord('seed');
    const text = render(nbibWriter, [record]);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(87);
    const abstract = tags(text).find(([tag]) => tag === 'AB')?.[1];
    expect(abstract).toBe(record.abstract);
    expect(text.split('\n').filter((line) => line.startsWith('      ')).length).toBeGreaterThan(2);
  });

  it('puts every value on tagged lines (no raw line breaks), keeps 40 authors and separates records by one blank line', () => {
    const text = render(nbibWriter, loadAllRecords());
    const records = text.split('\n\n').filter((chunk) => chunk.trim() !== '');
    expect(records).toHaveLength(3);
    const awkward = tags(records[1] ?? '');
    expect(awkward.filter(([tag]) => tag === 'FAU')).toHaveLength(40);
    expect(awkward.find(([tag]) => tag === 'FAU')?.[1]).toBe('Müller-Lüdenscheidt, Jörg, Jr.');
    expect(awkward.find(([tag]) => tag === 'TI')?.[1]).toContain('"quoted" second line.');
  });

  it('skips records without a PMID like MEDLINE XML', () => {
    expect(nbibWriter.accepts(loadRecord('book'))?.code).toBe('medline.no-pmid');
  });
});
