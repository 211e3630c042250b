import { describe, expect, it } from 'vitest';
import { computeWorkKeys, generateCorpus, renderSolrJsonLine, renderStaffView, workKeyForm } from '../bench/corpus/index.js';
import { parseIsbn } from '../src/identifiers/isbn.js';

const render = (seed: number, count: number): string[] =>
  [...generateCorpus({ seed, count })].map((record) => `${renderStaffView(record)}\n${renderSolrJsonLine(record)}`);

describe('ground-truth corpus generator', () => {
  it('gives the same records for the same seed, and other records for another seed', () => {
    const first = render(7, 40);
    expect(render(7, 40)).toEqual(first);
    expect(render(8, 40)).not.toEqual(first);
    // A longer run starts with the same records: record i never depends on the count.
    expect(render(7, 60).slice(0, 40)).toEqual(first);
  });

  it('computes work keys as VuFind does (the seed record)', () => {
    expect(workKeyForm('Koo, Ja Wook')).toBe('koojawook');
    expect(workKeyForm('Kim, Tae-Eun')).toBe('kimtaeeun');
    expect(workKeyForm('Müller, Hans-Peter')).toBe('mullerhanspeter');
    expect(workKeyForm('x'.repeat(300))).toHaveLength(255);
    const title = 'The Role of Glutamate Underlying Treatment-resistant Depression';
    expect(computeWorkKeys({ uniformTitles: [], titles: [title, title.slice(4)], authors: ['Kim, Jeongseop', 'Koo, Ja Wook'] })).toEqual([
      'AT kimjeongseop theroleofglutamateunderlyingtreatmentresistantdepression',
      'AT koojawook theroleofglutamateunderlyingtreatmentresistantdepression',
      'AT kimjeongseop roleofglutamateunderlyingtreatmentresistantdepression',
      'AT koojawook roleofglutamateunderlyingtreatmentresistantdepression',
    ]);
  });

  it('keeps its records consistent: copy fields, valid ISBNs, _version_ as a bare integer', () => {
    for (const record of generateCorpus({ seed: 3, count: 200 })) {
      const { doc, truth } = record;
      const list = (name: string): string[] => (doc[name] === undefined ? [] : ([] as string[]).concat(doc[name] as string | string[]));
      expect(list('author_facet')).toEqual([...list('author'), ...list('author2'), ...list('author_corporate')]);
      for (const isbn of truth.isbn) expect(parseIsbn(isbn).ok).toBe(true);
      expect(renderSolrJsonLine(record)).toMatch(/"_version_":\d{19}[,}]/u);
      expect(record.hasWorkKeys).toBe(doc.work_keys_str_mv !== undefined);
    }
  });
});
