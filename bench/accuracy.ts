import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMarcReport, measureMarcAccuracy } from './accuracy/marc.js';
import { formatReport, measureAccuracy } from './accuracy/measure.js';
import { formatRoundTrip, measureRealRoundTrip, type RoundTripReport } from './accuracy/real-pubmed.js';

/**
 * `npm run accuracy -- [--count 10000] [--seed 1] [--out bench/accuracy.json]`: how exactly
 * bibpipe reconstructs records from flattened Staff View scrapes (docs/accuracy.md).
 * `npm run accuracy -- --marc [--marc-set held-out|dev] [--out bench/accuracy-marc.json]`: the
 * MARC part, on real MARC records through every MARC input (bench/accuracy/marc.ts).
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/accuracy.json' },
    profile: { type: 'string', default: 'accuracy' },
    marc: { type: 'boolean', default: false },
    'marc-set': { type: 'string', default: 'held-out' },
  },
});
if (values.marc) {
  const set = values['marc-set'] === 'dev' ? 'dev' : 'held-out';
  const out = values.out === 'bench/accuracy.json' ? 'bench/accuracy-marc.json' : values.out;
  const marcReport = await measureMarcAccuracy({ set, command: `npm run accuracy -- --marc${set === 'dev' ? ' --marc-set dev' : ''}` });
  console.log(formatMarcReport(marcReport));
  writeFileSync(out, `${JSON.stringify(marcReport, null, 2)}\n`);
  console.log(`report written to ${out}`);
  process.exit(0);
}
const count = Number(values.count);
const seed = Number(values.seed);
const profile = values.profile === 'bench' ? 'bench' : 'accuracy';
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run accuracy -- [--count N] [--seed N] [--out FILE] [--profile accuracy|bench]');
  process.exit(2);
}
const command = `npm run accuracy -- --count ${count} --seed ${seed}${profile === 'bench' ? ' --profile bench' : ''}`;
const report = await measureAccuracy({ seed, count, profile, command });
console.log(formatReport(report));
// The real round trip needs NLM's records beside the project (../shared); say so when absent.
const shared = process.env.BIBPIPE_SHARED_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');
const realDir = join(shared, 'data', 'medline', 'real');
let realRoundTrip: RoundTripReport | undefined;
if (existsSync(realDir)) {
  realRoundTrip = await measureRealRoundTrip(realDir);
  console.log(`\n${formatRoundTrip(realRoundTrip)}`);
} else {
  console.log(`\nreal PubMed round trip SKIPPED: ${realDir} not found`);
}
// Records the team has not tuned on (issue 19; tests/fixtures/real-pubmed/README.md says
// where they come from): ../shared/data/medline/real-extra, or a folder named by
// BIBPIPE_REAL_PUBMED_DIR, laid out like `real` (one subfolder per source).
const heldOutDir = process.env.BIBPIPE_REAL_PUBMED_DIR ?? join(shared, 'data', 'medline', 'real-extra');
let heldOutRoundTrip: RoundTripReport | undefined;
if (existsSync(heldOutDir)) {
  heldOutRoundTrip = await measureRealRoundTrip(heldOutDir);
  console.log(`\nheld-out records (${heldOutDir}):\n${formatRoundTrip(heldOutRoundTrip)}`);
} else {
  console.log(`\nheld-out real PubMed round trip SKIPPED: ${heldOutDir} not found (see tests/fixtures/real-pubmed/README.md)`);
}
writeFileSync(values.out, `${JSON.stringify({ ...report, realRoundTrip, heldOutRoundTrip }, null, 2)}\n`);
console.log(`report written to ${values.out}`);
