import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';
import { join } from 'node:path';
import { PROJECT_ROOT } from './shared.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`dist/cli/main.js`) as a user would. */
export function runBibpipe(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/cli/main.js'), ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

export { temporaryDirectory } from './temp.js';

/** Runs the CLI in this process (no build, no spawn): for help, rules and other quick commands. */
export async function runInProcess(args: readonly string[]): Promise<CliResult> {
  const collect = (into: string[]): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.push(chunk.toString('utf8'));
        done();
      },
    });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(['node', 'bibpipe', ...args], { stdout: collect(stdout), stderr: collect(stderr) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
