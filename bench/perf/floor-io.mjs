// What both floors share: synchronous 1 MiB reads split into lines, and CSV rows batched into
// one csv-stringify call per 1,000 rows, written in writes of at least 1 MiB. Plain JavaScript
// so that no tooling adds to the floors' time.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

const CHUNK = 1 << 20;
const ROWS_PER_CALL = 1000;

/** Calls `onLine` with every non-empty line of the file (UTF-8, LF or CRLF). */
export function forEachLine(path, onLine) {
  const fd = openSync(path, 'r');
  let buffer = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  const lines = (end) => {
    for (const line of buffer.toString('utf8', 0, end).split('\n')) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (text !== '') onLine(text);
    }
  };
  for (;;) {
    if (filled === buffer.length) {
      // A line longer than the buffer: grow it rather than cut the line.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
    const last = buffer.lastIndexOf(10, filled - 1);
    if (last < 0) continue;
    lines(last);
    buffer.copy(buffer, 0, last + 1, filled);
    filled -= last + 1;
  }
  if (filled > 0) lines(filled);
  closeSync(fd);
}

/** A CSV file written in large writes; `push` takes one row of cells. */
export class CsvOut {
  constructor(path, header) {
    this.fd = openSync(path, 'w');
    this.rows = [header];
    this.pending = '';
  }

  push(row) {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_CALL) this.flushRows();
  }

  flushRows() {
    if (this.rows.length > 0) this.pending += stringify(this.rows);
    this.rows = [];
    if (this.pending.length >= CHUNK) {
      writeSync(this.fd, this.pending);
      this.pending = '';
    }
  }

  close() {
    this.flushRows();
    if (this.pending !== '') writeSync(this.fd, this.pending);
    closeSync(this.fd);
  }
}

/** `node floor.mjs INPUT OUTPUT FIELD,FIELD,...` */
export function floorArguments() {
  const [input, output, fields] = process.argv.slice(2);
  if (!input || !output || !fields) {
    console.error('usage: node <floor>.mjs INPUT.ndjson OUTPUT.csv FIELD,FIELD,...');
    process.exit(2);
  }
  return { input, output, fields: fields.split(',') };
}
