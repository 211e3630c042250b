import { temporaryDirectory } from './helpers/temp.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/program.js';
import type { ValidationResult } from '../src/pipeline/validate.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/reports/records with findings of several rules.json');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'bibpipe', ...args], {
    stdout: new Writable({ write(chunk, _e, done) { stdout += String(chunk); done(); } }),
    stderr: new Writable({ write(chunk, _e, done) { stderr += String(chunk); done(); } }),
  });
  return { code, stdout, stderr };
}

function configFile(config: unknown): string {
  const path = join(temporaryDirectory('bibpipe-cli-'), 'bibpipe.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('bibpipe validate', () => {
  it('writes several reports at once (NAME[:FILE]) with the same findings, and exits 1 on errors', async () => {
    const dir = temporaryDirectory('bibpipe-cli-');
    const run = await cli('validate', FIXTURE, '--reporter', 'json', '--reporter', `junit:${dir}/junit.xml`, '--reporter', `sarif:${dir}/bibpipe.sarif`, '--reporter', `github:${dir}/gh.txt`);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as ValidationResult;
    expect(json.summary.severities.error).toBeGreaterThan(0);
    const total = json.issues.length;
    const sarif = JSON.parse(readFileSync(join(dir, 'bibpipe.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]?.results).toHaveLength(total);
    expect(readFileSync(join(dir, 'gh.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(total);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(join(dir, 'junit.xml'), 'utf8')) as { testsuites: { failures: string } };
    expect(Number(junit.testsuites.failures)).toBeGreaterThan(0);
    expect(run.stderr).toContain('validation failed');
  });

  it('takes severities from the config and fails on more warnings than --max-warnings', async () => {
    const config = configFile({ rules: { 'id.duplicate': 'off' } });
    const base = await cli('validate', FIXTURE, '--config', config, '--reporter', 'json');
    const report = JSON.parse(base.stdout) as ValidationResult;
    expect(report.summary.severities.error).toBe(0);
    expect(report.summary.issues['id.duplicate']).toBeUndefined();
    expect(base.code).toBe(0);
    const warnings = report.summary.severities.warning;
    expect(warnings).toBeGreaterThan(0);
    expect((await cli('validate', FIXTURE, '--config', config, '--max-warnings', String(warnings))).code).toBe(0);
    const strict = await cli('validate', FIXTURE, '--config', config, '--max-warnings', String(warnings - 1));
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`too many warnings (${warnings}); maximum allowed is ${warnings - 1}`);
    // The config's maxWarnings applies when the flag is absent.
    expect((await cli('validate', FIXTURE, '--config', configFile({ rules: { 'id.duplicate': 'off' }, maxWarnings: 0 }))).code).toBe(1);
  });

  it('leaves ignored record ids out of reports and counts', async () => {
    const all = JSON.parse((await cli('validate', FIXTURE, '--reporter', 'json')).stdout) as ValidationResult;
    const ignoredId = 'rec-5';
    const ignoredCount = all.issues.filter((issue) => issue.recordId === ignoredId).length;
    expect(ignoredCount).toBeGreaterThan(0);
    const some = JSON.parse((await cli('validate', FIXTURE, '--reporter', 'json', '--config', configFile({ ignore: [ignoredId] }))).stdout) as ValidationResult;
    expect(some.issues.some((issue) => issue.recordId === ignoredId)).toBe(false);
    const sum = (r: ValidationResult): number => r.summary.severities.error + r.summary.severities.warning + r.summary.severities.info;
    expect(sum(some)).toBe(sum(all) - ignoredCount);
  });

  it('is a usage error (exit 2) for a bad config, an unknown reporter, or two reporters on stdout', async () => {
    const bad = configFile({ rules: { 'no.such-rule': 'off' } });
    const badRun = await cli('validate', FIXTURE, '--config', bad);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toContain(bad);
    expect(badRun.stderr).toContain('unknown rule "no.such-rule"');
    expect((await cli('validate', FIXTURE, '--reporter', 'xml')).code).toBe(2);
    const twice = await cli('validate', FIXTURE, '--reporter', 'text', '--reporter', 'json');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('Only one reporter can write to stdout');
    expect((await cli('validate', FIXTURE, '--max-warnings', '-1')).code).toBe(2);
  });
});
