import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './shared.js';

/**
 * CLI tests run the built `dist/` as users do: build it once before the suite.
 * BIBPIPE_SKIP_BUILD=1 skips it when running unit tests on their own.
 */
export default function setup(): void {
  if (process.env.BIBPIPE_SKIP_BUILD === '1') return;
  // A clean dist/, as `npm run build` makes it: no file left over from an older build.
  rmSync(join(PROJECT_ROOT, 'dist'), { recursive: true, force: true });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  // The CLI and its worker as users get them: the bundles of `npm run build`.
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}
