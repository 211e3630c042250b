import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { XmlDocument } from 'libxml2-wasm';
import { expect, it } from 'vitest';
import { medlineXmlWriter, xmlSafeText } from '../src/write/medline-xml.js';
import { loadAllRecords, loadRecord, render } from './helpers/record-fixtures.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';
import { validateMedlineXml } from './helpers/validators.js';

function xmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(dir, name))
    .sort();
}

describeWithShared('MEDLINE XML conformance: pubmed_250101.dtd (libxml2, offline)', () => {
  it('accepts the hand-made seed example from the docs', async () => {
    const xml = readFileSync(sharedPath('docs', 'examples', 'seed.medline.xml'), 'utf8');
    expect(await validateMedlineXml(xml)).toEqual([]);
  });

  it('judges the real efetch files as xmllint does: all valid but the empty set', async () => {
    const realDir = sharedPath('data', 'medline', 'real');
    const files = xmlFilesUnder(realDir);
    expect(files.length).toBeGreaterThanOrEqual(16);
    const verdicts: Record<string, string[]> = {};
    for (const file of files) verdicts[relative(realDir, file)] = await validateMedlineXml(readFileSync(file, 'utf8'));
    const invalid = Object.keys(verdicts).filter((name) => verdicts[name]?.length);
    expect(invalid).toEqual(['metapub/37909814.xml']);
    expect(verdicts['metapub/37909814.xml']?.join('\n')).toMatch(/PubmedArticleSet content does not follow the DTD/);
  });

  it('loads the MathML module the DTD includes by relative path (real files with mml:math pass)', async () => {
    const withMath = readFileSync(sharedPath('data', 'medline', 'real', 'biopython', 'pubmed6.xml'), 'utf8');
    expect(withMath).toContain('mml:math');
    expect(await validateMedlineXml(withMath)).toEqual([]);
  });

  it('fails documents that break the DTD', async () => {
    const seed = render(medlineXmlWriter, [loadRecord('seed')]);
    const broken = {
      'no MedlineTA': seed.replace(/<MedlineTA>[^<]*<\/MedlineTA>/u, ''),
      'Language before ArticleTitle': seed.replace('<Language>eng</Language>', '').replace('<ArticleTitle>', '<Language>eng</Language><ArticleTitle>'),
      'unknown element': seed.replace('<PMID Version="1">', '<Pmid/><PMID Version="1">'),
      'no Status attribute': seed.replace(' Status="PubMed-not-MEDLINE"', ''),
      'neither Pagination nor ELocationID': seed.replace(/<ELocationID[^>]*>[^<]*<\/ELocationID>/u, ''),
      'not well-formed': seed.replace('</PubmedArticleSet>', ''),
    };
    for (const [what, xml] of Object.entries(broken)) {
      expect(xml, what).not.toBe(seed);
      expect((await validateMedlineXml(xml)).length, what).toBeGreaterThan(0);
    }
  });

  it('validates every fixture the writer accepts, alone and all in one file', async () => {
    const accepted = loadAllRecords().filter((record) => medlineXmlWriter.accepts(record) === undefined);
    expect(accepted.length).toBe(3);
    for (const record of accepted) {
      expect(await validateMedlineXml(render(medlineXmlWriter, [record])), record.id).toEqual([]);
    }
    expect(await validateMedlineXml(render(medlineXmlWriter, accepted))).toEqual([]);
    expect(await validateMedlineXml(render(medlineXmlWriter, accepted, { medlineTaFallback: 'X & <Y>' }))).toEqual([]);
  });

  it('any text in any field gives a valid document that reads back (minus what XML 1.0 cannot carry)', async () => {
    const base = loadRecord('awkward');
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(text, text, text, async (family, abstract, journal) => {
        const record = { ...base, authors: [{ family }], abstract, container: { ...base.container, title: journal, abbreviation: journal } };
        if (journal === '') {
          // Nothing to write as MedlineTA: the record is skipped, never given an invented one.
          expect(medlineXmlWriter.accepts(record)?.code).toBe('medline.no-journal');
          return;
        }
        const xml = render(medlineXmlWriter, [record]);
        expect(await validateMedlineXml(xml)).toEqual([]);
        const doc = XmlDocument.fromString(xml);
        const readBack = (xpath: string) => doc.find(xpath).map((node) => node.content);
        // XML parsers normalise CR and CRLF to LF.
        const expected = (value: string) => xmlSafeText(value).replaceAll('\r\n', '\n').replaceAll('\r', '\n');
        expect(readBack('//Author/LastName')).toEqual([expected(family)]);
        if (abstract !== '') expect(readBack('//AbstractText')).toEqual([expected(abstract)]);
        doc.dispose();
      }),
      { numRuns: 40 },
    );
  });
});
