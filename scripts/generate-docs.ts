/**
 * Writes every generated document (see scripts/docs/generated.ts). Run: npm run docs
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DOCUMENTS } from './docs/generated.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

for (const document of GENERATED_DOCUMENTS) {
  const path = join(root, document.path);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const updated = await document.render(current, root);
  if (updated !== current) writeFileSync(path, updated);
  process.stdout.write(`${document.path}: ${updated === current ? 'up to date' : 'written'}\n`);
}
