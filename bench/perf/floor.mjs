// The floor: what Node itself costs to read NDJSON, parse and re-serialize each line, and
// write it out in large writes. Plain JavaScript so that no tooling adds to its time.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
let pending = '';
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (line === '') continue;
  pending += `${JSON.stringify(JSON.parse(line))}\n`;
  if (pending.length >= 1 << 16) {
    if (!out.write(pending)) await new Promise((resolve) => out.once('drain', resolve));
    pending = '';
  }
}
out.end(pending);
await new Promise((resolve) => out.once('finish', resolve));
