import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_STATE_BIN, RUN_STATE_JSON } from '../src/model/run-state.js';
import { MANIFEST_NAME } from '../src/pipeline/output-set.js';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { scaleCorpus } from './helpers/scale-corpus.js';
import { IN_CI, PROJECT_ROOT } from './helpers/shared.js';
import { startSolrStandin, type SolrStandin } from './helpers/solr-standin.js';

/** The block that follows `<!-- recipe: NAME -->` in docs/scale-out.md, exactly as users copy it. */
function recipe(name: string): string {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs/scale-out.md'), 'utf8');
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`bash\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/scale-out.md has no "${name}" recipe block`);
  return match[1]!;
}

function hasParallel(): boolean {
  try {
    execFileSync('parallel', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const PARALLEL = hasParallel();
if (!PARALLEL && !IN_CI) console.warn('[bibpipe tests] SKIPPED the GNU parallel recipe: `parallel` is not installed (apt-get install parallel)');

let solr: SolrStandin;
let directory: string;

beforeAll(async () => {
  solr = await startSolrStandin(await scaleCorpus(2));
  directory = temporaryDirectory('bibpipe-recipe-');
});
afterAll(async () => {
  await solr.close();
  await rm(directory, { recursive: true, force: true });
});

describe.runIf(PARALLEL || IN_CI)('docs/scale-out.md: the GNU parallel recipe, run as written', () => {
  it('shards with GNU parallel, merges, and gives the single run byte for byte', async () => {
    expect(PARALLEL, 'GNU parallel must be installed in CI (.ci/run installs it)').toBe(true);
    const bin = join(directory, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'bibpipe'), `#!/bin/sh\nexec "${process.execPath}" "${join(PROJECT_ROOT, 'dist/cli/main.js')}" "$@"\n`);
    chmodSync(join(bin, 'bibpipe'), 0o755);

    const result = await run(recipe('gnu-parallel'), directory, { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, SOLR: solr.url, N: '3', HOME: directory });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(directory, 'shards')).sort()).toEqual(['1', '2', '3']);

    await expectSameAsSingleRun(join(directory, 'merged'), [solr.url]);

    // The shared-file-system recipe, on the stand-in's records exported as NDJSON.
    const exported = join(directory, 'catalogue.ndjson');
    writeFileSync(exported, `${(await scaleCorpus(2)).map((doc) => doc.json).join('\n')}\n`);
    const fileRun = await run(recipe('gnu-parallel-file'), directory, { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, EXPORT: exported, N: '3', HOME: directory });
    expect(fileRun.code, fileRun.stderr).toBe(0);
    await expectSameAsSingleRun(join(directory, 'merged'), [exported]);
  });
});

/** The recipe's merged outputs are the single run's over the same inputs, byte for byte. */
async function expectSameAsSingleRun(merged: string, inputs: string[]): Promise<void> {
  {
    const single = join(directory, 'single');
    await rm(single, { recursive: true, force: true });
    const one = await runBibpipe(['convert', ...inputs, '--to', 'csv,jsonld,medline,ndjson', '--out-dir', single, '--workers', '1', '--quiet']);
    expect([0, 1]).toContain(one.code);
    const skip = new Set(['solr-cursor.json', RUN_STATE_JSON, RUN_STATE_BIN, MANIFEST_NAME]);
    const names = readdirSync(single).filter((name) => !skip.has(name)).sort();
    expect(readdirSync(merged).filter((name) => !skip.has(name)).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(merged, name)).equals(readFileSync(join(single, name))), name).toBe(true);
    }
  }
}
