import type { Issue, SourcePosition } from '../../model/issue.js';
import type { RawRecord } from '../../model/raw-record.js';
import { makeIssue } from '../../model/rules.js';
import { lineChunkOf } from '../chunked.js';
import { lineChunks, linesOf, type LineChunk, type TextLine } from '../lines.js';
import { Confidence, type ReadBatch, type ReadContext, type RecordChunk, type RecordReader } from '../types.js';
import { readCoreTable } from './core-table.js';
import { controlNumber, readMarcTable } from './marc-table.js';
import { isLeaderRow } from './marc-rows.js';
import { PageAssembler } from './page-assembler.js';
import { reconstructFields } from './reconstruct-fields.js';
import { markerLocales, parseRowStart } from './table-lines.js';

/**
 * Reader for VuFind record pages scraped to text (FORMATS.md 1.1): a loading marker, the
 * title and cut abstract, the localized core table, then the staff table of raw Solr
 * fields whose multi-valued cells the scrape flattened. One file holds one or many pages.
 */

const FORMAT = 'staff-view';
/** Lines of the head that `detect` looks at. */
const DETECT_LINES = 60;

/** Certain on a loading-marker line; likely on a Staff View row of `id` or `_version_`, or a MARC table's `LEADER` row (a page cut before its marker). */
function detect(head: string): number {
  const lines = head.split('\n', DETECT_LINES);
  let confidence: number = Confidence.none;
  for (const raw of lines) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (markerLocales(text) !== undefined) return Confidence.certain;
    const row = parseRowStart(text);
    if (row?.kind === 'staff' && (row.label === '_version_' || row.label === 'id')) confidence = Confidence.likely;
    if (isLeaderRow(text)) confidence = Confidence.likely;
  }
  return confidence;
}

function finishPage(page: PageAssembler, ordinal: number, context: ReadContext, invalidUtf8At: number | undefined): RawRecord {
  const source: SourcePosition = { file: context.file, line: page.firstLine, byteOffset: page.byteOffset, ordinal };
  const issues: Issue[] = [];
  const open = page.openRow;
  if (open !== undefined) {
    issues.push(makeIssue('read.malformed', {
      message: `The record ends inside the cell of "${open.label}" (line ${open.line}): it looks cut off`,
      source: { ...source, line: open.line }, field: open.label, expected: 'a cell closed by "|"',
    }));
  }
  for (const row of page.unclosedRows) {
    issues.push(makeIssue('read.malformed', {
      message: `The cell of "${row.label}" (line ${row.line}) has no closing "|" before the next row`,
      source: { ...source, line: row.line }, field: row.label, expected: 'a cell closed by "|"',
    }));
  }
  if (!page.hasStaffTable && !page.hasMarcTable) {
    issues.push(makeIssue('read.malformed', {
      message: page.coreRows.length > 0
        ? `The record (lines ${page.firstLine}-${page.lastLine}) ends before its staff table: it looks cut off`
        : `No staff table (\`field | value |\` rows) in lines ${page.firstLine}-${page.lastLine}`,
      source, expected: 'a staff table of Solr fields',
    }));
  }
  if (page.overLimit) {
    issues.push(makeIssue('read.limit-exceeded', {
      message: `The record is larger than ${context.limits.maxRecordBytes} bytes; the rest of it was skipped`,
      source, expected: `at most ${context.limits.maxRecordBytes} bytes per record`,
    }));
  }
  if (invalidUtf8At !== undefined) {
    issues.push(makeIssue('read.invalid-utf8', {
      message: `Invalid UTF-8 at byte ${invalidUtf8At}; the text around it was decoded with replacement characters`,
      source, actual: invalidUtf8At,
    }));
  }

  const core = readCoreTable(page.coreRows, page.markerLocales);
  const { fields, issues: fieldIssues } = reconstructFields(page.staffRows, {
    source, limits: context.limits, counts: { author: core.mainAuthorCount, author2: core.otherAuthorCount },
  });
  const marc = page.hasMarcTable ? readMarcTable(page.marcRows, source) : undefined;
  const marcId = marc ? controlNumber(marc.record) : undefined;
  // A page that shows only the MARC table: VuFind's id is the record's 001.
  if (fields.id === undefined && marcId !== undefined) fields.id = marcId;
  const recordId = typeof fields.id === 'string' ? fields.id : undefined;
  if (recordId !== undefined) for (const issue of issues) issue.recordId = recordId;

  const hints: Record<string, string> = {};
  if (page.title !== undefined) hints.heading = page.title;
  if (page.abstractLines.length > 0) hints.abstractHead = page.abstractLines.join('\n');
  if (core.locale !== undefined) hints.locale = core.locale;
  if (core.mainAuthorCount !== undefined) hints.coreAuthorCount = String(core.mainAuthorCount);
  if (core.otherAuthorCount !== undefined) hints.coreOtherAuthorCount = String(core.otherAuthorCount);
  if (core.corporateAuthorCount !== undefined) hints.coreCorporateAuthorCount = String(core.corporateAuthorCount);
  for (const [key, text] of core.cells) hints[`core${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`] = text;

  const allIssues = [...issues, ...fieldIssues, ...(marc?.issues ?? [])];
  if (recordId !== undefined) for (const issue of marc?.issues ?? []) issue.recordId = recordId;
  const raw: RawRecord = { format: FORMAT, source, fields, issues: allIssues, rawText: page.rawText, hints };
  if (marc) raw.marc = marc.record;
  return raw;
}

