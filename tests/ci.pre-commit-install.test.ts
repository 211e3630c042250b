import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWhen, PROJECT_ROOT } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * The hook as a user gets it: real `pre-commit` (the Debian package; .ci/run installs it)
 * installs bibpipe from this repository the way it installs any node hook (npm install,
 * npm pack, npm install -g of the tarball), then guards commits in a repository of
 * catalogue exports: a good export commits, a broken one is blocked with bibpipe's report.
 * pre-commit clones the repository at a commit, so this tests what HEAD holds.
 */

const HAS_PRE_COMMIT = spawnSync('pre-commit', ['--version']).status === 0;
const HAS_GIT_HEAD = spawnSync('git', ['-C', PROJECT_ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).status === 0;

const GOOD = '{"id":"ok-1","title":"T","title_full":"T","title_fullStr":"T","format":["Book"],"language":["English"]}';
const BAD = '{"title":"an export line without its id"}';

const cleanup: string[] = [];
afterAll(() => {
  for (const path of cleanup) rmSync(path, { recursive: true, force: true });
});

describeWhen('the pre-commit hook under real pre-commit', HAS_PRE_COMMIT && HAS_GIT_HEAD, 'needs pre-commit (apt-get install pre-commit) and this checkout as a git repository', () => {
  it('installs from this repository, lets a good export commit and blocks a broken one', () => {
    const head = spawnSync('git', ['-C', PROJECT_ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    const repo = temporaryDirectory('bibpipe-pre-commit-repo-');
    // pre-commit's cache (the cloned hook and its node environment) stays out of the user's home.
    const cache = temporaryDirectory('bibpipe-pre-commit-cache-');
    cleanup.push(repo, cache);
    const env = { ...process.env, PRE_COMMIT_HOME: cache, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
    const run = (command: string, ...args: string[]): SpawnSyncReturns<string> => spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ok = (result: SpawnSyncReturns<string>): void => expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);

    ok(run('git', 'init', '-q'));
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${PROJECT_ROOT}\n    rev: ${head}\n    hooks:\n      - id: bibpipe-validate\n`);
    ok(run('pre-commit', 'install'));
    // Installing the hook's environment is the step that failed with npm 11 (pack's stdout).
    ok(run('pre-commit', 'install-hooks'));

    mkdirSync(join(repo, 'exports'));
    writeFileSync(join(repo, 'exports', 'records.ndjson'), `${GOOD}\n`);
    // Not an export by the hook's default pattern: never given to bibpipe.
    writeFileSync(join(repo, 'notes.txt'), 'exported on Monday\n');
    ok(run('git', 'add', '.'));
    const good = run('git', 'commit', '-q', '-m', 'a good export');
    ok(good);
    expect(good.stdout + good.stderr).toMatch(/bibpipe validate\.+Passed/);

    writeFileSync(join(repo, 'exports', 'records.ndjson'), `${GOOD}\n${BAD}\n`);
    ok(run('git', 'add', '.'));
    const bad = run('git', 'commit', '-q', '-m', 'a broken export');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/bibpipe validate\.+Failed/);
    expect(bad.stdout + bad.stderr).toContain('id.missing');
    // Blocked: HEAD is still the good commit.
    expect(run('git', 'log', '--format=%s').stdout.trim().split('\n')).toEqual(['a good export']);
  }, 600_000);
}, { requiredInCi: true });
