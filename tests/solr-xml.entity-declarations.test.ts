import { describe, expect, it } from 'vitest';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { inputFixture, readAll } from './helpers/read-input.js';

const BOMB = 'a billion laughs entity bomb.xml';

describe('solr-xml: DOCTYPE and entity declarations are refused, never expanded', () => {
  it('refuses a billion-laughs file at once, with one record naming the file and byte offset', async () => {
    const bytes = inputFixture(BOMB);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const records = await readAll(solrXmlReader, bytes, { file: BOMB });
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

    expect(records).toHaveLength(1);
    const [issue] = records[0]!.issues;
    expect(issue!.code).toBe('read.entity-declaration');
    expect(issue!.severity).toBe('error');
    expect(issue!.source).toEqual({ file: BOMB, byteOffset: bytes.indexOf('<!DOCTYPE'), ordinal: 1 });
    expect(issue!.message).toContain(BOMB);
    expect(issue!.message).toContain(`byte offset ${bytes.indexOf('<!DOCTYPE')}`);
    // Expanded, &lol9; is 3 GB of text; refused, the run barely notices it (no timing here:
    // the heap says whether anything was expanded).
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
  });

  it('finds the DOCTYPE however the input is cut into chunks', async () => {
    const bytes = inputFixture(BOMB);
    for (const chunkSize of [1, 2, 3, 5, 41, 42, 43, 44, 45, 46, 47, 48, 49]) {
      const records = await readAll(solrXmlReader, bytes, { chunkSize });
      expect(records.map((record) => record.issues[0]?.code), `chunk size ${chunkSize}`).toEqual(['read.entity-declaration']);
      expect(records[0]!.source.byteOffset).toBe(bytes.indexOf('<!DOCTYPE'));
    }
  });

  it('refuses an external entity (no file is ever opened)', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE response [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<response><result name="response"><doc><str name="id">&secret;</str></doc></result></response>';
    const records = await readAll(solrXmlReader, xml);
    expect(records.map((record) => record.issues[0]?.code)).toEqual(['read.entity-declaration']);
    expect(JSON.stringify(records)).not.toContain('root:');
  });

  it('refuses a DOCTYPE whatever its case, and an ENTITY declaration without a DOCTYPE', async () => {
    for (const xml of ['<!doctype response><response/>', '<?xml version="1.0"?><!ENTITY a "b"><response/>']) {
      const records = await readAll(solrXmlReader, xml);
      expect(records.map((record) => record.issues[0]?.code)).toEqual(['read.entity-declaration']);
    }
  });

  it('counts the byte offset in bytes, after a BOM and multi-byte characters', async () => {
    const xml = '\ufeff<?xml version="1.0"?><!-- exporté par Solr --><!DOCTYPE response><response/>';
    const bytes = Buffer.from(xml);
    const [record] = await readAll(solrXmlReader, bytes, { chunkSize: 1 });
    expect(record!.issues[0]!.code).toBe('read.entity-declaration');
    expect(record!.source.byteOffset).toBe(bytes.indexOf('<!DOCTYPE'));
  });

  it('keeps predefined entities and character references, and a "<!DOCTYPE" that is only text inside a document', async () => {
    const xml = '<response><result name="response"><doc><str name="id">a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x00E9;</str><str name="title"><![CDATA[About <!DOCTYPE html> and <!ENTITY x>]]></str></doc></result></response>';
    const records = await readAll(solrXmlReader, xml, { chunkSize: 7 });
    expect(records.map((record) => record.fields)).toEqual([
      { id: 'a&b <c> "d" \'e\' éé', title: 'About <!DOCTYPE html> and <!ENTITY x>' },
    ]);
  });

  it('treats an undeclared entity reference as malformed XML, not as something to look up', async () => {
    const xml = '<response><result name="response"><doc><str name="id">ok</str></doc><doc><str name="id">&lol9;</str></doc></result></response>';
    const records = await readAll(solrXmlReader, xml);
    expect(records.map((record) => record.fields.id ?? record.issues[0]?.code)).toEqual(['ok', 'read.malformed']);
  });
});
