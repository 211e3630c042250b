import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWhen, PROJECT_ROOT } from './helpers/shared.js';
import { temporaryDirectory } from './helpers/temp.js';

/**
 * Ctrl-C (SIGINT) or SIGTERM during `validate` or `stats` on a terminal: one line says what
 * happened, the exit code is the signal's (130, 143), and the terminal is given back as it
 * was: the progress bar hid the cursor (ESC[?25l) and turned line wrap off (ESC[?7l), so
 * both must be turned on again after the last time they were turned off. script(1) gives
 * the CLI a pseudo-terminal; the input is a FIFO the test feeds, so that the run is still
 * reading when the signal comes.
 */

const CLI = join(PROJECT_ROOT, 'dist/cli/main.js');
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const WRAP_OFF = '\u001b[?7l';
const WRAP_ON = '\u001b[?7h';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `bibpipe ARGS` on a pseudo-terminal reading a FIFO; sends `signal` once the progress bar shows. */
async function interruptedRun(args: string, signal: 'SIGINT' | 'SIGTERM', closeInputAfterSignal: boolean): Promise<{ status: number | null; output: string }> {
  const dir = temporaryDirectory('bibpipe-interrupt-');
  const fifo = join(dir, 'input.ndjson');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const pidFile = join(dir, 'pid');
  const child = spawn('script', ['-qec', `sh -c 'echo $$ > ${pidFile}; exec "${process.execPath}" "${CLI}" ${args} "${fifo}" --workers 1'`, '/dev/null'], { cwd: dir, env: { ...process.env, COLUMNS: '120' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const feed = createWriteStream(fifo);
  const batch = Array.from({ length: 2000 }, (_, index) => JSON.stringify({ id: `r${index}`, title: 'T', title_full: 'T', title_fullStr: 'T', format: ['Book'] })).join('\n');
  feed.write(`${batch}\n`);
  await waitFor(() => output.includes('records/s'), 'the progress bar');
  await waitFor(() => existsSync(pidFile), 'the pid');
  process.kill(Number(readFileSync(pidFile, 'utf8').trim()), signal);
  // Either the input ends (the run stops after its batch) or it never does (the grace period ends the run).
  if (closeInputAfterSignal) feed.end();
  const status = await closed;
  feed.destroy();
  child.stdin.end();
  return { status, output };
}

function expectTerminalRestored(output: string): void {
  const hidden = output.lastIndexOf(HIDE_CURSOR);
  const wrapOff = output.lastIndexOf(WRAP_OFF);
  expect(hidden).toBeGreaterThanOrEqual(0);
  expect(output.lastIndexOf(SHOW_CURSOR), 'cursor shown again').toBeGreaterThan(hidden);
  expect(output.lastIndexOf(WRAP_ON), 'line wrap on again').toBeGreaterThan(wrapOff);
}

describeWhen('SIGINT/SIGTERM on a terminal give the terminal back', HAS_SCRIPT, 'needs script(1) (util-linux, apt-get install bsdutils)', () => {
  it('validate, SIGINT: one line with the records read, exit 130, cursor and line wrap restored', async () => {
    const { status, output } = await interruptedRun('validate', 'SIGINT', true);
    expect(status).toBe(130);
    expect(output).toMatch(/bibpipe: interrupted by SIGINT after [\d,]+ records?; no report was written/);
    expect(output).not.toMatch(/\n\s+at /);
    expectTerminalRestored(output);
  }, 120_000);

  it('stats, SIGTERM: exit 143, cursor and line wrap restored', async () => {
    const { status, output } = await interruptedRun('stats', 'SIGTERM', true);
    expect(status).toBe(143);
    expect(output).toMatch(/bibpipe: interrupted by SIGTERM after [\d,]+ records?; no report was written/);
    expectTerminalRestored(output);
  }, 120_000);

  it('validate, SIGTERM while the input never ends: the grace period ends the run, and the terminal is still restored', async () => {
    const { status, output } = await interruptedRun('validate', 'SIGTERM', false);
    expect(status).toBe(143);
    expect(output).toContain('bibpipe: interrupted by SIGTERM; no report was written');
    expectTerminalRestored(output);
  }, 120_000);
});
