/**
 * Memory held by the duplicate-id check for N distinct ids, against a plain Set<string>.
 * Run: node --expose-gc --import tsx scripts/measure-cross-record-memory.ts [N]
 */
import { CrossRecordChecks } from '../src/pipeline/cross-record.js';
import { fingerprint, loadFingerprints } from '../src/pipeline/fingerprint-table.js';

await loadFingerprints();

const count = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function used(): number {
  gc?.();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

const idOf = (i: number): string => `oai:catalogue.example.org:${(i * 2654435761) % 4294967296}-${i}`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

let before = used();
let started = performance.now();
const checks = new CrossRecordChecks();
let duplicates = 0;
for (let i = 0; i < count; i++) {
  const id = idOf(i);
  duplicates += checks.check({ id, idKey: fingerprint(id), converted: false, source: { file: 'x.json', line: i + 1, ordinal: i + 1 } })?.raw.length ?? 0;
}
const tableBytes = used() - before;
const tableMs = performance.now() - started;
if (duplicates !== 0) throw new Error(`${duplicates} false duplicates`);

before = used();
started = performance.now();
const plain = new Set<string>();
for (let i = 0; i < count; i++) plain.add(idOf(i));
const setBytes = used() - before;
const setMs = performance.now() - started;

process.stdout.write(
  `${count} distinct ids (~35 chars each)\n` +
    `  CrossRecordChecks (64-bit fingerprints + first positions): ${mb(tableBytes)} (${(tableBytes / count).toFixed(1)} B/id), ${tableMs.toFixed(0)} ms\n` +
    `  Set<string> of the ids:                 ${mb(setBytes)} (${(setBytes / count).toFixed(1)} B/id), ${setMs.toFixed(0)} ms\n`,
);
// keep both alive until measured
if (plain.size !== count || checks === undefined) throw new Error('unreachable');
