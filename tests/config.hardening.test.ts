import { temporaryDirectory } from './helpers/temp.js';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../src/biblio-schema/profile.js';
import { runCli } from '../src/cli/program.js';
import { defaultConfig, loadConfig } from '../src/config/load.js';
import { parseConfig } from '../src/config/parse.js';
import { ConfigSchema } from '../src/config/schema.js';
import { UsageError } from '../src/errors.js';
import { jsonSyntaxProblem } from '../src/json-syntax.js';

/** Config and profile files written carelessly or with intent: refused with a clear message, never a crash. */

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});
function directory(): string {
  const path = temporaryDirectory('bibpipe-config-hardening-');
  directories.push(path);
  return path;
}

describe('config hardening', () => {
  it('refuses a rule code __proto__ (JSON.parse keeps it as a key; zod records drop it silently)', () => {
    const json = JSON.parse('{"rules":{"__proto__":"off"}}') as unknown;
    expect(() => parseConfig(json, 'c.json')).toThrow(UsageError);
    expect(() => parseConfig(json, 'c.json')).toThrow(/the key "rules.__proto__" is not allowed/);
  });

  it('refuses __proto__ anywhere in the config, however deep', () => {
    const json = JSON.parse('{"fillRates":[{"field":"title","minimum":0.5,"__proto__":{"x":1}}]}') as unknown;
    expect(() => parseConfig(json, 'c.json')).toThrow(/fillRates\[0\]\.__proto__/);
  });

  it('a fillRates field named constructor (or toString) is an unknown field, not a TypeError', () => {
    for (const field of ['constructor', 'toString', 'hasOwnProperty']) {
      const json = { fillRates: [{ field, minimum: 0.5 }] };
      expect(() => parseConfig(json, 'c.json')).toThrow(/not a field of the normalized record/);
    }
  });

  it('a config or profile that is not JSON is named without echoing its first bytes', async () => {
    const dir = directory();
    const secret = '\u001b]0;owned\u0007SECRET-TOKEN-123';
    writeFileSync(join(dir, 'bibpipe.config.json'), `${secret}{`);
    writeFileSync(join(dir, 'profile.json'), `${secret}{`);
    const configError = (await loadConfig({ cwd: dir }).catch((error: unknown) => error)) as Error;
    expect(configError.message).toMatch(/is not valid JSON: Unexpected token U\+001B/);
    expect(configError.message).not.toContain('SECRET');
    expect(configError.message).not.toContain('\u001b');
    const profileError = (await loadProfile(join(dir, 'profile.json')).catch((error: unknown) => error)) as Error;
    expect(profileError.message).not.toContain('SECRET');
    expect(profileError.message).not.toContain('\u001b');
  });

  it('jsonSyntaxProblem keeps the position and drops the excerpt', () => {
    let error: unknown;
    try {
      JSON.parse('{"a": 1,, "private": "data"}');
    } catch (caught) {
      error = caught;
    }
    const problem = jsonSyntaxProblem(error);
    expect(problem).not.toContain('private');
    expect(problem).toMatch(/position 8/);
  });

  it('--separator "" is refused as a usage error', async () => {
    const chunks: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(String(chunk)); done(); } });
    const code = await runCli(['node', 'bibpipe', 'convert', 'x.json', '--to', 'csv', '--separator', ''], { stdout: sink, stderr: sink });
    expect(code).toBe(2);
    expect(chunks.join('')).toMatch(/the separator cannot be empty/);
  });
});

describe('--to with a format twice', () => {
  it('writes the format once and counts its records once', async () => {
    const dir = directory();
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, `${JSON.stringify({ id: 'a', title: 'A', format: ['Book'] })}\n`);
    const out = join(dir, 'out');
    const chunks: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(String(chunk)); done(); } });
    const code = await runCli(['node', 'bibpipe', 'convert', input, '--to', 'csv,csv', '--out-dir', out, '--workers', '1'], { stdout: sink, stderr: sink });
    expect(code, chunks.join('')).toBe(0);
    expect(chunks.join('')).toContain('written: csv 1;');
  });
});

describe('a run without a config file', () => {
  it('gets what the schema makes of {}, without loading the schema', () => {
    expect(defaultConfig()).toEqual(ConfigSchema.parse({}));
  });
});
