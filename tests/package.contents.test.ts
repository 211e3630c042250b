import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/shared.js';

/** Other issues' documents that may be linked before they land on this branch. */
const PENDING = new Set(['docs/scale-out.md']);

describe('the npm package', () => {
  // What `npm pack` would put in the tarball (dist/ as the test setup built it).
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  const files = new Set(packed[0]!.files.map((file) => file.path));

  it('ships the licence, the CLI, the library types and the schemas', () => {
    for (const path of ['LICENSE', 'README.md', 'package.json', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'schemas/record.schema.json']) expect(files.has(path), path).toBe(true);
  });

  it('holds no source map (they would point at src/, which is not shipped) and no test or temp file', () => {
    for (const path of files) {
      expect(path, path).not.toMatch(/\.map$|^src\/|^tests\/|^\.tmp\/|\.tgz$/);
      if (path.endsWith('.js')) expect(readFileSync(join(PROJECT_ROOT, path), 'utf8'), path).not.toContain('sourceMappingURL');
    }
  });

  it('ships every file its README and docs link to', () => {
    for (const document of [...files].filter((path) => path.endsWith('.md'))) {
      const markdown = readFileSync(join(PROJECT_ROOT, document), 'utf8');
      for (const match of markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        const path = normalize(join(dirname(document), target));
        if (PENDING.has(path)) continue;
        const shipped = files.has(path) || [...files].some((file) => file.startsWith(`${path}/`));
        expect(shipped, `${document} links ${target}, which the package does not hold`).toBe(true);
      }
    }
  });
});
