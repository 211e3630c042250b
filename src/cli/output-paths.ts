import { open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
};

/**
 * Checks, before a run, that a report or baseline file can be written: its folder exists (no
 * folders are made: a typo in the path must not pass unnoticed) and the file can be opened
 * for writing. A file that did not exist is removed again. Throws a UsageError naming the
 * file and the reason.
 */
export async function checkWritable(file: string, what: string): Promise<void> {
  const folder = dirname(file);
  const fail = (reason: string): never => {
    throw new UsageError(`cannot write the ${what} ${file}: ${reason}`);
  };
  const folderStat = await stat(folder).catch(() => undefined);
  if (folderStat === undefined) fail(`the folder ${folder} does not exist`);
  if (!folderStat!.isDirectory()) fail(`${folder} is not a folder`);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory() === true) fail('it is a folder');
  try {
    await tryOpening(file, existing !== undefined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    fail(REASONS[code] ?? `${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Opens the file for writing and closes it; one that did not exist is made exclusively and
 * removed again. Another job checking the same path at the same moment (jobs started
 * together) may make it between our look and our open: EEXIST then means "exists", and the
 * file is tried as an existing one.
 */
async function tryOpening(file: string, existed: boolean): Promise<void> {
  if (!existed) {
    try {
      const handle = await open(file, 'wx');
      await handle.close();
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const handle = await open(file, 'r+').catch((error: NodeJS.ErrnoException) => {
    // Made and removed again by the other job's check: nothing is in the way.
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  await handle?.close();
}
