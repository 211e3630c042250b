import { createHash } from 'node:crypto';
import { createReadStream, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BlockFile } from '../../block-file.js';
import {
  FINGERPRINT_SCHEME, RUN_STATE_BIN, RUN_STATE_JSON, RunStateSchema,
  type FillRateCounter, type Fingerprint, type RunState, type RunStateRecord,
} from '../../model/run-state.js';
import type { Severity } from '../../model/issue.js';

/** What a run knows of its state before its first record. */
export type RunStateHeader = Pick<RunState, 'shard' | 'cwd' | 'inputs' | 'settings'>;

/**
 * The files of a run's state (model/run-state.ts says what they hold): the binary codec of
 * run-state.bin's entries, the writer the engine fills as it checks records, and the
 * readers merge uses. Here rather than in model/ because it does file I/O; in pipeline/
 * because the engine writes it and merge (which builds on the engine) reads it.
 */

/** Where the state's bytes go when an output set owns the files (structurally, pipeline's Sink). */
export interface ByteSink {
  write(data: string | Uint8Array): Promise<void>;
}

const READ_BLOCK = 256 * 1024;

const enum Flag {
  Converted = 1,
  Id = 2,
  Doi = 4,
  Pmid = 8,
  Line = 16,
  ByteOffset = 32,
  IdDuplicate = 64,
  DoiDuplicate = 128,
  PmidDuplicate = 256,
  Fill = 512,
  IdKey = 1024,
}

/** Growable byte buffer with LEB128 varints. */
class Encoder {
  bytes = Buffer.allocUnsafe(1 << 20);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + extra));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  varint(value: number): void {
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  print(print: Fingerprint): void {
    this.reserve(8);
    this.bytes.writeUInt32LE(print[0], this.length);
    this.bytes.writeUInt32LE(print[1], this.length + 4);
    this.length += 8;
  }

  text(text: string): void {
    const byteLength = Buffer.byteLength(text);
    this.varint(byteLength);
    this.reserve(byteLength);
    this.length += this.bytes.write(text, this.length);
  }
}

/**
 * Writes a run's state as the run checks its records in input order, through the sinks of
 * the run's output set (which commits both files with the outputs): `add` each record, then
 * `finish` with the run's counts. Memory: one buffer of at most ~1 MB of entries.
 */
export class RunStateWriter {
  private readonly encoder = new Encoder();
  /** `code severity` -> index into the state's issueCodes/issueSeverities. */
  private readonly codes = new Map<string, number>();
  private readonly issueCodes: string[] = [];
  private readonly issueSeverities: Severity[] = [];
  private records = 0;
  private written = 0;
  private readonly hash = createHash('sha256');
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly header: RunStateHeader,
    private readonly sinks: { bin: ByteSink; json: ByteSink },
  ) {}

  /** Writes through the sinks of an output set, which commits them with the run's other files. */
  static toSinks(bin: ByteSink, json: ByteSink, header: RunStateHeader): RunStateWriter {
    return new RunStateWriter(header, { bin, json });
  }

  /** Adds the next record in input order; flushes about every megabyte. */
  add(record: RunStateRecord): Promise<void> {
    const encoder = this.encoder;
    let flags = record.converted ? Flag.Converted : 0;
    if (record.id !== undefined) flags |= Flag.Id;
    if (record.idKey !== undefined) flags |= Flag.IdKey;
    if (record.doiKey !== undefined) flags |= Flag.Doi;
    if (record.pmidKey !== undefined) flags |= Flag.Pmid;
    if (record.line !== undefined) flags |= Flag.Line;
    if (record.byteOffset !== undefined) flags |= Flag.ByteOffset;
    if (record.idDuplicate) flags |= Flag.IdDuplicate;
    if (record.doiDuplicate) flags |= Flag.DoiDuplicate;
    if (record.pmidDuplicate) flags |= Flag.PmidDuplicate;
    if (record.fillCounted !== 0 || record.fillFilled !== 0) flags |= Flag.Fill;
    encoder.varint(flags);
    encoder.varint(record.input);
    encoder.varint(record.ordinal);
    if (record.line !== undefined) encoder.varint(record.line);
    if (record.byteOffset !== undefined) encoder.varint(record.byteOffset);
    if (record.id !== undefined) encoder.text(record.id);
    if (record.idKey !== undefined) encoder.print(record.idKey);
    if (record.doiKey !== undefined) encoder.print(record.doiKey);
    if (record.pmidKey !== undefined) encoder.print(record.pmidKey);
    if (record.outputBytes.length !== this.header.settings.formats.length) throw new Error('RunStateWriter: one output length per format is needed');
    for (const bytes of record.outputBytes) encoder.varint(bytes);
    encoder.varint(record.rejectBytes);
    encoder.varint(record.skippedBytes);
    if (record.issueSeverities.length !== record.issueCodes.length) throw new Error('RunStateWriter: one severity per issue code is needed');
    encoder.varint(record.issueCodes.length);
    record.issueCodes.forEach((code, at) => encoder.varint(this.issueIndex(code, record.issueSeverities[at]!)));
    if (flags & Flag.Fill) {
      encoder.varint(record.fillCounted);
      encoder.varint(record.fillFilled);
    }
    this.records++;
    return encoder.length >= 1 << 20 ? this.flush() : Promise.resolve();
  }

  private issueIndex(code: string, severity: Severity): number {
    const key = `${code} ${severity}`;
    let index = this.codes.get(key);
    if (index === undefined) {
      this.codes.set(key, (index = this.codes.size));
      this.issueCodes.push(code);
      this.issueSeverities.push(severity);
    }
    return index;
  }

  private async flush(): Promise<void> {
    const chunk = Buffer.from(this.encoder.bytes.subarray(0, this.encoder.length));
    this.encoder.length = 0;
    this.written += chunk.length;
    this.hash.update(chunk);
    this.pending = this.pending.then(() => this.sinks.bin.write(chunk));
    await this.pending;
  }

  /** Writes the rest of the entries and the JSON; the output set commits both. */
  async finish(summary: Record<string, unknown>, fillRates: readonly FillRateCounter[]): Promise<void> {
    await this.flush();
    const state: RunState = {
      format: 'bibpipe-run-state',
      version: 2,
      fingerprint: FINGERPRINT_SCHEME,
      ...this.header,
      summary,
      fillRates: [...fillRates],
      issueCodes: [...this.issueCodes],
      issueSeverities: [...this.issueSeverities],
      records: this.records,
      stateBytes: this.written,
      stateSha256: this.hash.digest('hex'),
    };
    const text = `${JSON.stringify(RunStateSchema.parse(state), null, 2)}\n`;
    await this.sinks.json.write(text);
  }
}

