import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOW_TESTS } from '../vitest.config.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const TESTS = join(PROJECT_ROOT, 'tests');
const testSources = (): Array<{ name: string; text: string }> =>
  readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(TESTS, name), 'utf8') }));

describe('the test suite itself', () => {
  it('splits into npm test and npm run test:slow, every slow file existing', () => {
    for (const file of SLOW_TESTS) expect(existsSync(join(PROJECT_ROOT, file)), file).toBe(true);
  });

  it('has no wall-clock threshold: timing goes through the growth-ratio helper or the bench', () => {
    for (const { name, text } of testSources()) {
      if (name === join('helpers', 'growth.ts')) continue;
      // The stand-in Solr notes when requests arrive: the --solr-rate test's lower bound on their span (load can only lengthen it).
      if (name === join('helpers', 'solr-standin.ts')) continue;
      expect(text, name).not.toMatch(/performance\.now\(\)/);
    }
  });

  it('makes temp directories only through the helper that removes them', () => {
    for (const { name, text } of testSources()) {
      if (name === join('helpers', 'temp.ts') || name === 'suite.hygiene.test.ts') continue;
      expect(text, name).not.toMatch(/\bmkdtemp(Sync)?\(/);
      expect(text, name).not.toMatch(/process\.on\('exit'/);
    }
  });

  it('gives every property run a fixed or printed seed: the fuzz seed is fixed', () => {
    const fuzz = readFileSync(join(TESTS, 'robustness.fuzz.property.test.ts'), 'utf8');
    expect(fuzz).not.toMatch(/Date\.now\(\)/);
    expect(fuzz).toMatch(/seed \$\{SEED\}/);
  });
});

describe('tests that need ../shared', () => {
  // Runs vitest on one such file with ../shared pointed at a folder that does not exist.
  const run = (env: Record<string, string>): { status: number | null; output: string } => {
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/staff-view.seed.test.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, BIBPIPE_SKIP_BUILD: '1', BIBPIPE_SHARED_DIR: join(PROJECT_ROOT, 'no-such-shared-folder'), CI: '', ...env },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('skip with a visible message on a bare clone, and fail under CI=true', () => {
    const bare = run({});
    expect(bare.status, bare.output).toBe(0);
    expect(bare.output).toContain('SKIPPED "Staff View reader: the seed record page"');
    const ci = run({ CI: 'true' });
    expect(ci.status, ci.output).toBe(1);
    expect(ci.output).toContain('conformance tests may not be skipped in CI');
  });
});
