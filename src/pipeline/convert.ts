import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Issue } from '../model/issue.js';
import type { ReadLimits } from '../read/types.js';
import type { Profile } from '../validate/profile.js';
import type { SeverityOverrides } from '../validate/rules.js';
import { findWriter, writers } from '../write/index.js';
import type { RecordWriter, WriterOptions, WriterSession } from '../write/types.js';
import { UsageError } from './inputs.js';
import { processRecords } from './run.js';
import { AtomicFileSink, StreamSink, type Sink } from './sinks.js';
import { countIssues, emptySummary, sortedSummary, type RunSummary } from './summary.js';
import { rejectLine } from './rejects.js';

export interface ConvertOptions {
  inputs: readonly string[];
  /** Output formats (writer names): `medline`, `jsonld`, `csv`, `ndjson`. */
  to: readonly string[];
  from?: string | undefined;
  /** Directory for the output files, rejects.ndjson and summary.json. */
  outDir?: string | undefined;
  /** Without outDir: where the one output format goes (default: process.stdout). */
  output?: Writable | undefined;
  /** Without outDir: a file for rejected records (NDJSON). */
  rejectsPath?: string | undefined;
  writerOptions?: WriterOptions | undefined;
  profile?: Profile | undefined;
  severities?: SeverityOverrides | undefined;
  limits?: Partial<ReadLimits> | undefined;
  logger?: Logger | undefined;
  /** Aborting stops the run after the current record; outputs are then discarded. */
  signal?: AbortSignal | undefined;
  /** Called after every record (progress bars). */
  onRecord?: ((summary: Readonly<RunSummary>) => void) | undefined;
}

interface Output {
  writer: RecordWriter;
  session: WriterSession;
  sink: Sink;
  /** The document's start is written with its first record (see RecordWriter.requiresRecords). */
  started: boolean;
}

async function ensureStarted(output: Output): Promise<void> {
  if (output.started) return;
  output.started = true;
  await output.sink.write(output.session.start());
}

export function resolveWriters(names: readonly string[]): RecordWriter[] {
  if (names.length === 0) throw new UsageError('No output format given (--to medline,jsonld,csv,ndjson)');
  return names.map((name) => {
    const writer = findWriter(name);
    if (!writer) throw new UsageError(`Unknown output format "${name}" (known: ${writers.map((w) => w.name).join(', ')})`);
    return writer;
  });
}

/**
 * read -> validate -> normalize -> write, for every record of every input. Returns the
 * run's summary; with `outDir` also writes it as summary.json beside the outputs.
 */
export async function convert(options: ConvertOptions): Promise<RunSummary> {
  const chosen = resolveWriters(options.to);
  if (!options.outDir && chosen.length !== 1) {
    throw new UsageError('Without --out-dir exactly one output format goes to stdout; give --out-dir for several');
  }
  const writerOptions = options.writerOptions ?? {};
  if (options.outDir) {
    try {
      await mkdir(options.outDir, { recursive: true });
    } catch (error) {
      throw new UsageError(`Cannot create output directory ${options.outDir}: ${(error as Error).message}`);
    }
  }
  const outputs: Output[] = [];
  const sinks: Sink[] = [];
  let rejects: Sink | undefined;
  let skipped: Sink | undefined;
  const summary = emptySummary();
  try {
    for (const writer of chosen) {
      const session = writer.open(writerOptions);
      const sink = options.outDir ? new AtomicFileSink(join(options.outDir, writer.fileName)) : new StreamSink(options.output ?? process.stdout);
      sinks.push(sink);
      outputs.push({ writer, session, sink, started: false });
      summary.written[writer.name] = 0;
    }
    const rejectsPath = options.outDir ? join(options.outDir, 'rejects.ndjson') : options.rejectsPath;
    if (rejectsPath) sinks.push((rejects = new AtomicFileSink(rejectsPath)));
    if (options.outDir) sinks.push((skipped = new AtomicFileSink(join(options.outDir, 'skipped.ndjson'))));

    for await (const processed of processRecords(options)) {
      summary.read++;
      const issues: Issue[] = [...processed.issues];
      if (processed.rejected || !processed.record) {
        summary.rejected++;
        countIssues(summary, issues);
        options.logger?.warn({ recordId: processed.raw.fields.id, source: processed.raw.source, issues: issues.filter((i) => i.severity === 'error').map((i) => i.code) }, 'record rejected');
        if (rejects) await rejects.write(rejectLine(processed.raw, issues));
        options.onRecord?.(summary);
        continue;
      }
      summary.converted++;
      const record = processed.record;
      for (const output of outputs) {
        const refusal = output.writer.accepts(record);
        if (refusal) {
          const issue: Issue = { ...refusal, recordId: record.id, source: processed.raw.source };
          issues.push(issue);
          summary.skipped[output.writer.name] = (summary.skipped[output.writer.name] ?? 0) + 1;
          options.logger?.debug({ recordId: record.id, format: output.writer.name, code: issue.code }, issue.message);
          if (skipped) await skipped.write(`${JSON.stringify({ recordId: record.id, format: output.writer.name, code: issue.code, message: issue.message, source: processed.raw.source })}\n`);
          continue;
        }
        issues.push(...(output.session.warnings?.(record) ?? []).map((issue) => ({ ...issue, recordId: record.id, source: processed.raw.source })));
        await ensureStarted(output);
        await output.sink.write(output.session.write(record));
        summary.written[output.writer.name] = (summary.written[output.writer.name] ?? 0) + 1;
      }
      countIssues(summary, issues);
      options.onRecord?.(summary);
      if (options.signal?.aborted) break;
    }
    if (options.signal?.aborted) {
      summary.interrupted = true;
      await Promise.all(sinks.map((sink) => sink.discard()));
      return sortedSummary(summary);
    }
    for (const output of outputs) {
      if (!output.started && output.writer.requiresRecords) {
        options.logger?.warn({ format: output.writer.name }, `${output.writer.name}: no record could be written, so no ${output.writer.fileName} was written`);
        await output.sink.discard();
        continue;
      }
      await ensureStarted(output);
      await output.sink.write(output.session.end());
      await output.sink.commit();
    }
    for (const sink of sinks) if (!outputs.some((output) => output.sink === sink)) await sink.commit();
  } catch (error) {
    await Promise.all(sinks.map((sink) => sink.discard()));
    throw error;
  }
  const result = sortedSummary(summary);
  if (options.outDir) await writeFile(join(options.outDir, 'summary.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
