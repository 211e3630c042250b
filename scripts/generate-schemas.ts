/**
 * Writes schemas/*.json (JSON Schema) from the zod schemas, the single source of truth.
 * Run `npm run schemas` after changing a schema; tests/schemas.current.test.ts fails when
 * the checked-in files are stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { IssueSchema } from '../src/model/issue.js';
import { RawRecordSchema } from '../src/model/raw-record.js';
import { BibRecordSchema } from '../src/model/record.js';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { RunStateSchema } from '../src/model/run-state.js';
import { BaselineSchema } from '../src/pipeline/baseline-schema.js';

const SCHEMAS: Record<string, { title: string; schema: z.ZodType }> = {
  'record.schema.json': { title: 'bibpipe normalized record', schema: BibRecordSchema },
  'raw-record.schema.json': { title: 'bibpipe raw record (reader output, rejects.ndjson fields)', schema: RawRecordSchema },
  'issue.schema.json': { title: 'bibpipe issue', schema: IssueSchema },
  'summary.schema.json': { title: 'bibpipe run summary (summary.json)', schema: RunSummarySchema },
  'baseline.schema.json': { title: 'bibpipe validation baseline (validate --write-baseline, --baseline)', schema: BaselineSchema },
  'run-state.schema.json': { title: 'bibpipe shard run state (run-state.json, read by bibpipe merge)', schema: RunStateSchema },
};

/** File name -> JSON text, exactly as checked in. */
export function renderSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { title, schema }] of Object.entries(SCHEMAS)) {
    const json = { title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) };
    out[file] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}

export const SCHEMA_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../schemas');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [file, text] of Object.entries(renderSchemas())) writeFileSync(join(SCHEMA_DIR, file), text);
  console.log(`wrote ${Object.keys(SCHEMAS).length} schemas to ${SCHEMA_DIR}`);
}
