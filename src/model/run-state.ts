import { z } from 'zod';
import { SeveritySchema, type Severity } from './issue.js';

/**
 * The run-wide state a shard run leaves beside its outputs, so that `bibpipe merge` can add
 * N shard runs up to exactly the single run: `run-state.json` (what was run and its counts)
 * and `run-state.bin` (one compact entry per record, in the run's input order).
 *
 * An entry holds what the run-wide checks look at and what merge needs to move a record:
 * the fingerprints of its id, DOI and PMID, its position (input, ordinal, line, byte offset),
 * its id text (to name it in messages and to k-way merge Solr shards on it), its outcome,
 * and the byte length of its text in every output file, rejects.ndjson and skipped.ndjson.
 * The first position of an id/DOI/PMID is the first entry that carries it. About 40-60
 * bytes per record, against ~5 KB of output per record and format.
 *
 * Fingerprints are the engine's (pipeline/fingerprint-table.ts): 64-bit xxHash64 with a
 * fixed seed, so those of separate shard runs compare; this module only stores them.
 */

export { RUN_STATE_BIN, RUN_STATE_JSON } from './run-state-files.js';
/** Names the fingerprint function; a state made with another one cannot be merged. */
export const FINGERPRINT_SCHEME = 'xxh64(seed 0x62696270697065)';

/** A 64-bit fingerprint as two unsigned 32-bit words (high, low), as the engine computes it. */
export type Fingerprint = readonly [number, number];

export const ShardDescriptionSchema = z.discriminatedUnion('kind', [
  /** Not sharded: the whole input. */
  z.object({ kind: z.literal('none') }),
  /** `--shard I/N` on files: byte range I of N of every input file, aligned to record starts. */
  z.object({ kind: z.literal('file-range'), index: z.number().int().positive(), count: z.number().int().positive() }),
  /** `--shard I/N` on live Solr: Solr's hash filter, worker I of N. */
  z.object({ kind: z.literal('solr-hash'), index: z.number().int().positive(), count: z.number().int().positive() }),
  /** `--solr-shard NAME,...` (names) or `--solr-shard I/N` (job I of N over the sorted shard names). */
  z.object({
    kind: z.literal('solr-cloud'),
    names: z.array(z.string()).optional(),
    index: z.number().int().positive().optional(),
    count: z.number().int().positive().optional(),
  }),
]);
export type ShardDescription = z.infer<typeof ShardDescriptionSchema>;

/** sha-256 of some bytes of an input, as lower-case hex. */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What one shard read of one input file, so that merge can prove its shards read one
 * version of it and that their byte ranges join up: the range, a hash of its bytes, and
 * hashes of the bytes around each end of it (JOINT_WINDOW before and after the cut), which
 * the neighbouring shard records for the same cut.
 */
export const InputReadSchema = z.object({
  /** [start, end) in the file; an empty range sits where the next share starts. */
  range: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  /** sha-256 of the bytes in the range (absent when the file was read whole through decompression). */
  sha256: Sha256Schema.optional(),
  /** sha-256 of the file's bytes within JOINT_WINDOW of the range's start and of its end. */
  joints: z.tuple([Sha256Schema, Sha256Schema]),
});
export type InputRead = z.infer<typeof InputReadSchema>;


export const RunStateInputSchema = z.object({
  /** As given to the run (the source name of a live Solr input, without credentials). */
  name: z.string(),
  kind: z.enum(['file', 'solr', 'stdin']),
  /** File size in bytes, so that merge can tell shards of different versions of a file apart. */
  size: z.number().int().nonnegative().optional(),
  /** Modification time in nanoseconds since the epoch (a decimal string): a file rewritten between shard runs has another. */
  mtime: z.string().regex(/^\d+$/).optional(),
  /** What this run read of the file (file inputs that were read). */
  read: InputReadSchema.optional(),
  /** What identifies the query of a live source (q, fq, fl, uniqueKey), equal across its shards. */
  query: z.string().optional(),
});
export type RunStateInput = z.infer<typeof RunStateInputSchema>;

export const FillRateCounterSchema = z.object({
  field: z.string(),
  type: z.string().optional(),
  minimum: z.number(),
  records: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
});
export type FillRateCounter = z.infer<typeof FillRateCounterSchema>;

export const RunStateSchema = z.object({
  format: z.literal('bibpipe-run-state'),
  version: z.literal(2),
  fingerprint: z.literal(FINGERPRINT_SCHEME),
  shard: ShardDescriptionSchema,
  /** The working folder of the run: relative input names are relative to it. */
  cwd: z.string(),
  inputs: z.array(RunStateInputSchema),
  /** What decides the bytes of every output: merge re-creates starts and ends with these. */
  settings: z.object({
    formats: z.array(z.string()),
    writerOptions: z.record(z.string(), z.unknown()),
    severities: z.record(z.string(), z.string()).optional(),
    /** What decides a record's findings, so that merge can re-run one record as the single run would. */
    from: z.string().optional(),
    profile: z.unknown().optional(),
    limits: z.record(z.string(), z.number()).optional(),
    ignore: z.array(z.string()).optional(),
  }),
  /** The run's summary.json content (validated by RunSummarySchema where it is read). */
  summary: z.record(z.string(), z.unknown()),
  fillRates: z.array(FillRateCounterSchema),
  /** Issue codes by the index entries use, and the severity each was counted with (parallel). */
  issueCodes: z.array(z.string()),
  issueSeverities: z.array(SeveritySchema),
  records: z.number().int().nonnegative(),
  stateBytes: z.number().int().nonnegative(),
  /** sha-256 of run-state.bin: merge refuses a state whose entries were changed (a flipped bit, another shard's file). */
  stateSha256: Sha256Schema,
});
export type RunState = z.infer<typeof RunStateSchema>;

/** One record of the run as the state keeps it (the writer takes it, the reader gives it back). */
export interface RunStateRecord {
  /** Index into `inputs`. */
  input: number;
  /** Ordinal of the record within its input as this run numbered it (0 when none). */
  ordinal: number;
  line?: number | undefined;
  byteOffset?: number | undefined;
  /** The raw id and its fingerprint. */
  id?: string | undefined;
  idKey?: Fingerprint | undefined;
  /** Fingerprints of the DOI/PMID keys (`doi:<lower case>`, `pmid:<digits>`) of a converted record. */
  doiKey?: Fingerprint | undefined;
  pmidKey?: Fingerprint | undefined;
  converted: boolean;
  /** This run found its id on an earlier record of the run (it was rejected as id.duplicate). */
  idDuplicate: boolean;
  /** This run reported doi.duplicate / pmid.duplicate for it. */
  doiDuplicate: boolean;
  pmidDuplicate: boolean;
  /** UTF-8 bytes of the record's text in each output format (settings order), without separators; 0 = not written. */
  outputBytes: readonly number[];
  rejectBytes: number;
  skippedBytes: number;
  /** Codes of every issue counted for the record (summary.issues), repeats kept. */
  issueCodes: readonly string[];
  /** The severity each of them was counted with (summary.severities), parallel to issueCodes. */
  issueSeverities: readonly Severity[];
  /** Per fill-rate rule (bit i = rule i): counted (converted and of the rule's type) and filled. */
  fillCounted: number;
  fillFilled: number;
}
