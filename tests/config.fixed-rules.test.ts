import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySeverities, convert, isFixedRule, makeIssue } from '../src/index.js';
import { runInProcess } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * A config could switch off `read.*` and `id.missing` (or lower them to warnings): a broken
 * line and a record without id then became empty records written as converted. Those rules
 * are fixed now: the config is refused naming the rule and the file, and a library caller's
 * severities cannot change them either, so such records are always rejected.
 */
const INPUT = ['{"id":"a","title":"fine"}', '{"id": "b", "title": ', '{"title":"no id"}'].join('\n') + '\n';

function folder(rules: Record<string, string>): { dir: string; input: string; config: string } {
  const dir = temporaryDirectory('bibpipe-fixed-rules-');
  const input = join(dir, 'in.ndjson');
  const config = join(dir, 'bibpipe.config.json');
  writeFileSync(input, INPUT);
  writeFileSync(config, JSON.stringify({ rules }));
  return { dir, input, config };
}

describe('read.* and id.missing cannot be switched off', () => {
  it.each([
    ['read.malformed', 'off'],
    ['id.missing', 'off'],
    ['read.invalid-utf8', 'warning'],
    ['id.missing', 'info'],
  ])('a config setting %s to %s is a usage error naming the rule and the file; nothing is written', async (code, level) => {
    const { dir, input, config } = folder({ [code]: level });
    const out = join(dir, 'out');
    const run = await runInProcess(['convert', input, '--to', 'ndjson', '--out-dir', out, '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(config);
    expect(run.stderr).toContain(`rule "${code}" is always an error and cannot be set to "${level}"`);
    expect(existsSync(out)).toBe(false);
    const validate = await runInProcess(['validate', input, '--config', config]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(`rule "${code}" is always an error`);
  });

  it('setting them to error (their level) and switching other rules off is still allowed', async () => {
    const { dir, input, config } = folder({ 'read.malformed': 'error', 'id.missing': 'error', 'title.missing': 'off' });
    const out = join(dir, 'out');
    const run = await runInProcess(['convert', input, '--to', 'ndjson', '--out-dir', out, '--config', config, '--workers', '1']);
    expect(run.code).toBe(1);
    const rejects = readFileSync(join(out, 'rejects.ndjson'), 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(2);
    expect(readFileSync(join(out, 'records.ndjson'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it("a library caller's severities cannot switch them off: the broken line and the record without id are rejected", async () => {
    const dir = temporaryDirectory('bibpipe-fixed-rules-');
    const out = join(dir, 'out');
    const summary = await convert({ inputs: [{ text: INPUT, name: 'in.ndjson' }], to: ['ndjson'], outDir: out, workers: 1, severities: { 'read.malformed': 'off', 'id.missing': 'warning' } });
    expect(summary.read).toBe(3);
    expect(summary.converted).toBe(1);
    expect(summary.rejected).toBe(2);
    expect(isFixedRule('read.source-failed')).toBe(true);
    expect(isFixedRule('id.duplicate')).toBe(false);
    const issue = makeIssue('read.malformed', { message: 'm' });
    expect(applySeverities([issue], { 'read.malformed': 'off' })).toEqual([issue]);
  });
});
