import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runBatch, type BatchJob, type BatchOutput, type BatchSettings } from './batch-job.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** Runs batches: on the main thread, or spread over worker threads. */
export interface BatchExecutor {
  /** How many batches can run at the same time. */
  readonly parallelism: number;
  run(job: BatchJob): Promise<BatchOutput>;
  close(): Promise<void>;
}

/** One thread: batches run as they are submitted. */
export class InlineExecutor implements BatchExecutor {
  readonly parallelism = 1;
  constructor(private readonly settings: BatchSettings) {}
  run(job: BatchJob): Promise<BatchOutput> {
    try {
      return Promise.resolve(runBatch(job, this.settings));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  async close(): Promise<void> {}
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** False when running from TypeScript sources (tests), where no compiled worker exists. */
export function workerThreadsAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

interface Waiting {
  request: WorkerRequest;
  resolve: (output: BatchOutput) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads, each running one batch at a time; further batches wait in
 * submission order. Outputs come back through the promises, so the caller decides the
 * order in which they are used.
 */
export class WorkerPool implements BatchExecutor {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Waiting[] = [];
  private readonly running = new Map<number, Waiting & { worker: Worker }>();
  private sequence = 0;
  private failure: Error | undefined;

  constructor(settings: BatchSettings, readonly parallelism: number) {
    for (let index = 0; index < parallelism; index++) {
      const worker = new Worker(WORKER_URL, { workerData: settings });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A worker thread stopped with exit code ${code}`));
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  run(job: BatchJob): Promise<BatchOutput> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { sequence: this.sequence++, job }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The worker pool was closed');
    for (const waiting of this.queue.splice(0)) waiting.reject(this.failure);
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const waiting = this.queue.shift()!;
      this.running.set(waiting.request.sequence, { ...waiting, worker });
      worker.postMessage(waiting.request);
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const waiting = this.running.get(reply.sequence);
    this.running.delete(reply.sequence);
    this.idle.push(worker);
    if (waiting) {
      if ('output' in reply) waiting.resolve(reply.output);
      else {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        waiting.reject(error);
      }
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of [...this.running.values(), ...this.queue.splice(0)]) waiting.reject(error);
    this.running.clear();
  }
}
