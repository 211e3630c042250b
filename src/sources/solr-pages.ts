import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../atomic-file.js';
import { jsonDepthProblem } from '../json-syntax.js';
import type { RawRecord } from '../model/raw-record.js';
import { isSolrSource, readSolrSource, solrSourceName, type RetryPolicy, type SolrCheckpoint, type SolrQuery, type SolrSourceOptions } from './solr-http.js';
import type { SolrCloudPartition } from './solr-shards.js';
import type { ReadLimits } from '../read/types.js';
import { UsageError } from './inputs.js';

/** How `solr+http(s)://` inputs are read. */
export interface SolrReadOptions extends SolrQuery {
  /**
   * File that keeps each live source's cursor (e.g. `<out-dir>/solr-cursor.json`): written
   * after every page, so that an interrupted run can resume.
   */
  cursorFile?: string | undefined;
  /** Start from the cursor saved in `cursorFile` (a source that finished yields nothing). */
  resume?: boolean | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  signal?: AbortSignal | undefined;
  /**
   * A run whose outputs are committed at its end (an out-dir) holds its page checkpoints
   * here instead of saving them: the cursor is written with the outputs, never past
   * records that were not committed.
   */
  heldCursor?: HeldCursor | undefined;
  /**
   * Read a SolrCloud collection's shards each on its own cursor (`distrib=false` on one of
   * its cores), at most this many requests in flight (`--solr-concurrency`); see
   * solr-parallel.ts. The records come in shard order, then cursor order.
   */
  concurrency?: number | undefined;
  /** At most this many requests started per second (`--solr-rate`); also reads the shards each on its own cursor. */
  rate?: number | undefined;
}

/** What one shard's read adds to the options (solr-parallel.ts). */
export interface ShardReadOptions extends SolrReadOptions, Pick<SolrSourceOptions, 'schedule' | 'sourceName'> {
  /** Whose cursor this is: the collection's input and the shard, not the core's URL (another replica may answer next time). */
  cursorSource?: { input: string; cloudShard: SolrCloudPartition } | undefined;
}

interface CursorFileContent {
  version: 1;
  /** Keyed by source and query, so that one file serves several sources or queries. */
  sources: Record<string, SolrCheckpoint & { source: string; updatedAt: string }>;
}

/** A cursor belongs to one exact query: the same source with another filter starts afresh. */
function cursorKey(input: string, options: SolrReadOptions): string {
  return JSON.stringify([
    solrSourceName(input),
    options.query ?? '*:*',
    options.filters ?? [],
    options.fields ?? '*',
    options.rows ?? 1000,
    options.shard ? `${options.shard.index}/${options.shard.count}` : 'all',
    options.uniqueKey ?? 'id',
    // A SolrCloud share is another query: its cursor is not another share's.
    ...(options.cloudShard ? [options.cloudShard.names ?? `${options.cloudShard.job?.index}/${options.cloudShard.job?.count}`] : []),
  ]);
}

/** True for the key of one shard's cursor (solr-parallel.ts) of this input and query. */
function isShardKeyOf(key: string, input: string, options: SolrReadOptions): boolean {
  const parts = JSON.parse(key) as unknown[];
  const shard = parts[parts.length - 1];
  if (!Array.isArray(shard) || shard.length !== 1 || typeof shard[0] !== 'string') return false;
  return key === cursorKey(input, { ...options, cloudShard: { kind: 'cloud', names: [shard[0]] } });
}

async function loadCursorFile(path: string): Promise<CursorFileContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, sources: {} };
    throw new UsageError(`Cannot read the cursor file ${path}: ${(error as Error).message}`);
  }
  try {
    // Its other entries are written back as they were: one nested a million deep would overflow JSON.stringify.
    const tooDeep = jsonDepthProblem(text);
    if (tooDeep !== undefined) throw new Error(tooDeep);
    const content = JSON.parse(text) as CursorFileContent;
    if (content.version !== 1 || typeof content.sources !== 'object' || content.sources === null) throw new Error('unknown layout');
    return content;
  } catch (error) {
    throw new UsageError(`The cursor file ${path} is not one bibpipe wrote (${(error as Error).message}); delete it to start afresh`);
  }
}

/** Written beside and renamed over, so that a crash never leaves half a file. */
async function saveCursorFile(path: string, content: CursorFileContent): Promise<void> {
  await writeFileAtomically(path, cursorText(content));
}

