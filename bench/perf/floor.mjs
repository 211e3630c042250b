// The floor: what Node itself costs to read NDJSON (synchronous 1 MiB reads), JSON.parse each
// line, pick the bench's Solr fields (multi-valued joined with '|') and write them as CSV.
import { CsvOut, floorArguments, forEachLine } from './floor-io.mjs';

const { input, output, fields } = floorArguments();
const out = new CsvOut(output, fields);
const cell = (value) => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join('|') : String(value));
forEachLine(input, (line) => {
  const doc = JSON.parse(line);
  out.push(fields.map((field) => cell(doc[field])));
});
out.close();
