import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/shared.js';

/**
 * What docs/scale-out.md says merge guarantees and refuses is proven by the tests it names:
 * every test file named in that section exists and is a test, and every merge test of the
 * suite is named there (a new one is documented with its guarantee).
 */
describe('the merge guarantees in the docs are the tests', () => {
  const markdown = readFileSync(join(PROJECT_ROOT, 'docs/scale-out.md'), 'utf8');
  const section = markdown.slice(markdown.indexOf('## What `merge` guarantees, and what it refuses'));
  const named = [...section.matchAll(/`(tests\/[\w.-]+\.test\.ts)`/g)].map((match) => match[1]!);

  it('names test files that exist', () => {
    expect(named.length).toBeGreaterThan(5);
    for (const file of named) expect(existsSync(join(PROJECT_ROOT, file)), file).toBe(true);
  });

  it('names every merge test of the suite', () => {
    const mergeTests = readdirSync(join(PROJECT_ROOT, 'tests')).filter((name) => name.startsWith('merge.') && name.endsWith('.test.ts')).map((name) => `tests/${name}`);
    expect(mergeTests.filter((file) => !named.includes(file))).toEqual([]);
  });

  it('docs/errors.md points at that section', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs/errors.md'), 'utf8')).toContain('scale-out.md#what-merge-guarantees-and-what-it-refuses');
  });
});
