import { parentPort, workerData } from 'node:worker_threads';
import { loadFingerprints } from '../fingerprint-table.js';
import { firstPass, secondPass, type BatchInput, type EngineSettings, type HeldBatch, type Pass1Result, type Pass2Request, type Pass2Result } from './batch-work.js';

/** Messages between the main thread and a batch worker. */
export type WorkerRequest =
  | { kind: 'first'; batch: number; sequence: number; input: BatchInput }
  | { kind: 'second'; batch: number; sequence: number; request: Pass2Request };
export type WorkerReply =
  | { sequence: number; result: Pass1Result | Pass2Result }
  | { sequence: number; error: { message: string; stack?: string | undefined } };

const settings = workerData as EngineSettings;
const held = new Map<number, HeldBatch>();
const encoder = new TextEncoder();
await loadFingerprints();

parentPort?.on('message', (message: WorkerRequest) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    if (message.kind === 'first') {
      const { held: batch, result } = firstPass(message.input, settings);
      held.set(message.batch, batch);
      reply = { sequence: message.sequence, result };
    } else {
      const batch = held.get(message.batch);
      if (!batch) throw new Error(`Batch ${message.batch} is not held`);
      held.delete(message.batch);
      const result = secondPass(batch, message.request, settings);
      // Encoded here and transferred, the text costs the main thread neither a copy nor an
      // encoding. TextEncoder gives each text its own buffer (Buffer.from may share a pool).
      result.texts = result.texts.map((text) => {
        const bytes = typeof text === 'string' ? encoder.encode(text) : text;
        transfer.push(bytes.buffer as ArrayBuffer);
        return bytes;
      });
      reply = { sequence: message.sequence, result };
    }
  } catch (error) {
    // Data problems are issues inside the results; what lands here is a bug: the main thread fails the run.
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = { sequence: message.sequence, error: { message: failure.message, stack: failure.stack } };
  }
  parentPort?.postMessage(reply, transfer);
});
