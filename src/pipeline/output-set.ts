import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { AtomicBlockFile, AtomicFileSink, openExclusive, type OpenTemporaryFile, type Sink, type TemporaryFile } from './sinks.js';

/**
 * The files one run writes into its output directory, committed together or not at all:
 * each is written under an unpredictable temporary name (created exclusively, never through
 * a link) and only `commitAll` puts them in place. If any cannot be finished or renamed,
 * the ones already renamed are rolled back to the previous run's files. Files an earlier
 * run wrote there and this run does not (a `medline.xml` from a run that had PMIDs, when
 * this one has none) are removed, so that the directory never mixes two runs.
 */

/** The names the last commit put in place, so that the next run knows what to remove. */
export const MANIFEST_NAME = '.bibpipe-outputs.json';

interface Member {
  name: string;
  sink: TemporaryFile;
  /** `discard` was called: this run has no such file (an earlier one's is removed at commit). */
  dropped: boolean;
}

/** One file of the set: `commit` and `discard` only say what `commitAll` is to do with it. */
class MemberSink implements Sink {
  constructor(private readonly member: Member & { sink: AtomicFileSink }) {}
  write(text: string | Uint8Array): Promise<void> {
    return this.member.sink.write(text);
  }
  opened(): Promise<void> {
    return this.member.sink.opened();
  }
  async commit(): Promise<void> {
    this.member.dropped = false;
  }
  async discard(): Promise<void> {
    this.member.dropped = true;
    await this.member.sink.discard();
  }
}

function checkNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name === MANIFEST_NAME) {
      throw new UsageError(`"${name}" cannot be the name of an output file`);
    }
    if (seen.has(name)) throw new UsageError(`The output ${name} is asked for twice (a format given twice in --to?)`);
    seen.add(name);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Names of files an earlier commit put in this directory (plain names only). */
export async function previousNames(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    return [];
  }
  try {
    const names = JSON.parse(text) as unknown;
    if (!Array.isArray(names)) return [];
    return names.filter((name): name is string => typeof name === 'string' && name !== '' && !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..');
  } catch {
    return [];
  }
}

export class OutputSet {
  private readonly members = new Map<string, Member>();
  private settled = false;

  private constructor(readonly dir: string) {}

  /**
   * Opens a temporary file for each name in `dir` (which must exist). Rejects, with every
   * temporary file removed, when one cannot be created. With `blocks` the files are
   * written synchronously (AtomicBlockFile, for merge) and taken with `blockFile`.
   */
  static async open(dir: string, names: readonly string[], options: { openFile?: OpenTemporaryFile; blocks?: boolean } = {}): Promise<OutputSet> {
    checkNames(names);
    const set = new OutputSet(dir);
    try {
      for (const name of names) {
        const path = join(dir, name);
        set.members.set(name, { name, sink: options.blocks ? new AtomicBlockFile(path) : new AtomicFileSink(path, options.openFile ?? openExclusive), dropped: false });
      }
      await Promise.all([...set.members.values()].map((member) => (member.sink instanceof AtomicFileSink ? member.sink.opened() : undefined)));
    } catch (error) {
      await set.discardAll();
      throw error;
    }
    return set;
  }

  private member(name: string): Member {
    const member = this.members.get(name);
    if (member === undefined) throw new Error(`${name} is not one of this run's output files`);
    return member;
  }

  /** The sink of one of the names given to `open`. */
  file(name: string): Sink {
    const member = this.member(name);
    if (!(member.sink instanceof AtomicFileSink)) throw new Error(`${name} was opened for block writes`);
    return new MemberSink(member as Member & { sink: AtomicFileSink });
  }

  /** The synchronous file of one of the names given to `open` with `blocks`. */
  blockFile(name: string): AtomicBlockFile {
    const member = this.member(name);
    if (!(member.sink instanceof AtomicBlockFile)) throw new Error(`${name} was not opened for block writes`);
    return member.sink;
  }

  /** This run has no such file after all: an earlier run's is removed at commit. */
  async drop(name: string): Promise<void> {
    const member = this.member(name);
    member.dropped = true;
    await member.sink.discard();
  }

  /**
   * Puts every file that was not discarded in place, removes the files of earlier runs this
   * run did not write, or, when anything fails, leaves the directory as it was and rejects.
   */
  async commitAll(): Promise<void> {
    if (this.settled) throw new Error('this output set was already committed or discarded');
    this.settled = true;
    const kept = [...this.members.values()].filter((member) => !member.dropped);
    try {
      for (const member of kept) await member.sink.finish();
    } catch (error) {
      await this.discardMembers();
      throw error;
    }
    const previous = await previousNames(this.dir);
    const manifest = new AtomicFileSink(join(this.dir, MANIFEST_NAME));
    try {
      await manifest.write(`${JSON.stringify(kept.map((member) => member.name))}\n`);
      await manifest.finish();
    } catch (error) {
      await manifest.discard();
      await this.discardMembers();
      throw error;
    }

    // Old files are moved aside first, so that a failed rename can put everything back.
    const token = randomBytes(12).toString('hex');
    const aside: Array<{ path: string; backup: string }> = [];
    const placed: string[] = [];
    const keptNames = new Set(kept.map((member) => member.name));
    const stale = [...new Set([...previous, ...[...this.members.values()].filter((m) => m.dropped).map((m) => m.name)])].filter((name) => !keptNames.has(name));
    try {
      for (const name of [...keptNames, MANIFEST_NAME, ...stale]) {
        const path = join(this.dir, name);
        if (!(await exists(path))) continue;
        const backup = join(this.dir, `.${name}.${token}.previous`);
        await rename(path, backup);
        aside.push({ path, backup });
      }
      for (const member of kept) {
        await rename(member.sink.partialPath, member.sink.path);
        placed.push(member.sink.path);
      }
      await rename(manifest.partialPath, manifest.path);
    } catch (error) {
      for (const path of placed) await rm(path, { force: true }).catch(() => undefined);
      for (const { path, backup } of aside.reverse()) await rename(backup, path).catch(() => undefined);
      await manifest.discard();
      await this.discardMembers();
      throw error;
    }
    await manifest.discard();
    for (const member of kept) await member.sink.discard();
    for (const { backup } of aside) await rm(backup, { force: true }).catch(() => undefined);
  }

  /** Removes every temporary file; the directory stays as the previous run left it. Never fails. */
  async discardAll(): Promise<void> {
    this.settled = true;
    await this.discardMembers();
  }

  private async discardMembers(): Promise<void> {
    await Promise.all([...this.members.values()].map((member) => member.sink.discard()));
  }
}
