import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarcRecord } from '../src/model/marc.js';
import { records } from '../src/pipeline/records.js';
import type { ProcessedRecord } from '../src/pipeline/process.js';
import { toIso2709 } from './helpers/marc.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { solrCsvResponse, solrXmlResponse, type SolrDoc } from './helpers/solr-formats.js';
import { standinDoc, startSolrStandin, type SolrStandin } from './helpers/solr-standin.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * `fullrecord` in every Solr reader: decoded in the engine's shared step (on the worker
 * threads here) and attached as RawRecord.marc; an undecodable MARC fullrecord rejects its
 * record with a marc.unparsable error naming the id, the field and the byte; the rest goes on.
 */

function marc(id: string): MarcRecord {
  const fields = [
    { tag: '001', value: id },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: `Über Ärzte ${id} <&>` }] },
  ];
  return { leader: toIso2709({ leader: '00000nam a2200000 i 4500', fields }).toString('latin1').slice(0, 24), fields };
}

function marcInJson(record: MarcRecord): string {
  const fields = record.fields.map((field) => ('value' in field ? { [field.tag]: field.value } : { [field.tag]: { ind1: field.ind1, ind2: field.ind2, subfields: field.subfields.map((s) => ({ [s.code]: s.value })) } }));
  return `${JSON.stringify({ leader: record.leader, fields })}\n`;
}

function marcXml(record: MarcRecord): string {
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = record.fields.map((field) =>
    'value' in field
      ? `<controlfield tag="${field.tag}">${esc(field.value)}</controlfield>`
      : `<datafield tag="${field.tag}" ind1="${field.ind1}" ind2="${field.ind2}">${field.subfields.map((s) => `<subfield code="${s.code}">${esc(s.value)}</subfield>`).join('')}</datafield>`,
  );
  return `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>${record.leader}</leader>${body.join('')}</record>`;
}

const DOCS: SolrDoc[] = [
  { id: 'mij', title: 'A', record_format: 'marc', fullrecord: marcInJson(marc('mij')) },
  { id: 'iso', title: 'B', record_format: 'marc', fullrecord: toIso2709(marc('iso')).toString('utf8') },
  { id: 'xml', title: 'C', record_format: 'marc', fullrecord: marcXml(marc('xml')) },
  { id: 'broken', title: 'D', record_format: 'marc', fullrecord: toIso2709(marc('broken')).toString('utf8').slice(0, 30) },
  { id: 'dc', title: 'E', record_format: 'dc', fullrecord: '<oai_dc:dc xmlns:oai_dc="x"/>' },
];

function expectMarcAttached(processed: ProcessedRecord[]): void {
  expect(processed.map((record) => record.raw.fields.id)).toEqual(DOCS.map((doc) => doc.id));
  const byId = new Map(processed.map((record) => [record.raw.fields.id, record]));
  for (const id of ['mij', 'iso', 'xml']) {
    const record = byId.get(id)!;
    expect(record.raw.marc?.fields).toEqual(marc(id).fields);
    expect(record.rejected).toBe(false);
  }
  const broken = byId.get('broken')!;
  expect(broken.rejected).toBe(true);
  const issue = broken.issues.find((found) => found.code === 'marc.unparsable');
  expect(issue).toMatchObject({ severity: 'error', recordId: 'broken', field: 'fullrecord' });
  expect(issue?.message).toMatch(/at byte \d+ of fullrecord/);
  expect(byId.get('dc')!.raw.marc).toBeUndefined();
  expect(byId.get('dc')!.rejected).toBe(false);
}

async function readAll(inputs: string[], workers = 2): Promise<ProcessedRecord[]> {
  const found: ProcessedRecord[] = [];
  for await (const record of records({ inputs, workers })) found.push(record);
  return found;
}

describe('fullrecord decoded in every Solr reader', () => {
  const dir = temporaryDirectory();
  const inputs: Record<string, string> = {
    'ndjson': DOCS.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
    'json response': JSON.stringify({ responseHeader: { status: 0 }, response: { numFound: DOCS.length, start: 0, docs: DOCS } }),
    'solr xml (#30; forms)': solrXmlResponse(DOCS),
    'solr csv': solrCsvResponse(DOCS),
  };
  const names: Record<string, string> = { 'ndjson': 'docs.ndjson', 'json response': 'docs.json', 'solr xml (#30; forms)': 'docs.xml', 'solr csv': 'docs.csv' };

  it.each(Object.keys(inputs))('%s', async (kind) => {
    const file = join(dir, names[kind]!);
    writeFileSync(file, inputs[kind]!);
    if (kind.startsWith('solr xml')) expect(inputs[kind]).toContain('#30;');
    expectMarcAttached(await readAll([file]));
  });

  describe('live Solr', () => {
    let solr: SolrStandin;
    beforeAll(async () => {
      solr = await startSolrStandin(DOCS.map((doc) => standinDoc(doc as Record<string, string>)));
    });
    afterAll(async () => solr.close());
    it('attaches the MARC of records fetched over HTTP', async () => {
      const found = await readAll([solr.url], 1);
      found.sort((a, b) => DOCS.findIndex((doc) => doc.id === a.raw.fields.id) - DOCS.findIndex((doc) => doc.id === b.raw.fields.id));
      expectMarcAttached(found);
    });
  });
});

describeWithShared("VuFind's fixtures: FullRecordAsMarc in search.json", () => {
  it('every fullrecord decodes, without structure problems, and its 001 is in the id (geo.mrc ids add a prefix)', async () => {
    const found = await readAll([sharedPath('data/vufind/fixtures/search.json')], 1);
    expect(found.length).toBe(40);
    for (const record of found) {
      expect(record.raw.marc).toBeDefined();
      expect(record.issues.filter((issue) => issue.code.startsWith('marc.'))).toEqual([]);
      const controlNumber = record.raw.marc!.fields.find((field) => field.tag === '001');
      expect(record.raw.fields.id).toContain(controlNumber && 'value' in controlNumber ? controlNumber.value.trim() : '(no 001)');
    }
  });
});
