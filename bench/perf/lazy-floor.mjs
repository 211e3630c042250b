// The lazy-scanner floor: the same as floor.mjs, but the picked fields are found in the line's
// text without JSON.parse. Values of other fields (the 2 KB `spelling` too) are skipped, not
// decoded; a string is decoded only when it holds an escape. Bench-only: bibpipe's own
// scanner lives in src/, this one only shows what such a scanner costs.
import { CsvOut, floorArguments, forEachLine } from './floor-io.mjs';

const QUOTE = 34;
const BACKSLASH = 92;

function skipSpace(text, at) {
  let index = at;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return index;
    index += 1;
  }
}

/** Index of the quote closing the string that opens at `at`. */
function stringEnd(text, at) {
  let end = text.indexOf('"', at + 1);
  for (;;) {
    if (end < 0) throw new Error(`unterminated string at ${at}`);
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/** Index just past the JSON value that starts at `at`. */
function valueEnd(text, at) {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return stringEnd(text, at) + 1;
  if (first === 123 || first === 91) {
    let depth = 0;
    for (let index = at; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === QUOTE) index = stringEnd(text, index);
      else if (code === 123 || code === 91) depth += 1;
      else if (code === 125 || code === 93) {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
    }
    throw new Error(`unterminated value at ${at}`);
  }
  let index = at;
  for (;;) {
    const code = text.charCodeAt(index);
    if (Number.isNaN(code) || code === 44 || code === 125 || code === 93 || code === 32 || code === 10 || code === 13 || code === 9) return index;
    index += 1;
  }
}

/** The text of a scalar value: strings decoded, null as '', numbers and booleans as written. */
function scalar(text, start, end) {
  if (text.charCodeAt(start) !== QUOTE) {
    const raw = text.slice(start, end);
    return raw === 'null' ? '' : raw;
  }
  const body = text.slice(start + 1, end - 1);
  return body.includes('\\') ? JSON.parse(text.slice(start, end)) : body;
}

/** A cell: an array's items joined with '|', a scalar as its text. */
function cell(text, start, end) {
  if (text.charCodeAt(start) !== 91) return scalar(text, start, end);
  const items = [];
  let index = skipSpace(text, start + 1);
  while (text.charCodeAt(index) !== 93) {
    const itemEnd = valueEnd(text, index);
    items.push(scalar(text, index, itemEnd));
    index = skipSpace(text, itemEnd);
    if (text.charCodeAt(index) === 44) index = skipSpace(text, index + 1);
  }
  return items.join('|');
}

/** Fills `cells` (by the slot of each wanted field name) from one JSON object's text. */
function scanObject(text, slots, cells) {
  cells.fill('');
  let index = skipSpace(text, 0);
  if (text.charCodeAt(index) !== 123) throw new Error('not a JSON object');
  index = skipSpace(text, index + 1);
  while (text.charCodeAt(index) !== 125) {
    const keyEnd = stringEnd(text, index);
    const key = scalar(text, index, keyEnd + 1);
    index = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(index) !== 58) throw new Error(`expected ':' at ${index}`);
    index = skipSpace(text, index + 1);
    const end = valueEnd(text, index);
    const slot = slots.get(key);
    if (slot !== undefined) cells[slot] = cell(text, index, end);
    index = skipSpace(text, end);
    if (text.charCodeAt(index) === 44) index = skipSpace(text, index + 1);
  }
}

const { input, output, fields } = floorArguments();
const slots = new Map(fields.map((field, slot) => [field, slot]));
const out = new CsvOut(output, fields);
forEachLine(input, (line) => {
  const cells = new Array(fields.length);
  scanObject(line, slots, cells);
  out.push(cells);
});
out.close();
