import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import { readAll } from './helpers/read.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

describeWithShared('Staff View reader: the seed record page', () => {
  let seed: Buffer;
  beforeAll(() => {
    seed = readFileSync(sharedPath('data', 'seed', '000_d603f818e8ddaeae.txt'));
  });

  it('is detected from its head', () => {
    expect(staffViewReader.detect(seed.subarray(0, 4096).toString('utf8'))).toBeGreaterThan(0);
  });

  it('reads the exact Solr fields, multi-valued ones split back into their values', async () => {
    for (const chunkSize of [13, 65536]) {
      const [record, ...rest] = await readAll(staffViewReader, seed, { chunkSize, file: 'seed.txt' });
      expect(rest).toHaveLength(0);
      const fields = record?.fields ?? {};
      expect(fields.author).toEqual(['Kim, Jeongseop', 'Kim, Tae-Eun', 'Lee, Seung-Hwan', 'Koo, Ja Wook']);
      expect(fields.author_facet).toEqual(fields.author);
      expect(fields.author_sort).toBe('Kim, Jeongseop');
      expect(fields.url).toEqual([
        'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/',
        'https://www.ncbi.nlm.nih.gov/pubmed/37424412',
        'http://dx.doi.org/10.9758/cpn.22.1034',
      ]);
      expect(fields.format).toEqual(['Online', 'Article', 'Text']);
      expect(fields.language).toEqual(['English']);
      expect(fields.publishDate).toEqual(['2023']);
      expect(fields.publisher).toEqual(['Korean College of Neuropsychopharmacology']);
      expect(fields._version_).toBe('1785071094303031296');
      expect(fields.id).toBe('pubmed-10335903');
      expect(fields.title).toBe('The Role of Glutamate Underlying Treatment-resistant Depression');
      expect(fields.work_keys_str_mv).toHaveLength(8);
      expect((fields.work_keys_str_mv as string[])[3]).toBe('AT koojawook theroleofglutamateunderlyingtreatmentresistantdepression');
      expect(fields.topic).toEqual(['Review']);
      expect(fields.spellingShingle).toEqual([
        'Review', 'Kim, Jeongseop', 'Kim, Tae-Eun', 'Lee, Seung-Hwan', 'Koo, Ja Wook',
        'The Role of Glutamate Underlying Treatment-resistant Depression',
      ]);
      expect(typeof fields.description).toBe('string');
      expect((fields.spelling as string[])).toHaveLength(1);
      expect(record?.issues).toEqual([]);
    }
  });

  it('keeps source position, raw text and the core-table facts as hints', async () => {
    const [record] = await readAll(staffViewReader, seed, { file: 'seed.txt' });
    expect(record?.format).toBe('staff-view');
    expect(record?.source).toEqual({ file: 'seed.txt', line: 1, byteOffset: 0, ordinal: 1 });
    expect(record?.rawText?.startsWith('Cargando…\nThe Role of Glutamate')).toBe(true);
    expect(record?.hints).toMatchObject({
      locale: 'es',
      coreAuthorCount: '4',
      heading: 'The Role of Glutamate Underlying Treatment-resistant Depression',
      corePublished: 'Korean College of Neuropsychopharmacology\n2023',
      coreFormat: 'Online Artículo Texto',
    });
  });
});
