import { temporaryDirectory } from './helpers/temp.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { UsageError } from '../src/sources/inputs.js';

function tree(files: Record<string, string>): string {
  const root = temporaryDirectory('bibpipe-config-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('config discovery', () => {
  it('finds the nearest config upward from the working directory and resolves the profile against it', async () => {
    const root = tree({
      'project/bibpipe.config.json': JSON.stringify({ profile: 'profiles/local.json', rules: { 'title.missing': 'off' } }),
      'project/data/deep/.keep': '',
      '.bibpiperc': JSON.stringify({ maxWarnings: 1 }),
    });
    const loaded = await loadConfig({ cwd: join(root, 'project/data/deep') });
    expect(loaded.file).toBe(join(root, 'project/bibpipe.config.json'));
    expect(loaded.profilePath).toBe(join(root, 'project/profiles/local.json'));
    expect(loaded.config.rules).toEqual({ 'title.missing': 'off' });
    expect(loaded.config.maxWarnings).toBeUndefined();
  });

  it('prefers bibpipe.config.json over .bibpiperc and .bibpiperc.json in one directory', async () => {
    const root = tree({ '.bibpiperc.json': '{"maxWarnings": 3}', '.bibpiperc': '{"maxWarnings": 2}' });
    expect((await loadConfig({ cwd: root })).config.maxWarnings).toBe(2);
    writeFileSync(join(root, 'bibpipe.config.json'), '{"maxWarnings": 1}');
    expect((await loadConfig({ cwd: root })).config.maxWarnings).toBe(1);
  });

  it('uses --config without discovery, relative to the working directory', async () => {
    const root = tree({ 'ci/strict.json': '{"ignore": ["rec-9"], "fillRates": [{"field": "doi", "type": "article", "minimum": 0.95}]}' });
    const loaded = await loadConfig({ cwd: root, path: 'ci/strict.json' });
    expect(loaded.config.ignore).toEqual(['rec-9']);
    expect(loaded.config.fillRates).toEqual([{ field: 'doi', type: 'article', minimum: 0.95 }]);
  });
});

describe('config errors', () => {
  async function errorOf(text: string): Promise<UsageError> {
    const root = tree({ 'bibpipe.config.json': text });
    const error = await loadConfig({ cwd: root }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(join(root, 'bibpipe.config.json'));
    return error as UsageError;
  }

  it('names an unknown rule code', async () => {
    expect((await errorOf('{"rules": {"doi.invald": "off"}}')).message).toMatch(/unknown rule "doi\.invald"/);
  });

  it('names a bad severity, an unknown key and a bad fill rate', async () => {
    const { message } = await errorOf('{"rules": {"doi.invalid": "fatal"}, "maxWarning": 3, "fillRates": [{"field": "dio", "minimum": 95}]}');
    expect(message).toMatch(/level "fatal" is not one of off, info, warning, error/);
    expect(message).toMatch(/maxWarning/);
    expect(message).toMatch(/not a field of the normalized record/);
    expect(message).toMatch(/between 0 and 1/);
  });

  it('fits on one line naming the file, each key and its problem', async () => {
    const { message } = await errorOf('{"rules": {"doi.invalid": "fatal"}, "fillRates": [{"field": "doi", "minimum": 95}]}');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/key "rules\.doi\.invalid": level "fatal"/);
    expect(message).toMatch(/key "fillRates\.0\.minimum": a share between 0 and 1/);
    expect((await errorOf('{"rules": ')).message.split('\n')).toHaveLength(1);
  });

  it('reports invalid JSON and a missing --config file', async () => {
    expect((await errorOf('{"rules": ')).message).toMatch(/not valid JSON/);
    await expect(loadConfig({ cwd: tmpdir(), path: 'no-such-bibpipe-config.json' })).rejects.toThrow(/Cannot read config .*no-such-bibpipe-config\.json/);
  });

  it('falls back to the defaults when there is no config', async () => {
    const root = tree({ 'a/.keep': '' });
    const loaded = await loadConfig({ cwd: join(root, 'a') });
    // A config further up (e.g. in $HOME) would be found too; only assert when none is.
    if (loaded.file === undefined) expect(loaded.config).toEqual({ rules: {}, fillRates: [], ignore: [] });
    else expect(loaded.file.startsWith(root)).toBe(false);
  });
});
