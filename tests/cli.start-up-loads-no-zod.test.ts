import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * What the built CLI loads on its commonest paths, read structurally (no timing): each run
 * goes through a module-load hook that lists every file Node loads, and esbuild's metafile
 * (kept by scripts/bundle.mjs) says which source modules each bundle file holds. zod's
 * classic API (config files, profiles, baselines, shard run state, merge) must not be among
 * them: through index.ts it cost a 1-record convert most of its start-up (issue 18). The
 * built-in writers' options and MARC-in-JSON use zod/mini, bundled as a copy of its own
 * (`zod-mini-copy:` in the metafile), which is allowed.
 */
const METAFILE = join(PROJECT_ROOT, 'node_modules', '.cache', 'bibpipe', 'cli-bundle.meta.json');

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** Libraries of the stages: none is needed to print the version, the help or the rules. */
const STAGE_LIBRARIES = ['csv-parse', 'csv-stringify', 'saxes', 'stream-json', 'fast-xml-builder', 'fast-xml-parser', 'marcjs', 'pino', 'xxhash-wasm', 'tinyglobby'];

let work: string;
let record: string;

beforeAll(() => {
  work = temporaryDirectory('bibpipe-module-loads-');
  record = join(work, 'one.ndjson');
  writeFileSync(record, `${readFileSync(join(PROJECT_ROOT, 'samples', 'more-records.ndjson'), 'utf8').split('\n')[0]!}\n`);
  // The hooks run on a thread of their own; every thread (workers too, which inherit --import) appends to one list.
  writeFileSync(join(work, 'hooks.mjs'), [
    "import { appendFileSync } from 'node:fs';",
    'let list;',
    'export function initialize(data) { list = data.list; }',
    "export async function load(url, context, next) { appendFileSync(list, url + '\\n'); return next(url, context); }",
  ].join('\n'));
  writeFileSync(join(work, 'register.mjs'), [
    "import { register } from 'node:module';",
    `register(${JSON.stringify(pathToFileURL(join(work, 'hooks.mjs')).href)}, { data: { list: process.env.BIBPIPE_TEST_LOAD_LIST } });`,
  ].join('\n'));
});

/** The source modules (metafile input paths) of every bundle file a CLI run loaded. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const list = join(work, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = await runBibpipe(args, {
    cwd: work,
    env: { NODE_OPTIONS: `--import=${pathToFileURL(join(work, 'register.mjs')).href}`, BIBPIPE_TEST_LOAD_LIST: list },
  });
  expect(result.stderr).not.toMatch(/error/i);
  const meta = JSON.parse(readFileSync(METAFILE, 'utf8')) as Metafile;
  const bundleDir = pathToFileURL(join(PROJECT_ROOT, 'dist', 'cli')).href + '/';
  const files = readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith(bundleDir));
  // The hook saw the bundle: the entry and the command's chunks, each one the metafile knows.
  expect(files).toContain(`${bundleDir}main.js`);
  expect(files.length).toBeGreaterThan(3);
  return [...new Set(files.flatMap((url) => {
    const output = meta.outputs[`dist/cli/${url.slice(bundleDir.length)}`];
    expect(output, `${url} is not in the bundle's metafile (rebuild: npm run build)`).toBeDefined();
    return Object.keys(output!.inputs);
  }))];
}

/** Modules of zod's own copy (a node_modules that a link points elsewhere is named by its real path), not the zod/mini copy. */
const classicZod = (modules: readonly string[]): string[] => modules.filter((module) => !module.startsWith('zod-mini-copy:') && /(^|\/)node_modules\/zod\//.test(module));
const packagesOf = (modules: readonly string[]): Set<string> =>
  new Set(modules.flatMap((module) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1] ?? []));

describe('the CLI bundle loads zod only where zod is needed', () => {
  it('has a metafile from the build', () => {
    expect(existsSync(METAFILE), `${METAFILE} is written by scripts/bundle.mjs (npm run build)`).toBe(true);
  });

  it.each([
    ['convert, one thread', ['convert', 'one.ndjson', '--to', 'csv', '--out-dir', 'out-1', '--quiet']],
    ['convert, a worker thread', ['convert', 'one.ndjson', '--to', 'csv,jsonld,medline', '--out-dir', 'out-2', '--workers', '2', '--quiet']],
    ['validate', ['validate', 'one.ndjson', '--quiet']],
    ['stats', ['stats', 'one.ndjson', '--quiet']],
  ])('%s loads no module of zod\'s classic API, nor pino when nothing is logged', async (_name, args) => {
    const modules = await modulesLoadedBy(args);
    expect(modules).toContain('src/pipeline/engine.ts');
    if (args.includes('--workers')) expect(modules).toContain('src/pipeline/workers/worker.ts');
    expect(classicZod(modules)).toEqual([]);
    expect(packagesOf(modules).has('pino')).toBe(false);
  });

  it.each([
    ['--version', ['--version']],
    ['--help', ['--help']],
    ['rules', ['rules']],
    ['rules CODE', ['rules', 'doi.invalid']],
  ])('%s loads neither zod nor any stage\'s library', async (_name, args) => {
    const modules = await modulesLoadedBy(args);
    expect(classicZod(modules)).toEqual([]);
    expect([...packagesOf(modules)].filter((name) => STAGE_LIBRARIES.includes(name))).toEqual([]);
    // Nor the format registries or the engine (a shard spec's parser may use a reader's small helpers).
    expect(modules.filter((module) => ['src/read/index.ts', 'src/write/index.ts', 'src/pipeline/engine.ts'].includes(module))).toEqual([]);
  });

  it('a run with a config file does load it (the check sees what is loaded)', async () => {
    writeFileSync(join(work, 'bibpipe.config.json'), '{"rules": {}}');
    try {
      expect(classicZod(await modulesLoadedBy(['convert', 'one.ndjson', '--to', 'csv', '--out-dir', 'out-3', '--quiet'])).length).toBeGreaterThan(0);
    } finally {
      rmSync(join(work, 'bibpipe.config.json'));
    }
  });
});
