import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

/** One timed child process: wall and CPU time, the peak resident memory, the load around it. */
export interface Measurement {
  wallSeconds: number;
  /** User + system CPU time of the process and its threads (GNU time), or undefined without it. */
  cpuSeconds: number | undefined;
  /** 1-minute load average just before and just after the run. */
  loadBefore: number;
  loadAfter: number;
  /** Peak RSS in bytes (the largest process of the run), or undefined when not measurable. */
  peakRssBytes: number | undefined;
  exitCode: number;
  /** From a bibpipe convert's summary.json: so that a fast run that rejected everything shows. */
  counts?: RecordCounts;
}

export interface RecordCounts {
  read: number;
  converted: number;
  rejected: number;
}

/** The counts of a convert's summary.json in `outDir`, or undefined when there is none. */
export function readCounts(outDir: string): RecordCounts | undefined {
  const path = join(outDir, 'summary.json');
  if (!existsSync(path)) return undefined;
  const summary = JSON.parse(readFileSync(path, 'utf8')) as Partial<RecordCounts>;
  return { read: Number(summary.read), converted: Number(summary.converted), rejected: Number(summary.rejected) };
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

/** GNU time reports the peak RSS (`%M`, KiB) and CPU times (`%U`, `%S`) of what it runs, from wait4's rusage. */
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
  const args = useTime ? ['-f', '%M %U %S', '-o', rssFile, command.program, ...command.args] : [...command.args];
  const stdin = command.stdinFile ? openSync(command.stdinFile, 'r') : 'ignore';
  const stdout = command.stdoutFile ? openSync(command.stdoutFile, 'w') : 'ignore';
  let stderr = '';
  let polledPeak = 0;
  const loadBefore = loadavg()[0]!;
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
    let cpuSeconds: number | undefined;
    if (useTime && existsSync(rssFile)) {
      // The last line is ours; a line before it is GNU time's "Command exited with non-zero status".
      const [kib, user, system] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (kib !== undefined && Number.isFinite(kib) && kib > 0) peakRssBytes = kib * 1024;
      if (user !== undefined && system !== undefined && Number.isFinite(user + system)) cpuSeconds = user + system;
    }
    if (exitCode > 1) throw new Error(`${command.program} ${command.args.join(' ')} failed (exit ${exitCode}): ${stderr.slice(0, 2000)}`);
    return { wallSeconds, cpuSeconds, peakRssBytes, exitCode, loadBefore, loadAfter: loadavg()[0]! };
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
