import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { normalizeRecord } from '../src/normalize/index.js';
import { solrCsvReader } from '../src/read/solr-csv.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { solrXmlReader } from '../src/read/solr-xml.js';
import { staffViewReader } from '../src/read/staff-view/reader.js';
import type { RecordReader } from '../src/read/types.js';
import { validateRecord } from '../src/validate/index.js';
import { writers } from '../src/write/index.js';
import { readAll } from './helpers/read.js';

/**
 * One megabyte of text shaped to hurt regular expressions with nested or overlapping
 * quantifiers (`(\s+)+`, `[\s,]+$`, `(\w+\s?)+`): runs of separators with a character at
 * the end that makes a greedy match fail and backtrack.
 */
const MEGABYTE = 1 << 20;
const fill = (unit: string, tail = '!'): string => unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE) + tail;

const FILLERS: Record<string, string> = {
  'comma-space runs': fill(', '),
  spaces: fill(' '),
  'a a a a': fill('a '),
  'open parentheses': fill('('),
  'a long digit run': fill('1', 'x'),
  'AT AT AT': fill('AT '),
  '| | |': fill('| '),
  'dots and hyphens': fill('.-'),
  'slashes (URL and DOI shapes)': fill('10./'),
  'initials (A. B. C.)': fill('A. '),
};

/**
 * Fields whose values each stage treats in its own way (names, dates, identifiers, URLs,
 * vocabularies, free text). Each gets the megabyte alone, in its own record, so that the
 * bound is per 1 MB record and a slow path cannot hide behind the others.
 */
const STAGE_FIELDS: Array<[string, 'single' | 'multi']> = [
  ['title', 'single'], ['description', 'single'], ['author_sort', 'single'], ['container_title', 'single'], ['publisher', 'single'],
  ['spelling', 'single'], ['author', 'multi'], ['author2', 'multi'], ['publishDate', 'multi'], ['language', 'multi'], ['format', 'multi'],
  ['topic', 'multi'], ['url', 'multi'], ['isbn', 'multi'], ['issn', 'multi'], ['doi_str_mv', 'multi'],
];
/** Staff View cells the reader unflattens field by field; the other readers parse every field alike. */
const STAFF_VIEW_FIELDS = ['author', 'format', 'language', 'url', 'topic', 'work_keys_str_mv', 'publishDate', 'title'];
const GENERIC_FIELDS: Array<[string, 'single' | 'multi']> = [['title', 'single'], ['author', 'multi']];

function solrDoc(field: string, kind: 'single' | 'multi', filler: string): Record<string, string | string[]> {
  return { id: 'hostile-1', pmid_str: '12345678', container_title: 'Journal', [field]: kind === 'multi' ? [filler] : filler };
}

const xmlEscape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const csvCell = (text: string): string => `"${text.replaceAll('"', '""')}"`;

type InputFormat = { name: string; reader: RecordReader; text: (doc: Record<string, string | string[]>) => string };

const JSON_LINES: InputFormat = { name: 'solr-json lines', reader: solrJsonReader, text: (doc) => `${JSON.stringify(doc)}\n` };
const FORMATS: InputFormat[] = [
  JSON_LINES,
  { name: 'solr-json streamed', reader: solrJsonReader, text: (doc) => JSON.stringify({ response: { docs: [doc] } }, null, 1) },
  {
    name: 'solr-xml',
    reader: solrXmlReader,
    text: (doc) => {
      const fields = Object.entries(doc).map(([name, value]) =>
        Array.isArray(value) ? `<arr name="${name}">${value.map((v) => `<str>${xmlEscape(v)}</str>`).join('')}</arr>` : `<str name="${name}">${xmlEscape(value)}</str>`,
      );
      return `<?xml version="1.0"?>\n<response><result name="response" numFound="1" start="0"><doc>${fields.join('')}</doc></result></response>\n`;
    },
  },
  {
    name: 'solr-csv',
    reader: solrCsvReader,
    text: (doc) => `${Object.keys(doc).join(',')}\n${Object.values(doc).map((value) => csvCell(Array.isArray(value) ? value.join(',') : value)).join(',')}\n`,
  },
];

