import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { expect, it } from 'vitest';
import { JSONLD_CONTEXT, jsonLdDocument, jsonLdWriter } from '../src/write/jsonld.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { checkJsonLd } from './helpers/validators.js';

const SCHEMA = 'http://schema.org/';

describeWithShared('JSON-LD conformance: offline expansion + schema.org vocabulary', () => {
  it('every fixture expands cleanly and uses only schema.org terms', async () => {
    for (const record of loadAllRecords()) {
      expect(await checkJsonLd(jsonLdDocument(record)), record.id).toEqual([]);
    }
  });

  it('the whole records.jsonld file checks clean', async () => {
    const file = JSON.parse(render(jsonLdWriter, loadAllRecords())) as unknown[];
    expect(file).toHaveLength(4);
    expect(await checkJsonLd(file)).toEqual([]);
  });

  it('keeps author order in the expanded graph (@list)', async () => {
    const expanded = (await jsonld.expand(jsonLdDocument(loadRecord('seed')), {
      documentLoader: async (url) => ({
        contextUrl: null,
        documentUrl: url,
        document: JSON.parse(readFileSync(sharedPath('data', 'schemaorg', 'schemaorgcontext.jsonld'), 'utf8')),
      }),
    })) as Record<string, unknown>[];
    const authors = expanded[0]?.[`${SCHEMA}author`] as { '@list': Record<string, { '@value': string }[]>[] }[];
    const families = authors[0]?.['@list'].map((person) => person[`${SCHEMA}familyName`]?.[0]?.['@value']);
    expect(families).toEqual(['Kim', 'Kim', 'Lee', 'Koo']);
    expect(expanded[0]?.['@id']).toBe('https://doi.org/10.9758/cpn.22.1034');
  });

  it('fails a misspelt key that @vocab would silently accept', async () => {
    const doc = { ...jsonLdDocument(loadRecord('seed')), auther: 'Somebody' };
    const problems = await checkJsonLd(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('http://schema.org/auther');
  });

  it('fails an unknown type', async () => {
    expect(await checkJsonLd({ '@context': JSONLD_CONTEXT, '@type': 'ScholarlyArtikel', name: 'x' })).toEqual([
      '$[0]: type <http://schema.org/ScholarlyArtikel> is not a schema.org class',
    ]);
  });

  it('fails a relative node IRI (safe mode) and a relative IRI value', async () => {
    const relativeId = await checkJsonLd({ ...jsonLdDocument(loadRecord('seed')), '@id': 'records/1' });
    expect(relativeId.join('\n')).toMatch(/expansion failed: Relative @id reference/);
    const relativeValue = await checkJsonLd({ ...jsonLdDocument(loadRecord('seed')), license: 'CC BY' });
    expect(relativeValue).toEqual(['$[0].license[0]: @id <CC BY> is not an absolute IRI']);
  });

  it('fails a key that expansion would drop (safe mode)', async () => {
    const problems = await checkJsonLd({ '@context': { name: 'http://schema.org/name' }, name: 'x', dropped: 1 });
    expect(problems.join('\n')).toMatch(/expansion failed/);
  });

  it('flags the docs example\'s non-schema.org dct:conformsTo (which is why the writer leaves it out)', async () => {
    const example = JSON.parse(readFileSync(sharedPath('docs', 'examples', 'seed.jsonld'), 'utf8')) as Record<string, unknown>;
    const problems = await checkJsonLd(example);
    expect(problems).toEqual(['$[0]: property <http://purl.org/dc/terms/conformsTo> is not a schema.org property']);
    const { 'dct:conformsTo': _dropped, ...rest } = example;
    expect(await checkJsonLd(rest)).toEqual([]);
  });
});
