import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created = new Set<string>();

/**
 * A fresh directory under the system temp folder, removed after the test file that made it
 * (tests/helpers/temp-cleanup.ts runs removeTemporaryDirectories in an afterAll hook for every
 * file). Every test that writes to the temp folder goes through this.
 */
export function temporaryDirectory(prefix = 'bibpipe-test-'): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  created.add(directory);
  return directory;
}

/** Removes every directory temporaryDirectory made in this test file. */
export function removeTemporaryDirectories(): void {
  for (const directory of created) {
    rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
    created.delete(directory);
  }
}
