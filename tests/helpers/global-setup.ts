import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from './shared.js';

/**
 * CLI tests run the built `dist/` as users do: build it once before the suite.
 * BIBPIPE_SKIP_BUILD=1 skips it when running unit tests on their own.
 */
export default function setup(): void {
  if (process.env.BIBPIPE_SKIP_BUILD === '1') return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}
