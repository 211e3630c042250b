import { parentPort, workerData } from 'node:worker_threads';
import { runBatch, type BatchJob, type BatchSettings } from './batch-job.js';

/** Messages between the main thread and a batch worker. */
export type WorkerRequest = { sequence: number; job: BatchJob };
export type WorkerReply =
  | { sequence: number; output: ReturnType<typeof runBatch> }
  | { sequence: number; error: { message: string; stack?: string | undefined } };

const settings = workerData as BatchSettings;
const encoder = new TextEncoder();

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const output = runBatch(request.job, settings);
    // Encoded here and transferred, the text costs the main thread neither a copy nor an
    // encoding. TextEncoder gives each text its own buffer (Buffer.from may share a pool).
    output.texts = output.texts.map((text) => {
      const bytes = typeof text === 'string' ? encoder.encode(text) : text;
      transfer.push(bytes.buffer as ArrayBuffer);
      return bytes;
    });
    reply = { sequence: request.sequence, output };
  } catch (error) {
    // Data problems are issues inside the output; what lands here is a bug: the main thread fails the run.
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = { sequence: request.sequence, error: { message: failure.message, stack: failure.stack } };
  }
  parentPort?.postMessage(reply, transfer);
});
