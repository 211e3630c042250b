import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * The import-boundary rule of eslint.config.js, run on small sources placed (by name only) in
 * src/ folders: upward imports are reported, downward ones are not, and no folder of src/ is
 * left out of the layer table (a new folder would otherwise be unchecked).
 */
// eslint.config.js is plain JavaScript without types: imported by a computed name, typed here.
const CONFIG_FILE = '../eslint.config.js';
const { default: config, LAYERS } = (await import(CONFIG_FILE)) as { default: Linter.Config[]; LAYERS: Record<string, unknown> };
const layerEntries = config.filter((entry) => entry.rules?.['no-restricted-imports'] !== undefined);
const linter = new Linter({ configType: 'flat', cwd: PROJECT_ROOT });
const parserEntry: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } };

function boundaryErrors(file: string, specifier: string): string[] {
  const code = `import { thing } from '${specifier}';\nexport const used = thing;\n`;
  return linter.verify(code, [parserEntry, ...layerEntries], join(PROJECT_ROOT, file)).map((message) => message.message);
}

describe('the layers of src/ (import-boundary lint rule)', () => {
  it('has a row for every folder of src/', () => {
    const folders = readdirSync(join(PROJECT_ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((folder) => !(folder in LAYERS))).toEqual([]);
  });

  it.each([
    ['src/read/probe.ts', '../pipeline/engine.js'],
    ['src/read/staff-view/probe.ts', '../../write/csv.js'],
    ['src/read/probe.ts', '../sources/inputs.js'],
    ['src/model/probe.ts', '../read/types.js'],
    ['src/write/probe.ts', '../normalize/index.js'],
    ['src/pipeline/probe.ts', '../merge/merge.js'],
    ['src/pipeline/workers/probe.ts', '../../cli/program.js'],
    ['src/sources/probe.ts', '../index.js'],
    ['src/cli/probe.ts', '../pipeline/convert.js'],
  ])('reports %s importing %s', (file, specifier) => {
    const errors = boundaryErrors(file, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/layers import downwards only/);
  });

  it.each([
    ['src/read/probe.ts', '../model/record.js'],
    ['src/read/staff-view/probe.ts', '../types.js'],
    ['src/read/staff-view/probe.ts', '../../model/issue.js'],
    ['src/sources/probe.ts', '../read/index.js'],
    ['src/pipeline/probe.ts', '../sources/inputs.js'],
    ['src/pipeline/workers/probe.ts', '../../write/index.js'],
    ['src/merge/probe.ts', '../pipeline/counts.js'],
    ['src/cli/probe.ts', '../index.js'],
    ['src/cli/probe.ts', '../errors.js'],
    ['src/index.ts', './cli/program.js'],
  ])('lets %s import %s', (file, specifier) => {
    expect(boundaryErrors(file, specifier)).toEqual([]);
  });
});
