import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One timed child process: wall time and the peak resident memory of the process tree. */
export interface Measurement {
  wallSeconds: number;
  /** Peak RSS in bytes (the largest process of the run), or undefined when not measurable. */
  peakRssBytes: number | undefined;
  exitCode: number;
}

export interface Command {
  program: string;
  args: readonly string[];
  /** File given to the child as stdin. */
  stdinFile?: string;
  /** File the child's stdout goes to (default: discarded). */
  stdoutFile?: string;
  cwd?: string;
}

const GNU_TIME = '/usr/bin/time';

/** GNU time reports the peak RSS of what it runs (`%M`, in KiB, from wait4's rusage). */
function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/**
 * Runs a command to completion. Peak RSS comes from GNU time when installed (it reads the
 * rusage of the finished child, descendants included); otherwise from polling VmHWM in
 * /proc/<pid>/status, which sees the direct child only.
 */
export async function measure(command: Command, scratch: string): Promise<Measurement> {
  const rssFile = join(scratch, `rss-${process.pid}-${Date.now()}.txt`);
  const useTime = hasGnuTime();
  const program = useTime ? GNU_TIME : command.program;
  const args = useTime ? ['-f', '%M', '-o', rssFile, command.program, ...command.args] : [...command.args];
  const stdin = command.stdinFile ? openSync(command.stdinFile, 'r') : 'ignore';
  const stdout = command.stdoutFile ? openSync(command.stdoutFile, 'w') : 'ignore';
  let stderr = '';
  let polledPeak = 0;
  const started = process.hrtime.bigint();
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      const child = spawn(program, args, { cwd: command.cwd, stdio: [stdin, stdout, 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString('utf8');
      });
      const poll = useTime
        ? undefined
        : setInterval(() => {
            try {
              const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
              const match = /VmHWM:\s+(\d+) kB/.exec(status);
              if (match) polledPeak = Math.max(polledPeak, Number(match[1]) * 1024);
            } catch {
              // The process has just ended.
            }
          }, 20);
      child.on('error', reject);
      child.on('close', (code) => {
        if (poll) clearInterval(poll);
        resolve(code ?? 1);
      });
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    let peakRssBytes: number | undefined = polledPeak > 0 ? polledPeak : undefined;
    if (useTime && existsSync(rssFile)) {
      const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      if (Number.isFinite(kib) && kib > 0) peakRssBytes = kib * 1024;
    }
    if (exitCode > 1) throw new Error(`${command.program} ${command.args.join(' ')} failed (exit ${exitCode}): ${stderr.slice(0, 2000)}`);
    return { wallSeconds, peakRssBytes, exitCode };
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
    if (typeof stdout === 'number') closeSync(stdout);
    rmSync(rssFile, { force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** True when an executable is on the PATH. */
export function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((directory) => directory !== '' && existsSync(join(directory, program)));
}
