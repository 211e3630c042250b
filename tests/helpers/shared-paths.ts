import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project and its reference data are: no test-runner import, so bench scripts can use it too. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Reference data lives beside the project, never inside it. */
export const SHARED_DIR = process.env.BIBPIPE_SHARED_DIR ?? resolve(PROJECT_ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED_DIR, 'data'));
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}
