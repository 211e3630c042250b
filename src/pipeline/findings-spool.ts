import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issue, Severity } from '../model/issue.js';
import { holdTemporaryDirectory, releaseTemporaryDirectory } from '../atomic-file.js';
import { ruleGroups, SEVERITY_RANK, worseOf, type FindingsSource, type Placed, type RuleGroup } from './findings.js';
import type { PassedRecord } from './workers/batch-work.js';

/** Appends are gathered to this size before a write; reads take this much at a time. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * A temporary file of JSON lines, appended to and read back by byte offset. Synchronous on
 * purpose: reports are assembled after the run, on the one thread, a block at a time.
 */
class LineFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Bytes written and pending: the offset of the next line. */
  size = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx+', 0o600);
  }

  append(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    this.pending.push(line);
    this.pendingBytes += bytes;
    this.size += bytes;
    this.lines++;
    if (this.pendingBytes >= BLOCK_BYTES) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingBytes = 0;
    const bytes = Buffer.from(text);
    // Positional reads leave the file position alone: writes go on where the last one ended.
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
  }

  /** Lines between two offsets, each with its own offsets. */
  *read(from = 0, to = Number.POSITIVE_INFINITY): Iterable<Placed<string>> {
    this.flush();
    const end = Math.min(to, this.size);
    let buffer = Buffer.alloc(BLOCK_BYTES);
    let held = 0;
    let position = from;
    let lineStart = from;
    while (position < end) {
      if (held === buffer.length) {
        const grown = Buffer.alloc(buffer.length * 2);
        buffer.copy(grown, 0, 0, held);
        buffer = grown;
      }
      const got = readSync(this.fd, buffer, held, Math.min(buffer.length - held, end - position), position);
      if (got === 0) break;
      position += got;
      held += got;
      let start = 0;
      for (let newline = buffer.indexOf(10, start); newline !== -1 && newline < held; newline = buffer.indexOf(10, start)) {
        yield { value: buffer.toString('utf8', start, newline), at: lineStart, next: lineStart + newline - start + 1 };
        lineStart += newline - start + 1;
        start = newline + 1;
      }
      buffer.copy(buffer, 0, start, held);
      held -= start;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function* parsed<T>(lines: Iterable<Placed<string>>, keep: (value: T) => boolean): Iterable<Placed<T>> {
  for (const line of lines) {
    const value = JSON.parse(line.value) as T;
    if (keep(value)) yield { value, at: line.at, next: line.next };
  }
}

/**
 * Validate's findings in a temporary directory (`bibpipe-findings-*` under the system's
 * temporary directory): every kept issue and every listed record without findings as a
 * JSON line, in input order. Memory holds one block per file, whatever the number of
 * findings. The directory is removed by `dispose()`, and by the CLI's forced exit on a
 * signal (`removePartialFilesNow`).
 */
export class SpooledFindings implements FindingsSource {
  private readonly directory: string;
  private readonly issueFile: LineFile;
  private readonly passedFile: LineFile | undefined;
  private buckets = 0;
  private readonly opened: LineFile[] = [];

  constructor(listPassed: boolean) {
    this.directory = mkdtempSync(join(tmpdir(), 'bibpipe-findings-'));
    holdTemporaryDirectory(this.directory);
    this.issueFile = this.open('issues.ndjson');
    this.passedFile = listPassed ? this.open('passed.ndjson') : undefined;
  }

  private open(name: string): LineFile {
    const file = new LineFile(join(this.directory, name));
    this.opened.push(file);
    return file;
  }

  addIssue(issue: Issue): void {
    this.issueFile.append(JSON.stringify(issue));
  }

  addPassed(record: PassedRecord): void {
    this.passedFile?.append(JSON.stringify(record));
  }

  get issueCount(): number {
    return this.issueFile.lines;
  }

  get listsPassed(): boolean {
    return this.passedFile !== undefined;
  }

  issues(from?: number, to?: number): Iterable<Placed<Issue>> {
    return parsed<Issue>(this.issueFile.read(from, to), () => true);
  }

  passed(from?: number, to?: number): Iterable<Placed<PassedRecord>> {
    return this.passedFile === undefined ? [] : parsed<PassedRecord>(this.passedFile.read(from, to), () => true);
  }

  byRule(): Iterable<RuleGroup> {
    return bucketByRule(this.issues(), (name) => this.open(`${name}-${++this.buckets}.ndjson`));
  }

  atLeast(minimum: Severity | undefined): FindingsSource {
    if (minimum === undefined || minimum === 'info') return this;
    return new SeverityFilter(this, minimum, (name) => this.open(`${name}-${++this.buckets}.ndjson`));
  }

  /** Closes and removes the files. Never fails. */
  dispose(): void {
    for (const file of this.opened) {
      try {
        file.close();
      } catch {
        // already closed
      }
    }
    this.opened.length = 0;
    rmSync(this.directory, { recursive: true, force: true });
    releaseTemporaryDirectory(this.directory);
  }
}

/** One pass over the issues into a file per rule (the text report's grouping), with the tallies. */
function bucketByRule(issues: Iterable<Placed<Issue>>, open: (name: string) => LineFile): RuleGroup[] {
  const files = new Map<string, LineFile>();
  const tallies = new Map<string, { count: number; worst: Severity }>();
  for (const { value: issue } of issues) {
    let file = files.get(issue.code);
    if (file === undefined) {
      file = open('rule');
      files.set(issue.code, file);
    }
    file.append(JSON.stringify(issue));
    const tally = tallies.get(issue.code);
    if (tally) {
      tally.count++;
      tally.worst = worseOf(tally.worst, issue.severity);
    } else tallies.set(issue.code, { count: 1, worst: issue.severity });
  }
  return ruleGroups(tallies, (code) => {
    const file = files.get(code)!;
    return (function* () {
      for (const { value } of parsed<Issue>(file.read(), () => true)) yield value;
    })();
  });
}

/** Spooled findings of one severity or worse: a filter at read time (the files hold all). */
class SeverityFilter implements FindingsSource {
  private count: number | undefined;

  constructor(
    private readonly all: SpooledFindings,
    private readonly minimum: Severity,
    private readonly open: (name: string) => LineFile,
  ) {}

  private readonly keep = (issue: Issue): boolean => SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[this.minimum];

  get issueCount(): number {
    if (this.count === undefined) {
      this.count = 0;
      for (const _ of this.issues()) this.count++;
    }
    return this.count;
  }

  get listsPassed(): boolean {
    return this.all.listsPassed;
  }

  *issues(from?: number, to?: number): Iterable<Placed<Issue>> {
    for (const entry of this.all.issues(from, to)) if (this.keep(entry.value)) yield entry;
  }

  passed(from?: number, to?: number): Iterable<Placed<PassedRecord>> {
    return this.all.passed(from, to);
  }

  byRule(): Iterable<RuleGroup> {
    return bucketByRule(this.issues(), this.open);
  }

  atLeast(minimum: Severity | undefined): FindingsSource {
    return minimum === undefined || SEVERITY_RANK[minimum] <= SEVERITY_RANK[this.minimum] ? this : this.all.atLeast(minimum);
  }
}
