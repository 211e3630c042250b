import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * The CLI against a Solr that never ends its page or drips it: bounded memory, a clear
 * reject, and a SIGTERM honoured within 2 s with the earlier outputs left as they were.
 */

const CLI = join(PROJECT_ROOT, 'dist/cli/main.js');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hostileServer(respond: (response: ServerResponse) => void): Promise<{ url: string; requests: () => number; bytes: () => number }> {
  let requests = 0;
  let bytes = 0;
  const server = createServer((_request, response) => {
    requests++;
    const write = response.write.bind(response);
    response.write = ((chunk: Buffer | string, ...rest: never[]) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return write(chunk, ...rest);
    }) as typeof response.write;
    respond(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const { port } = server.address() as AddressInfo;
  return { url: `solr+http://127.0.0.1:${port}/solr/biblio`, requests: () => requests, bytes: () => bytes };
}

function run(args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr: Buffer.concat(stderr).toString('utf8') }))),
    // The signal goes to bibpipe, not to time(1): time's child is the only node process it started.
    kill: (signal) => {
      const pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      process.kill(pid, signal);
    },
  };
}

describe('convert from a hostile live Solr', () => {
  it('a page that never ends is cut at the 64 MiB cap: one reject, exit 1, peak RSS under 300 MB', async () => {
    const chunk = Buffer.from(`{"response":{"docs":[${'{"id":"x","title":"endless"},'.repeat(2000)}`);
    const server = await hostileServer((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const outDir = temporaryDirectory('bibpipe-endless-');
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    const result = await run(['convert', server.url, '--to', 'ndjson', '--out-dir', outDir, '--workers', '1']).done;
    expect(result.code, result.stderr).toBe(1);
    const rejects = readFileSync(join(outDir, 'rejects.ndjson'), 'utf8');
    expect(rejects).toContain('larger than 67108864 bytes');
    expect(server.requests()).toBe(1);
    expect(server.bytes()).toBeLessThan(256 * 1024 * 1024);
    const rssKb = Number(/maxrss_kb=(\d+)/.exec(result.stderr)?.[1]);
    expect(rssKb).toBeGreaterThan(0);
    expect(rssKb).toBeLessThan(300 * 1024);
  }, 120_000);

  it('SIGTERM while a slow Solr drips its page ends the run within 2 s, earlier outputs intact', async () => {
    const server = await hostileServer((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => {
        if (response.destroyed) clearInterval(timer);
        else response.write(' ');
      }, 100);
      response.on('close', () => clearInterval(timer));
    });
    const outDir = temporaryDirectory('bibpipe-slow-solr-');
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'records.ndjson'), '{"id":"from-an-earlier-run"}\n');
    writeFileSync(join(outDir, 'summary.json'), '{"read":1}\n');
    const child = run(['convert', server.url, '--to', 'ndjson', '--out-dir', outDir]);
    const started = Date.now();
    while (server.requests() === 0) {
      if (Date.now() - started > 30_000) throw new Error('no request');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = Date.now();
    child.kill('SIGTERM');
    const result = await child.done;
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(result.stderr).toContain('interrupted by SIGTERM');
    expect(readdirSync(outDir).sort()).toEqual(['records.ndjson', 'summary.json']);
    expect(readFileSync(join(outDir, 'records.ndjson'), 'utf8')).toBe('{"id":"from-an-earlier-run"}\n');
  }, 60_000);
});