function staffViewPage(field: string, filler: string): string {
  const cell = filler.replaceAll('|', '/');
  const rows = [`${field} | ${cell} |`, 'id | hostile-1 |'];
  return ['Loading…', 'A hostile page', `Main Authors: | ${cell} |`, '---|---|', '_version_ | 1 |', '---|---|', ...rows].join('\n');
}

/** Every stage after reading: validate, normalize, and every writer. */
function runStages(raw: RawRecord): number {
  validateRecord(raw);
  const { record } = normalizeRecord(raw);
  let bytes = 0;
  for (const writer of writers) {
    if (writer.accepts(record)) continue;
    const session = writer.open({});
    bytes += (session.start() + session.write(record) + session.end()).length;
  }
  return bytes;
}

/** The growth bound: CPU time at 1 MB over CPU time at 128 KB (linear ~8, quadratic ~64). */
const GROWTH_BOUND = 24;
const slowest = new Map<string, { ms: number; where: string }>();

/** CPU time of this process, not wall time: the machine may be busy with other work. */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * Runs `work` on the 1 MB filler and on its first eighth (same tail): a super-linear path
 * shows as a ratio far above 8, however fast or busy the machine. No wall-clock threshold.
 */
async function timed(filler: string, where: string, work: (text: string) => Promise<unknown>): Promise<void> {
  const small = filler.slice(0, MEGABYTE / 8) + filler.slice(-1);
  // The best of three small runs, and a floor: a few milliseconds are mostly timer and GC noise.
  let smallMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) smallMs = Math.min(smallMs, await cpuMs(() => work(small)));
  smallMs = Math.max(smallMs, 20);
  // The large size also takes the best of two: one GC pause or a neighbour's burst in a single run is not growth.
  let ms = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) ms = Math.min(ms, await cpuMs(() => work(filler)));
  const key = Object.entries(FILLERS).find(([, text]) => text === filler)?.[0] ?? '?';
  if (ms > (slowest.get(key)?.ms ?? -1)) slowest.set(key, { ms, where });
  expect(ms / smallMs, `${key}: ${where} (${ms.toFixed(0)} ms at 1 MB, ${smallMs.toFixed(0)} ms at 128 KB)`).toBeLessThan(GROWTH_BOUND);
}

describe('adversarial 1 MB strings: every reader, validate, normalize and every writer finish fast', () => {
  for (const [name, filler] of Object.entries(FILLERS)) {
    it(name, async () => {
      for (const field of STAFF_VIEW_FIELDS) {
        await timed(filler, `staff-view ${field}`, async (text) => {
          const records = await readAll(staffViewReader, staffViewPage(field, text));
          expect(records).toHaveLength(1);
        });
      }
      for (const format of FORMATS) {
        for (const [field, kind] of GENERIC_FIELDS) {
          await timed(filler, `${format.name} ${field}`, async (text) => {
            const records = await readAll(format.reader, format.text(solrDoc(field, kind, text)));
            expect(records.length).toBeGreaterThanOrEqual(1);
          });
        }
      }
      for (const [field, kind] of STAGE_FIELDS) {
        await timed(filler, `stages ${field}`, async (text) => {
          const [raw] = await readAll(JSON_LINES.reader, JSON_LINES.text(solrDoc(field, kind, text)));
          expect(runStages(raw!)).toBeGreaterThan(0);
        });
      }
    });
  }

  it('reports the slowest 1 MB record per filler', () => {
    expect(slowest.size).toBe(Object.keys(FILLERS).length);
    const lines = [...slowest].map(([name, { ms, where }]) => `${name.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms  (${where})`);
    console.info(`adversarial strings, slowest 1 MB record per filler (CPU time; the bound is a growth ratio of ${GROWTH_BOUND} from 128 KB to 1 MB):\n${lines.join('\n')}`);
  });
});
