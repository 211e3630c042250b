/**
 * The long fuzzing campaign: every target of scripts/fuzz/targets.ts for many cases.
 *
 *   npm run fuzz                      100,000 cases per target, a fresh seed
 *   npm run fuzz -- --runs 5000 --seed 42 --only solr-json
 *
 * Prints the seed first (replay a failure with the same --seed), then one line per target:
 * cases run, failures, time; a failure's shrunk counterexample follows. Exit 1 on any failure.
 */
import { parseArgs } from 'node:util';
import { FUZZ_TARGETS, runTarget, type FuzzOutcome } from './fuzz/targets.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
const targets = FUZZ_TARGETS.filter((target) => values.only === undefined || target.name.includes(values.only));

process.stdout.write(`bibpipe fuzz: seed ${seed}, ${runs} cases per target, ${targets.length} targets\n`);
const outcomes: FuzzOutcome[] = [];
for (const target of targets) {
  const outcome = await runTarget(target, runs, seed, Number(values['timeout-ms']));
  outcomes.push(outcome);
  process.stdout.write(`${outcome.failures === 0 ? 'ok  ' : 'FAIL'} ${target.name.padEnd(70)} ${String(outcome.runs).padStart(7)} cases ${String(outcome.failures).padStart(2)} failures ${(outcome.ms / 1000).toFixed(1).padStart(7)} s\n`);
  if (outcome.failure) process.stdout.write(`     ${outcome.failure}\n`);
}
const total = outcomes.reduce((sum, outcome) => sum + outcome.runs, 0);
const failed = outcomes.filter((outcome) => outcome.failures > 0).length;
process.stdout.write(`summary: ${total} cases over ${outcomes.length} targets, ${failed} targets failed (seed ${seed})\n`);
process.exitCode = failed > 0 ? 1 : 0;
