import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/model/rules.js';
import { runBibpipe, runInProcess, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const COMMANDS = ['convert', 'validate', 'stats', 'merge', 'rules', 'formats'];

/** The options block of a help text: one entry per flag, continuation lines joined. */
function optionEntries(help: string): string[] {
  const block = help.split('\nOptions:\n')[1] ?? '';
  const entries: string[] = [];
  for (const line of block.split('\n')) {
    if (/^ {2}-/.test(line)) entries.push(line.trim());
    else if (line.trim() !== '' && entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries;
}

describe('help', () => {
  it('shows each default once, never a raw [] or a quoted number', async () => {
    for (const command of COMMANDS) {
      const { stdout, code } = await runInProcess([command, '--help']);
      expect(code).toBe(0);
      for (const entry of optionEntries(stdout)) {
        expect((entry.match(/default:/g) ?? []).length, entry).toBeLessThanOrEqual(1);
        expect(entry, entry).not.toMatch(/default: \[\]|default: "\d+"|\(default [^:]/);
      }
    }
  });

  it('names a default for every option that takes a value and has one', async () => {
    const { stdout } = await runInProcess(['convert', '--help']);
    const entries = optionEntries(stdout);
    for (const flag of ['--open-files', '--rows', '--query', '--fields', '--workers', '--max-field-length', '--separator', '--log-level', '--from', '--resume']) {
      const entry = entries.find((text) => text.includes(`${flag} `) || text.endsWith(flag));
      expect(entry, flag).toMatch(/default: /);
    }
    expect(entries.find((text) => text.includes('--top'))).toBeUndefined();
    expect(optionEntries((await runInProcess(['stats', '--help'])).stdout).find((text) => text.includes('--top'))).toMatch(/default: 10\)/);
  });

  it('says that inputs may be globs and solr+http:// indexes, for every reading command', async () => {
    for (const command of ['convert', 'validate', 'stats']) {
      const { stdout } = await runInProcess([command, '--help']);
      expect(stdout.replaceAll(/\s+/g, ' ')).toMatch(/glob patterns .*solr\+http\(s\):\/\/.* - for stdin/);
    }
  });

  it('offers the conventional short flags', async () => {
    const { stdout } = await runInProcess(['convert', '--help']);
    for (const pair of ['-t, --to', '-o, --out-dir', '-q, --quiet', '-f, --from', '-j, --workers', '-c, --config']) expect(stdout).toContain(pair);
    expect((await runInProcess(['validate', '--help'])).stdout).toContain('-r, --reporter');
    const dir = temporaryDirectory('bibpipe-short-flags-');
    const run = await runBibpipe(['convert', join(PROJECT_ROOT, 'samples', 'more-records.ndjson'), '-t', 'csv', '-o', dir, '-q', '-f', 'solr-json', '-j', '1']);
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(run.stderr).toBe('');
  });
});

describe('rules CODE', () => {
  it('prints one rule\'s help offline', async () => {
    const { stdout, code } = await runInProcess(['rules', 'isbn.invalid']);
    expect(code).toBe(0);
    expect(stdout).toContain(RULES['isbn.invalid'].description);
    expect(stdout).toContain('default severity: warning');
    expect(stdout).toContain('"isbn.invalid": "off"');
  });

  it('refuses an unknown code in one line with near matches', async () => {
    const { stderr, code } = await runInProcess(['rules', 'isbn.wrong']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('did you mean isbn.invalid');
  });
});

describe('counts in messages', () => {
  it('says "1 record" and "1 warning", never "1 records" or "1 warnings"', async () => {
    const record = '{"id":"w1","title":"T","title_full":"T","title_fullStr":"T","format":["Book"],"isbn":["12345"]}';
    const { stdout, stderr } = await runBibpipe(['validate', '-'], { input: `${record}\n` });
    const all = `${stdout}\n${stderr}`;
    expect(all).toMatch(/\b1 record\b/);
    expect(all).toMatch(/\b1 warning\b/);
    expect(all).not.toMatch(/\b1 (records|warnings|errors)\b/);
    expect(all).toContain('0 errors');
  });
});
