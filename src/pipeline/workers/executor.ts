import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadFingerprints } from '../fingerprint-table.js';
import { firstPass, secondPass, type BatchInput, type EngineSettings, type HeldBatch, type Pass1Result, type Pass2Request, type Pass2Result } from './batch-work.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/**
 * Runs the two passes of batches: on the main thread, or on worker threads. Pass 2 of a
 * batch runs where its pass 1 ran, because that thread holds the parsed records.
 */
export interface BatchExecutor {
  /** How many batches can run at the same time. */
  readonly parallelism: number;
  firstPass(batch: number, input: BatchInput): Promise<Pass1Result>;
  secondPass(batch: number, request: Pass2Request): Promise<Pass2Result>;
  close(): Promise<void>;
}

/** One thread: passes run as they are asked for. */
export class InlineExecutor implements BatchExecutor {
  readonly parallelism = 1;
  private readonly held = new Map<number, HeldBatch>();
  private constructor(private readonly settings: EngineSettings) {}

  static async create(settings: EngineSettings): Promise<InlineExecutor> {
    await loadFingerprints();
    return new InlineExecutor(settings);
  }

  async firstPass(batch: number, input: BatchInput): Promise<Pass1Result> {
    const { held, result } = firstPass(input, this.settings);
    this.held.set(batch, held);
    return result;
  }

  async secondPass(batch: number, request: Pass2Request): Promise<Pass2Result> {
    const held = this.held.get(batch);
    if (!held) throw new Error(`Batch ${batch} is not held`);
    this.held.delete(batch);
    return secondPass(held, request, this.settings);
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** False when running from TypeScript sources (tests), where no compiled worker exists. */
export function workerThreadsAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads. Pass 1 of a batch goes to the worker with the fewest
 * batches held; pass 2 to the worker that holds it. Each worker runs its messages in order.
 */
export class WorkerPool implements BatchExecutor {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly home = new Map<number, number>();
  private readonly pending = new Map<number, Pending>();
  private sequence = 0;
  private failure: Error | undefined;

  constructor(settings: EngineSettings, readonly parallelism: number) {
    for (let index = 0; index < parallelism; index++) {
      const worker = new Worker(WORKER_URL, { workerData: settings });
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A worker thread stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  firstPass(batch: number, input: BatchInput): Promise<Pass1Result> {
    let target = 0;
    for (let index = 1; index < this.load.length; index++) if (this.load[index]! < this.load[target]!) target = index;
    this.home.set(batch, target);
    this.load[target]!++;
    // Chunk bytes are moved to the worker, not copied.
    const owned = input.kind === 'chunk' && input.chunk.kind !== 'oversized' ? input.chunk.bytes : undefined;
    const transfer = owned ? [owned.buffer as ArrayBuffer] : [];
    if (owned && owned.byteLength !== owned.buffer.byteLength) {
      // A view into a larger buffer cannot be moved without breaking its other users: it is copied instead.
      transfer.length = 0;
    }
    return this.send(target, { kind: 'first', batch, sequence: this.sequence++, input }, transfer);
  }

  secondPass(batch: number, request: Pass2Request): Promise<Pass2Result> {
    const target = this.home.get(batch);
    if (target === undefined) return Promise.reject(new Error(`Batch ${batch} is not held`));
    this.home.delete(batch);
    this.load[target]!--;
    return this.send(target, { kind: 'second', batch, sequence: this.sequence++, request }, []);
  }

  async close(): Promise<void> {
    this.fail(new Error('The worker pool was closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private send<T>(target: number, message: WorkerRequest, transfer: ArrayBuffer[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.sequence, { resolve: resolve as (value: never) => void, reject });
      this.workers[target]!.postMessage(message, transfer);
    });
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.sequence);
    this.pending.delete(reply.sequence);
    if (!pending) return;
    if ('error' in reply) {
      const error = new Error(reply.error.message);
      if (reply.error.stack) error.stack = reply.error.stack;
      pending.reject(error);
    } else pending.resolve(reply.result as never);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** The executor for a number of workers: 1 runs on the calling thread. */
export async function createExecutor(settings: EngineSettings, workers: number, onFallback?: () => void): Promise<BatchExecutor> {
  if (workers <= 1) return InlineExecutor.create(settings);
  if (!workerThreadsAvailable()) {
    onFallback?.();
    return InlineExecutor.create(settings);
  }
  return new WorkerPool(settings, workers);
}
