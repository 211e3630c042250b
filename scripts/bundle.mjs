/**
 * Bundles the CLI and the worker thread with esbuild (after `tsc` wrote dist/ for the
 * library): dist/cli/main.js and dist/cli/worker.js, with the code they share and every
 * lazily imported command, reader, writer and reporter in chunks beside them. One file to
 * read and compile instead of ~340 ES modules resolved one by one, in the main thread and
 * again in every worker. No source maps are shipped.
 *
 * esbuild's metafile (which source modules each output file holds) is kept in
 * node_modules/.cache/bibpipe/ for tests/cli.start-up-loads-no-zod.test.ts, which checks what
 * the convert, validate, --help and rules paths load.
 *
 *   node scripts/bundle.mjs [--metafile FILE]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/**
 * zod/mini (src/zod-mini.ts, the schemas a convert run needs) gets a copy of zod's core of
 * its own. Shared with the classic API (config files, profiles, run state, merge), the core
 * and all of zod's locales land in one chunk that the classic API keeps whole: every convert
 * would load ~650 KB of zod for five small schemas. Its own copy is tree-shaken to what
 * zod/mini uses. Both copies keep zod's registry and config on globalThis, so metadata and
 * the locale are shared.
 */
const ZOD_MINI = 'zod-mini-copy';
const projectRoot = root.pathname;
const zodMiniCopy = {
  name: 'zod-mini-copy',
  setup(build) {
    build.onResolve({ filter: /^zod\/(mini|v4\/locales\/en\.js)$/ }, async (args) => {
      // build.resolve runs this callback again: the flag lets esbuild's own resolver answer it.
      if (args.namespace === ZOD_MINI || args.pluginData === ZOD_MINI) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: ZOD_MINI });
      // Paths relative to the project: they name the modules in the bundle's comments and metafile.
      return { path: relative(projectRoot, found.path), namespace: ZOD_MINI };
    });
    build.onResolve({ filter: /^\./, namespace: ZOD_MINI }, (args) => ({ path: relative(projectRoot, resolve(args.resolveDir, args.path)), namespace: ZOD_MINI }));
    build.onLoad({ filter: /.*/, namespace: ZOD_MINI }, (args) => {
      const file = resolve(projectRoot, args.path);
      return { contents: readFileSync(file, 'utf8'), loader: 'js', resolveDir: dirname(file) };
    });
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
  plugins: [inlineVersion, zodMiniCopy],
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __bibpipeRequire } from 'node:module'; const require = __bibpipeRequire(import.meta.url);" },
});

const BUNDLE_METAFILE = join(projectRoot, 'node_modules', '.cache', 'bibpipe', 'cli-bundle.meta.json');
mkdirSync(dirname(BUNDLE_METAFILE), { recursive: true });
writeFileSync(BUNDLE_METAFILE, JSON.stringify(result.metafile));
const metafileFlag = process.argv.indexOf('--metafile');
if (metafileFlag !== -1) writeFileSync(process.argv[metafileFlag + 1], JSON.stringify(result.metafile));
