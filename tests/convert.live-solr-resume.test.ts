import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { convert } from '../src/pipeline/convert.js';
import { temporaryDirectory } from './helpers/temp.js';
import { makeDocs, startLoopbackSolr, type LoopbackSolr } from './helpers/loopback-solr.js';

/**
 * What `--resume` guarantees (docs/errors.md, docs/scale-out.md): a live read into an
 * out-dir saves its cursor only with the outputs it commits, so the cursor never passes a
 * record the outputs do not hold; and a resume never replaces committed records. Over the
 * interrupted or failed run and its resume, every one of the 1000 records is written once.
 */

const DOCS = makeDocs(1000);
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
let solr: LoopbackSolr;
let root: string;

beforeAll(async () => {
  solr = await startLoopbackSolr(DOCS);
  root = temporaryDirectory('bibpipe-resume-');
});
afterAll(async () => {
  await solr.close();
});
beforeEach(() => solr.reset());

const ids = (outDir: string): string[] =>
  readFileSync(join(outDir, 'records.ndjson'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);

const run = (outDir: string, extra: { resume?: boolean; cursorFile?: string; signal?: AbortSignal; onProgress?: (progress: { records: number }) => void } = {}) =>
  convert({
    inputs: [solr.url],
    to: ['ndjson'],
    outDir,
    solr: { rows: 100, retry: FAST_RETRY, cursorFile: extra.cursorFile ?? join(outDir, 'solr-cursor.json'), resume: extra.resume },
    signal: extra.signal,
    onProgress: extra.onProgress,
  });

describe('live Solr --resume: nothing lost', () => {
  it('an interrupted run leaves no cursor past uncommitted records; the resume writes all 1000 (critical 2, SIGINT)', async () => {
    const outDir = join(root, 'interrupted');
    const stop = new AbortController();
    const first = await run(outDir, { signal: stop.signal, onProgress: (progress) => progress.records >= 400 && stop.abort() });
    expect(first.interrupted).toBe(true);
    // Nothing was committed, so no cursor says otherwise.
    expect(existsSync(join(outDir, 'solr-cursor.json'))).toBe(false);
    const resumed = await run(outDir, { resume: true });
    expect(resumed).toMatchObject({ read: 1000, converted: 1000, rejected: 0 });
    const written = ids(outDir);
    expect(written).toHaveLength(1000);
    expect(new Set(written).size).toBe(1000);
    // The committed cursor says the read is done: a further resume is refused, not emptied.
    await expect(run(outDir, { resume: true })).rejects.toThrow(/holds the 1000 records read before its saved cursor/);
    expect(ids(outDir)).toHaveLength(1000);
  });

  it('after a source failure at record 400, resume keeps the 400 committed records: read = written + rejected over both runs (503)', async () => {
    const outDir = join(root, 'failed');
    const failing = run(outDir);
    // Page 5 (records 401-500) fails for good: 503 on every try.
    await solr.waitForRequests(4);
    solr.failNext(...Array.from({ length: FAST_RETRY.attempts }, () => ({ status: 503 })));
    const first = await failing;
    expect(first).toMatchObject({ read: 401, converted: 400, rejected: 1 });
    expect(first.issues['read.source-failed']).toBe(1);
    expect(ids(outDir)).toHaveLength(400);

    // Into the same folder the resume would replace the 400 records: refused, folder unchanged.
    await expect(run(outDir, { resume: true })).rejects.toThrow(/holds the 400 records read before its saved cursor.*--out-dir NEW_DIR/);
    expect(ids(outDir)).toHaveLength(400);

    // As the message says: into a new folder, from the saved cursor.
    const rest = join(root, 'failed-rest');
    const resumed = await run(rest, { resume: true, cursorFile: join(outDir, 'solr-cursor.json') });
    expect(resumed).toMatchObject({ read: 600, converted: 600, rejected: 0 });
    const all = [...ids(outDir), ...ids(rest)];
    expect(all).toHaveLength(1000);
    expect(new Set(all)).toEqual(new Set(DOCS.map((doc) => doc.id)));
    // Over both runs: every record read is written or rejected, the one failure aside.
    expect(first.read - first.issues['read.source-failed']! + resumed.read).toBe(all.length);
  });
});
