import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { GENERATED_MODULE_PATH, renderBiblioSchemaModule, SOURCE_LABEL } from '../scripts/generate-biblio-schema.js';
import { BIBLIO_SCHEMA_DATA } from '../src/biblio-schema/index.js';
import { describeWithShared, sharedPath } from './helpers/shared.js';

describeWithShared('src/biblio-schema/data.ts', () => {
  const json: unknown = JSON.parse(readFileSync(sharedPath('data/vufind/biblio-fields.json'), 'utf8'));

  it('is what scripts/generate-biblio-schema.ts makes of biblio-fields.json (run it when this fails)', () => {
    expect(readFileSync(GENERATED_MODULE_PATH, 'utf8')).toBe(renderBiblioSchemaModule(json, SOURCE_LABEL));
  });

  it('holds the 101 fields, 17 dynamic patterns and 23 copyFields FORMATS.md describes', () => {
    expect(BIBLIO_SCHEMA_DATA.fields).toHaveLength(101);
    expect(BIBLIO_SCHEMA_DATA.dynamicFields).toHaveLength(17);
    expect(BIBLIO_SCHEMA_DATA.copyFields).toHaveLength(23);
  });
});
