import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonDepthProblem, USER_JSON_MAX_DEPTH } from '../src/json-syntax.js';
import { runInProcess } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * A config nested a million arrays deep died with "Maximum call stack size exceeded" (the
 * check after JSON.parse recursed). Every JSON file the CLI takes from a user (config,
 * profile, baseline, the live-Solr cursor file) is now refused past USER_JSON_MAX_DEPTH
 * levels with a message naming the file.
 */
const MILLION = 1_000_000;
const deepArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function files(): { dir: string; input: string } {
  const dir = temporaryDirectory('bibpipe-deep-json-');
  const input = join(dir, 'in.ndjson');
  writeFileSync(input, '{"id":"a","title":"T"}\n');
  return { dir, input };
}

describe('JSON files from the user nested a million deep', () => {
  it('a config: a clear config error naming the file, not a stack overflow', async () => {
    const { dir, input } = files();
    const config = join(dir, 'deep.json');
    writeFileSync(config, `{"rules":{"doi.invalid":${deepArray(MILLION)}}}`);
    for (const command of ['validate', 'convert']) {
      const run = await runInProcess([command, input, '--config', config, ...(command === 'convert' ? ['--to', 'ndjson', '--out-dir', join(dir, 'out')] : [])]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Invalid config ${config}: arrays and objects nested more than ${USER_JSON_MAX_DEPTH} deep (at position`);
      expect(run.stderr).not.toContain('call stack');
    }
  });

  it('a profile and a baseline: named with the same message', async () => {
    const { dir, input } = files();
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"fields":${deepArray(MILLION)}}`);
    const profile = await runInProcess(['validate', input, '--profile', deep]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain(deep);
    expect(profile.stderr).toContain(`nested more than ${USER_JSON_MAX_DEPTH} deep`);
    const baseline = await runInProcess(['validate', input, '--baseline', deep]);
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain(deep);
    expect(baseline.stderr).toContain(`nested more than ${USER_JSON_MAX_DEPTH} deep`);
  });

  it('counts brackets outside strings only, up to the limit exactly', () => {
    expect(jsonDepthProblem(deepArray(USER_JSON_MAX_DEPTH))).toBeUndefined();
    expect(jsonDepthProblem(deepArray(USER_JSON_MAX_DEPTH + 1))).toBe(`arrays and objects nested more than ${USER_JSON_MAX_DEPTH} deep (at position ${USER_JSON_MAX_DEPTH})`);
    expect(jsonDepthProblem(`{"a":"${'['.repeat(1000)}\\"${'{'.repeat(1000)}"}`)).toBeUndefined();
  });
});