function cursorText(content: CursorFileContent): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/**
 * The checkpoints of a run that commits its outputs at its end, held until then: the
 * cursor file's new content is this run's last delivered page of each source it read
 * (none: the source starts afresh), and the other entries of the file as they were.
 */
export class HeldCursor {
  private readonly read = new Set<string>();
  private readonly held = new Map<string, SolrCheckpoint & { source: string }>();

  constructor(readonly path: string) {}

  started(key: string): void {
    this.read.add(key);
  }

  hold(key: string, source: string, checkpoint: SolrCheckpoint): void {
    this.held.set(key, { source, ...checkpoint });
  }

  /** The cursor file to commit with the outputs. */
  async content(): Promise<string> {
    const content = await loadCursorFile(this.path);
    for (const key of this.read) delete content.sources[key];
    const updatedAt = new Date().toISOString();
    for (const [key, checkpoint] of this.held) content.sources[key] = { ...checkpoint, updatedAt };
    return cursorText(content);
  }
}

/**
 * Records the saved cursor of `cursorFile` says were read before it, over the live sources
 * among `inputs` (0: none saved, a fresh start).
 */
export async function recordsBeforeCursor(inputs: readonly string[], options: SolrReadOptions): Promise<number> {
  if (options.cursorFile === undefined) return 0;
  const content = await loadCursorFile(options.cursorFile);
  let records = 0;
  for (const input of inputs) {
    if (!isSolrSource(input)) continue;
    if (options.concurrency === undefined && options.rate === undefined) {
      records += content.sources[cursorKey(input, options)]?.ordinal ?? 0;
      continue;
    }
    // Shards read each on its own cursor: every shard's cursor of this query counts.
    for (const [key, saved] of Object.entries(content.sources)) if (isShardKeyOf(key, input, options)) records += saved.ordinal;
  }
  return records;
}

/** Records of one page of a live source, with what saves the cursor once they are committed. */
export interface LivePage {
  records: RawRecord[];
  /** Saves the cursor after this page (when a cursor file is set). */
  commit?: (() => Promise<void>) | undefined;
}

/**
 * Every record of one live Solr source, a page at a time. The cursor of a page is saved
 * only when the caller commits the page (the engine does so once the page's records reached
 * the outputs), so a resumed run never skips a record the stopped run did not deliver; at
 * most the page in hand is read again.
 */
export async function* readSolrPages(input: string, options: ShardReadOptions, limits: ReadLimits): AsyncGenerator<LivePage> {
  const owner = options.cursorSource;
  const key = owner ? cursorKey(owner.input, { ...options, localCore: undefined, cloudShard: owner.cloudShard }) : cursorKey(input, options);
  const sourceName = owner ? solrSourceName(owner.input) : solrSourceName(input);
  const path = options.cursorFile;
  let start: SolrCheckpoint | undefined;
  if (path !== undefined && options.resume) {
    const saved = (await loadCursorFile(path)).sources[key];
    if (saved !== undefined) start = { cursorMark: saved.cursorMark, skip: saved.skip, ordinal: saved.ordinal, done: saved.done };
  }
  const held = options.heldCursor;
  held?.started(key);
  // A resumed run that gets no further still commits the cursor it started from.
  if (start !== undefined) held?.hold(key, sourceName, start);
  const save = (checkpoint: SolrCheckpoint) => async (): Promise<void> => {
    if (held !== undefined) {
      held.hold(key, sourceName, checkpoint);
      return;
    }
    if (path === undefined) return;
    const content = await loadCursorFile(path);
    content.sources[key] = { source: sourceName, ...checkpoint, updatedAt: new Date().toISOString() };
    await saveCursorFile(path, content);
  };
  let pageEnd: SolrCheckpoint | undefined;
  let records: RawRecord[] = [];
  const onCheckpoint = (checkpoint: SolrCheckpoint): void => {
    // Only whole pages: a checkpoint inside a page (the reader stopped early) is never committed.
    if (checkpoint.skip === 0) pageEnd = checkpoint;
  };
  for await (const record of readSolrSource(input, { ...options, limits, start, onCheckpoint })) {
    if (pageEnd !== undefined) {
      yield { records, commit: save(pageEnd) };
      records = [];
      pageEnd = undefined;
    }
    records.push(record);
  }
  yield { records, commit: pageEnd === undefined ? undefined : save(pageEnd) };
}
