import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemas, SCHEMA_DIR } from '../scripts/generate-schemas.js';

describe('schemas/*.json are generated from the zod schemas', () => {
  for (const [file, expected] of Object.entries(renderSchemas())) {
    it(`${file} is current (run npm run schemas after changing a schema)`, () => {
      expect(readFileSync(join(SCHEMA_DIR, file), 'utf8')).toBe(expected);
    });
  }
});
