import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/shared.js';
import { runBibpipe } from './helpers/cli.js';
import { temporaryDirectory } from './helpers/temp.js';
import { makeDocs, startLoopbackSolr, type LoopbackSolr } from './helpers/loopback-solr.js';

/**
 * A live-Solr convert killed with SIGKILL mid-read (no handler runs, nothing is cleaned up),
 * then `--resume` as docs/scale-out.md says: every id is in the outputs or the rejects
 * exactly once, none lost. The stand-in Solr answers a few pages, then holds the next
 * request, so the process is certainly killed mid-read.
 */
const DOCS = makeDocs(1000);
let solr: LoopbackSolr;

beforeAll(async () => {
  solr = await startLoopbackSolr(DOCS);
});
afterAll(async () => {
  await solr.close();
});

function startConvert(outDir: string, extra: string[] = []): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/cli/main.js'), 'convert', solr.url, '--to', 'ndjson', '--out-dir', outDir, '--rows', '50', '--workers', '1', '--quiet', ...extra], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

/** Runs a convert until the stand-in has answered `pages` pages, then kills it with SIGKILL while it waits for the next. */
async function killMidRead(outDir: string, pages: number, extra: string[] = []): Promise<void> {
  solr.reset();
  const hold = solr.holdAfter(pages);
  const { child, exited } = startConvert(outDir, extra);
  await hold.waiting;
  child.kill('SIGKILL');
  expect(await exited).toBeNull();
  hold.release();
}

function idsIn(outDir: string): string[] {
  const records = join(outDir, 'records.ndjson');
  const rejects = join(outDir, 'rejects.ndjson');
  const written = existsSync(records) ? readFileSync(records, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id) : [];
  const rejected = existsSync(rejects) ? readFileSync(rejects, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id?: string; recordId?: string }).id ?? '') : [];
  return [...written, ...rejected];
}

describe('live Solr: SIGKILL mid-read, then --resume', () => {
  it('a killed first run commits nothing; the resume (killed once more, then run to the end) holds every id exactly once', async () => {
    const outDir = join(temporaryDirectory('bibpipe-sigkill-'), 'out');
    await killMidRead(outDir, 6);
    // Killed before its commit: no outputs and no cursor that could pass them.
    expect(existsSync(join(outDir, 'records.ndjson'))).toBe(false);
    expect(existsSync(join(outDir, 'solr-cursor.json'))).toBe(false);
    await killMidRead(outDir, 11, ['--resume']);
    expect(existsSync(join(outDir, 'solr-cursor.json'))).toBe(false);

    solr.reset();
    const resumed = await runBibpipe(['convert', solr.url, '--to', 'ndjson', '--out-dir', outDir, '--rows', '50', '--workers', '1', '--quiet', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const ids = idsIn(outDir);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids)).toEqual(new Set(DOCS.map((doc) => doc.id)));
    const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as { read: number; converted: number; rejected: number };
    expect(summary).toMatchObject({ read: 1000, converted: 1000, rejected: 0 });
    // The committed cursor says the read is done: resuming into the folder again is refused, not emptied.
    const again = await runBibpipe(['convert', solr.url, '--to', 'ndjson', '--out-dir', outDir, '--rows', '50', '--workers', '1', '--quiet', '--resume']);
    expect(again.code).toBe(2);
    expect(idsIn(outDir)).toHaveLength(1000);
    // The outputs are the resumed run's; the killed runs' temporary files (hidden .partial) are all they left.
    expect(readdirSync(outDir).filter((name) => !name.startsWith('.'))).toEqual(['records.ndjson', 'rejects.ndjson', 'skipped.ndjson', 'solr-cursor.json', 'summary.json']);
  });
});