/** The pages of a run of lines, numbered from 1; a marker line always starts a new page. */
function parsePages(lines: Iterable<TextLine>, context: ReadContext): RawRecord[] {
  const { maxRecordBytes, maxFieldLength } = context.limits;
  const records: RawRecord[] = [];
  let page: PageAssembler | undefined;
  let invalidUtf8At: number | undefined;
  const start = (line: TextLine, locales: readonly string[] | undefined): PageAssembler => {
    invalidUtf8At = line.invalidUtf8At;
    return new PageAssembler(line, locales, maxRecordBytes, maxFieldLength);
  };
  const hasContent = (candidate: PageAssembler): boolean =>
    candidate.title !== undefined || candidate.coreRows.length > 0 || candidate.staffRows.length > 0;

  for (const line of lines) {
    const locales = markerLocales(line.text);
    if (locales !== undefined || page === undefined || !page.accepts(line)) {
      if (page !== undefined && hasContent(page)) records.push(finishPage(page, records.length + 1, context, invalidUtf8At));
      page = undefined;
      // Blank lines between records belong to no record.
      if (locales === undefined && line.text.trim().length === 0) continue;
      page = start(line, locales);
      continue;
    }
    page.push(line);
    if (line.invalidUtf8At !== undefined) invalidUtf8At ??= line.invalidUtf8At;
  }
  if (page !== undefined && hasContent(page)) records.push(finishPage(page, records.length + 1, context, invalidUtf8At));
  return records;
}

/** Longest marker line, in bytes: longer lines are never decoded while splitting. */
const MARKER_BYTES_MAX = 64;

/** Offset in `bytes` of the last line (after the first) that is a loading marker, if any. */
function lastMarkerStart(chunk: LineChunk): number | undefined {
  const { bytes, terminator } = chunk;
  let found: number | undefined;
  let start = bytes.indexOf(terminator) + 1;
  while (start > 0 && start < bytes.length) {
    const end = bytes.indexOf(terminator, start);
    const stop = end === -1 ? bytes.length : end;
    if (stop - start <= MARKER_BYTES_MAX && markerLocales(bytes.toString('utf8', start, stop).replace(/\r$/, '')) !== undefined) found = start;
    start = end + 1;
  }
  return found;
}

/**
 * Chunks that start at a loading marker (or at the input's start), so that each holds
 * whole pages and a worker can assemble them. Only short lines are decoded here.
 */
async function* splitStaffView(input: AsyncIterable<Uint8Array>, context: ReadContext, targetBytes: number): AsyncGenerator<ReadBatch> {
  let carried: LineChunk | undefined;
  const joined = (next: LineChunk): LineChunk =>
    carried === undefined ? next : { ...carried, bytes: Buffer.concat([carried.bytes, next.bytes]) };
  for await (const piece of lineChunks(input, { targetBytes, maxLineBytes: context.limits.maxRecordBytes })) {
    if (piece.kind === 'oversized') {
      // A line over the record limit is part of a page that is over it too: its page is cut there.
      if (carried) yield { kind: 'chunk', chunk: carried };
      carried = undefined;
      yield { kind: 'chunk', chunk: piece };
      continue;
    }
    const chunk = joined(piece);
    const cut = lastMarkerStart(chunk);
    if (cut === undefined) {
      carried = chunk;
      continue;
    }
    const head = chunk.bytes.subarray(0, cut);
    let lines = 0;
    for (let at = head.indexOf(chunk.terminator); at !== -1; at = head.indexOf(chunk.terminator, at + 1)) lines++;
    yield { kind: 'chunk', chunk: { ...chunk, bytes: head } };
    carried = { ...chunk, bytes: chunk.bytes.subarray(cut), firstLine: chunk.firstLine + lines, firstByteOffset: chunk.firstByteOffset + cut };
  }
  if (carried) yield { kind: 'chunk', chunk: carried };
}

function parseStaffViewChunk(chunk: RecordChunk, context: ReadContext): RawRecord[] {
  return parsePages(linesOf(lineChunkOf(chunk)), context);
}

export const staffViewReader: RecordReader = {
  name: FORMAT,
  description: 'VuFind record pages scraped to text (loading marker, core table, "Staff View" table of Solr fields or of the MARC record); one or many records per file',
  detect,
  split: splitStaffView,
  parseChunk: parseStaffViewChunk,
  shards: { start: { kind: 'marker-line', isMarker: (line) => markerLocales(line.trim()) !== undefined } },
};
