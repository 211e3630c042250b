import type { TextLine } from '../lines.js';
import { isKnownSchemaField } from './field-schema.js';
import { isLeaderRow, marcRowLabel } from './marc-rows.js';
import type { MarcTableLine } from './marc-table.js';
import {
  cellClosingContent, isSeparatorLine, lookUpCoreLabel, parseRowStart, type RowKind, type RowStart,
} from './table-lines.js';

/**
 * Gathers the lines of one scraped record page into its parts: heading (title and cut
 * abstract), core table rows and staff table rows. It works line by line so that a file of
 * many records streams; it also says when a line cannot belong to the current record
 * (a record that starts without a loading marker).
 */

export interface TableRow {
  kind: RowKind;
  label: string;
  /** The cell's lines (one for a one-line cell; several for a cell spanning lines). */
  lines: string[];
  /** 1-based line of the row's first line. */
  line: number;
  /** False when the record ended (or a new row began) before the cell's closing `|`. */
  closed: boolean;
}

/** Longest raw text kept per record for rejects output. */
const RAW_TEXT_CAP = 1024 * 1024;

/** `marc`: inside the MARC table of a MARC record's Staff View (from its `LEADER` row on). */
type Phase = 'head' | 'core' | 'staff' | 'marc';

/** VuFind's MARC table opens with an empty row (`| | | |`): it carries nothing. */
function isEmptyRow(text: string): boolean {
  let pipes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x7c) pipes += 1;
    else if (char !== 0x20 && char !== 0x09) return false;
  }
  return pipes >= 2;
}

/** `2023 |` closes a cell; `a|b|` inside a long value does not. */
function endsWithSpacedPipe(text: string): boolean {
  const trimmed = text.trimEnd();
  const before = trimmed.charCodeAt(trimmed.length - 2);
  return trimmed.endsWith('|') && (before === 0x20 || before === 0x09);
}

export class PageAssembler {
  readonly firstLine: number;
  readonly byteOffset: number;
  readonly markerLocales: readonly string[] | undefined;
  title: string | undefined;
  readonly abstractLines: string[] = [];
  readonly coreRows: TableRow[] = [];
  readonly staffRows: TableRow[] = [];
  /** The MARC table's rows, `LEADER` first (one line each: the page shows no line breaks in a MARC row). */
  readonly marcRows: MarcTableLine[] = [];
  /** Rows closed early because a new row began inside them. */
  readonly unclosedRows: TableRow[] = [];
  lastLine: number;
  /** Bytes of the record's text; once over the limit the rest of the record is skipped. */
  bytes = 0;
  overLimit = false;
  private rawParts: string[] = [];
  private rawLength = 0;
  rawTruncated = false;
  private phase: Phase = 'head';
  private open: TableRow | undefined;
  private openChars = 0;
  private readonly staffFields = new Set<string>();

  constructor(first: TextLine, markerLocales: readonly string[] | undefined, private readonly maxRecordBytes: number, private readonly maxCellChars: number) {
    this.firstLine = first.line;
    this.byteOffset = first.byteOffset;
    this.markerLocales = markerLocales;
    this.lastLine = first.line;
    this.keepRaw(first.text);
    if (markerLocales === undefined) this.take(first);
  }

  get rawText(): string {
    return this.rawParts.join('\n');
  }

  get openRow(): TableRow | undefined {
    return this.open;
  }

  get hasStaffTable(): boolean {
    return this.staffRows.length > 0;
  }

  get hasMarcTable(): boolean {
    return this.marcRows.length > 0;
  }

  /**
   * False when the line must start a new record: after the staff table, a line that is no
   * staff row (the next record's title or core table) or a field the table already had.
   */
  accepts(line: TextLine): boolean {
    if (this.open !== undefined || this.overLimit) return true;
    const text = line.text;
    // A second MARC table is the next record's.
    if (isLeaderRow(text)) return !this.hasMarcTable;
    if (this.phase === 'marc' && marcRowLabel(text) !== undefined) return true;
    if (this.phase !== 'staff' && this.phase !== 'marc') return true;
    if (text.trim().length === 0 || isSeparatorLine(text)) return true;
    const row = parseRowStart(text);
    if (row === undefined || row.kind === 'core') return false;
    return !this.staffFields.has(row.label);
  }

  push(line: TextLine): void {
    this.keepRaw(line.text);
    this.lastLine = line.line;
    if (this.overLimit) return;
    this.bytes += Buffer.byteLength(line.text, 'utf8') + 1;
    if (this.bytes > this.maxRecordBytes) {
      this.overLimit = true;
      return;
    }
    this.take(line);
  }

