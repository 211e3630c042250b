/**
 * Bundles the CLI and the worker thread with esbuild (after `tsc` wrote dist/ for the
 * library): dist/cli/main.js and dist/cli/worker.js, with the code they share and every
 * lazily imported command, reader, writer and reporter in chunks beside them. One file to
 * read and compile instead of ~340 ES modules resolved one by one, in the main thread and
 * again in every worker. No source maps are shipped.
 *
 *   node scripts/bundle.mjs [--metafile FILE]
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const outdir = new URL('dist/cli/', root).pathname;

// tsc's per-module CLI files are replaced by the bundle (the library keeps its own modules).
rmSync(outdir, { recursive: true, force: true });

/** The version is written into the bundle: no package.json to find and read at start. */
const inlineVersion = {
  name: 'inline-version',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({
      contents: `export const VERSION: string = ${JSON.stringify(version)};\n`,
      loader: 'ts',
    }));
  },
};

const result = await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/pipeline/workers/worker.ts' },
  absWorkingDir: root.pathname,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Chunks sit beside the entries: code that finds files by import.meta.url (the worker, schemas/) keeps its relative paths.
  chunkNames: '[name]-[hash]',
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [inlineVersion],
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __bibpipeRequire } from 'node:module'; const require = __bibpipeRequire(import.meta.url);" },
});

const metafileFlag = process.argv.indexOf('--metafile');
if (metafileFlag !== -1) writeFileSync(process.argv[metafileFlag + 1], JSON.stringify(result.metafile));