/** Reads and checks a shard's run-state.json; throws naming the file and the problem. */
export async function readRunState(directory: string): Promise<RunState> {
  const path = join(directory, RUN_STATE_JSON);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the run state (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); was ${directory} written by a bibpipe shard run?`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = RunStateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: not a run state this bibpipe reads: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** run-state.bin is the file run-state.json describes: its length and its sha-256 (read once, in blocks). */
export async function checkStateBytes(directory: string, state: RunState): Promise<void> {
  const path = join(directory, RUN_STATE_BIN);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_BLOCK }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      hash.update(chunk);
    }
  } catch (error) {
    throw new Error(`${path}: cannot read the run state's entries (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes !== state.stateBytes) throw new Error(`${path} has ${bytes} bytes, but ${RUN_STATE_JSON} says ${state.stateBytes}: the file is cut short or is another run's`);
  if (hash.digest('hex') !== state.stateSha256) throw new Error(`${path} is not the file ${RUN_STATE_JSON} describes (its sha-256 differs): its entries were changed, or it is another run's`);
}

/**
 * The entries of a shard's run-state.bin, one at a time, in the run's order; reads ahead
 * in blocks of 1 MB (bounded memory whatever the run's size). Synchronous on purpose:
 * merge pulls from many shards in turn on one thread.
 */
export class RunStateReader extends BlockFile {
  private remaining: number;
  private readonly formats: number;
  private readonly codes: readonly string[];
  private readonly severities: readonly Severity[];
  /** How many entries were read. */
  count = 0;

  constructor(directory: string, readonly state: RunState) {
    super(openSync(join(directory, RUN_STATE_BIN), 'r'), READ_BLOCK);
    this.remaining = state.records;
    this.formats = state.settings.formats.length;
    this.codes = state.issueCodes;
    this.severities = state.issueSeverities;
  }

  private varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.at < this.length ? this.buffer[this.at++] : undefined;
      if (byte === undefined) throw new Error('run-state.bin ends inside an entry (the file is cut short)');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  private need(bytes: number): void {
    if (this.at + bytes > this.length) throw new Error('run-state.bin ends inside an entry (the file is cut short)');
  }

  private print(): Fingerprint {
    this.need(8);
    const b = this.buffer;
    const at = this.at;
    this.at += 8;
    return [b.readUInt32LE(at), b.readUInt32LE(at + 4)];
  }

  /** The next entry, or undefined after the last. */
  next(): RunStateRecord | undefined {
    if (this.remaining === 0) return undefined;
    // An entry is at most a few hundred bytes plus its id; ids are bounded by the read limits.
    this.fill(64 * 1024);
    const flags = this.varint();
    const input = this.varint();
    const ordinal = this.varint();
    const line = flags & Flag.Line ? this.varint() : undefined;
    const byteOffset = flags & Flag.ByteOffset ? this.varint() : undefined;
    let id: string | undefined;
    if (flags & Flag.Id) {
      const length = this.varint();
      this.fill(length + 64);
      this.need(length);
      id = this.buffer.toString('utf8', this.at, this.at + length);
      this.at += length;
    }
    const idKey = flags & Flag.IdKey ? this.print() : undefined;
    const doiKey = flags & Flag.Doi ? this.print() : undefined;
    const pmidKey = flags & Flag.Pmid ? this.print() : undefined;
    const outputBytes: number[] = [];
    for (let index = 0; index < this.formats; index++) outputBytes.push(this.varint());
    const rejectBytes = this.varint();
    const skippedBytes = this.varint();
    const issueCount = this.varint();
    const issueCodes: string[] = [];
    const issueSeverities: Severity[] = [];
    for (let index = 0; index < issueCount; index++) {
      const kind = this.varint();
      const code = this.codes[kind];
      const severity = this.severities[kind];
      if (code === undefined || severity === undefined) throw new Error(`run-state.bin names issue kind ${kind}, which run-state.json does not list (the two files do not belong together)`);
      issueCodes.push(code);
      issueSeverities.push(severity);
    }
    const fillCounted = flags & Flag.Fill ? this.varint() : 0;
    const fillFilled = flags & Flag.Fill ? this.varint() : 0;
    this.remaining--;
    this.count++;
    return {
      input, ordinal, line, byteOffset, id, idKey, doiKey, pmidKey,
      converted: (flags & Flag.Converted) !== 0,
      idDuplicate: (flags & Flag.IdDuplicate) !== 0,
      doiDuplicate: (flags & Flag.DoiDuplicate) !== 0,
      pmidDuplicate: (flags & Flag.PmidDuplicate) !== 0,
      outputBytes, rejectBytes, skippedBytes, issueCodes, issueSeverities, fillCounted, fillFilled,
    };
  }

}