  private keepRaw(text: string): void {
    if (this.rawTruncated) return;
    if (this.rawLength + text.length + 1 > RAW_TEXT_CAP) {
      this.rawParts.push(text.slice(0, Math.max(0, RAW_TEXT_CAP - this.rawLength)));
      this.rawTruncated = true;
      return;
    }
    this.rawParts.push(text);
    this.rawLength += text.length + 1;
  }

  private take(line: TextLine): void {
    const text = line.text;
    if (this.open !== undefined) {
      if (!this.interruptsOpenCell(text)) {
        this.continueCell(this.open, text);
        return;
      }
      this.open.closed = false;
      this.unclosedRows.push(this.open);
      this.open = undefined;
    }
    if (text.trim().length === 0 || isEmptyRow(text)) return;
    if (this.takeMarcRow(line)) return;
    if (isSeparatorLine(text)) {
      const last = this.lastRow();
      if (last?.kind === 'staff') this.phase = 'staff';
      else if (last?.kind === 'core' && this.phase === 'head') this.phase = 'core';
      return;
    }
    const start = parseRowStart(text);
    if (start !== undefined && this.isTableRow(start)) {
      this.addRow(start, line.line);
      return;
    }
    if (this.phase === 'head') {
      if (this.title === undefined) this.title = text.trim();
      else this.abstractLines.push(text.trim());
    }
    // Elsewhere a stray line carries no field data; it stays in the raw text only.
  }

  /** A MARC table row (from the `LEADER` row on); a line of another kind ends the table. */
  private takeMarcRow(line: TextLine): boolean {
    const text = line.text;
    if (this.phase !== 'marc' && !isLeaderRow(text)) return false;
    if (marcRowLabel(text) !== undefined) {
      this.marcRows.push({ text, line: line.line });
      this.phase = 'marc';
      return true;
    }
    if (isSeparatorLine(text)) return true;
    // What follows the MARC table is read as the index table (rows of Solr fields).
    this.phase = 'staff';
    return false;
  }

  /** In the heading, the title line may contain ` | `; it is a row only when clearly one. */
  private isTableRow(start: RowStart): boolean {
    if (this.phase !== 'head' || this.markerLocales === undefined || this.title !== undefined) return true;
    return start.kind === 'core' ? lookUpCoreLabel(start.label) !== undefined : isKnownSchemaField(start.label);
  }

  private addRow(start: RowStart, lineNumber: number): void {
    const row: TableRow = { kind: start.kind, label: start.label, lines: [], line: lineNumber, closed: true };
    if (start.kind === 'core') {
      this.coreRows.push(row);
      if (this.phase === 'head') this.phase = 'core';
    } else {
      this.staffRows.push(row);
      this.staffFields.add(start.label);
      this.phase = 'staff';
    }
    if (start.value !== undefined) {
      row.lines.push(start.value);
      return;
    }
    this.open = row;
    this.openChars = 0;
    if (start.firstLine.length > 0) this.appendCellLine(row, start.firstLine);
  }

  private continueCell(row: TableRow, text: string): void {
    const trimmed = text.trim();
    if (trimmed === '|') {
      this.open = undefined;
      return;
    }
    const closing = cellClosingContent(text);
    if (closing !== undefined && endsWithSpacedPipe(text)) {
      if (closing.length > 0) this.appendCellLine(row, closing);
      this.open = undefined;
      return;
    }
    if (trimmed.length > 0) this.appendCellLine(row, trimmed);
  }

  private appendCellLine(row: TableRow, text: string): void {
    // Lines past the field limit are not kept: the reader reports the limit from the length.
    if (this.openChars > this.maxCellChars) return;
    this.openChars += text.length;
    row.lines.push(text);
  }

  /** A complete known row or a separator inside an open cell means the cell lost its `|`. */
  private interruptsOpenCell(text: string): boolean {
    if (isSeparatorLine(text)) return true;
    const start = parseRowStart(text);
    if (start === undefined || start.value === undefined) return false;
    if (start.kind === 'core') return this.phase !== 'staff' && lookUpCoreLabel(start.label) !== undefined;
    return isKnownSchemaField(start.label) && !this.staffFields.has(start.label);
  }

  private lastRow(): TableRow | undefined {
    const core = this.coreRows[this.coreRows.length - 1];
    const staff = this.staffRows[this.staffRows.length - 1];
    if (!core) return staff;
    if (!staff) return core;
    return staff.line > core.line ? staff : core;
  }
}
