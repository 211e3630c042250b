import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseJsonExact } from '../src/read/exact-json.js';
import { rawRecordFromSolrDoc } from '../src/read/solr-doc.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { DEFAULT_READ_LIMITS } from '../src/read/types.js';
import { readAll } from './helpers/read-input.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { solrXmlResponse, type SolrDoc } from './helpers/solr-formats.js';

const FIXTURES = ['search.json', 'search-author.json', 'search-title.json', 'testbug1.json', 'testbug2.json'];

function docsOf(name: string): SolrDoc[] {
  const body = parseJsonExact(readFileSync(sharedPath('data', 'vufind', 'fixtures', name), 'utf8')) as { response: { docs: SolrDoc[] } };
  return body.response.docs;
}

describeWithShared('solr-xml: the same documents as Solr XML and Solr JSON give identical raw fields', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const docs = docsOf(name);
    expect(docs.length).toBeGreaterThan(0);
    const xml = solrXmlResponse(docs);
    const fromXml = await readAll(solrXmlReader, xml, { chunkSize: 4096 });
    const fromJson = await readAll(solrJsonReader, readFileSync(sharedPath('data', 'vufind', 'fixtures', name)));

    expect(fromXml).toHaveLength(docs.length);
    expect(fromJson).toHaveLength(docs.length);
    docs.forEach((doc, index) => {
      const expected = rawRecordFromSolrDoc(doc, 'solr-json', { file: name, ordinal: index + 1 }, DEFAULT_READ_LIMITS);
      const xmlRecord = fromXml[index]!;
      expect(xmlRecord.issues).toEqual([]);
      // Field by field, so that a difference names the field.
      for (const field of new Set([...Object.keys(expected.fields), ...Object.keys(xmlRecord.fields)])) {
        expect(xmlRecord.fields[field], `${name} doc ${index + 1} field ${field}`).toEqual(expected.fields[field]);
        expect(fromJson[index]!.fields[field], `${name} doc ${index + 1} field ${field} (JSON reader)`).toEqual(expected.fields[field]);
      }
    });
  });

  it('keeps characters that XML must escape (<, >, &) and _version_ digits exactly', async () => {
    const docs = docsOf('search.json');
    const tricky = docs.find((doc) => typeof doc.id === 'string' && doc.id.includes('&'));
    expect(tricky).toBeDefined();
    const xml = solrXmlResponse(docs);
    expect(xml).toContain('&amp;');
    // MARC control characters of `fullrecord`, written the way Solr's XML writer does.
    expect(xml).toContain('#30;');
    const records = await readAll(solrXmlReader, xml);
    const record = records.find((candidate) => candidate.fields.id === tricky!.id);
    expect(record?.fields.title).toBe(tricky!.title);
    expect(record?.fields._version_).toMatch(/^\d{19}$/);
    expect(record?.fields._version_).toBe(String(tricky!._version_));
  });
});
