import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { decodeFullrecord } from '../src/marc/index.js';
import { normalizeRecord } from '../src/normalize/index.js';
import { vufindFormats } from '../src/normalize/marc/formats.js';
import { validateRecord } from '../src/validate/index.js';
import type { RawRecord } from '../src/model/raw-record.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

/**
 * VuFind's own Solr fixtures hold each record twice: the fields SolrMarc indexed and the
 * MARC record itself (`fullrecord`). The crosswalk read from the MARC must agree with what
 * VuFind indexed, punctuation aside, except where the two really differ.
 */

interface SolrDoc { id: string; fullrecord?: string; [field: string]: unknown }

function fixtureDocs(): SolrDoc[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.json')) files.push(path);
    }
  };
  walk(sharedPath('data', 'vufind', 'fixtures'));
  const byId = new Map<string, SolrDoc>();
  for (const file of files) {
    const docs = (JSON.parse(readFileSync(file, 'utf8')) as { response?: { docs?: SolrDoc[] } }).response?.docs ?? [];
    for (const doc of docs) if (doc.fullrecord && !byId.has(doc.id)) byId.set(doc.id, doc);
  }
  return [...byId.values()];
}

function rawOf(doc: SolrDoc): RawRecord {
  const fields: RawRecord['fields'] = {};
  for (const [name, value] of Object.entries(doc)) fields[name] = Array.isArray(value) ? value.map(String) : String(value);
  return { format: 'solr-json', source: { file: 'fixture' }, fields, issues: [], marc: decodeFullrecord(doc.fullrecord ?? '') };
}

describeWithShared('MARC crosswalk against VuFind\'s own indexing (fixtures with fullrecord)', () => {
  it('title, authors, year, languages, publisher and identifiers agree on every record but one known ISBN difference', () => {
    const docs = fixtureDocs();
    expect(docs.length).toBe(42);
    const findings: string[] = [];
    for (const doc of docs) {
      const raw = rawOf(doc);
      for (const issue of [...normalizeRecord(raw).issues, ...validateRecord(raw)]) {
        if (issue.code.startsWith('marc.')) findings.push(`${doc.id} ${issue.code} ${issue.field ?? ''}`);
      }
    }
    // testbug2.json's isbn holds two ISBNs its fullrecord's 020 does not (VuFind indexes 773 $z too, and the fixture was edited).
    expect(findings).toEqual(['testbug2 marc.indexed-field-differs identifiers.isbn']);
  });

  it('the subjects from MARC are VuFind\'s topic/geographic/genre/era values, one per field, subdivisions marked', () => {
    let compared = 0;
    for (const doc of fixtureDocs()) {
      const indexed = ['topic', 'geographic', 'genre', 'era'].flatMap((name) => (doc[name] as string[] | undefined) ?? []);
      // A site that does not index subjects (000105196 has a 653 and no topic) has nothing to compare.
      if (indexed.length === 0) continue;
      const record = normalizeRecord(rawOf(doc)).record;
      // VuFind joins every subfield with a space ($0/$2 included) and keeps a 653's terms in one value.
      const headings = (record.marc?.subjectHeadings ?? []).filter((heading) => heading.tag !== '653');
      const uncontrolledFields = rawOf(doc).marc?.fields.filter((field) => field.tag === '653').length ?? 0;
      const flat = (text: string): string => text.replaceAll(' -- ', ' ').replace(/[.\s]+$/u, '');
      for (const { heading } of headings) expect(indexed.some((value) => value.startsWith(flat(heading))), `${doc.id}: ${heading}`).toBe(true);
      expect(headings.length + uncontrolledFields, doc.id).toBe(indexed.length);
      compared += headings.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('the formats derived from the MARC are exactly the `format` SolrMarc indexed (FormatCalculator and format_map), on every record', () => {
    const docs = fixtureDocs();
    expect(docs.length).toBe(42);
    for (const doc of docs) {
      const indexed = [doc.format ?? []].flat();
      expect(vufindFormats(decodeFullrecord(doc.fullrecord ?? '')), doc.id).toEqual(indexed);
    }
  });
});
