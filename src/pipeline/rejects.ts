import type { Issue } from '../model/issue.js';
import type { RawRecord } from '../model/raw-record.js';

/** One line of rejects.ndjson: everything needed to find, understand and fix the record. */
export function rejectLine(raw: RawRecord, issues: readonly Issue[]): string {
  const id = raw.fields.id;
  const line = {
    recordId: typeof id === 'string' ? id : undefined,
    format: raw.format,
    source: raw.source,
    issues,
    fields: raw.fields,
    rawText: raw.rawText,
  };
  return `${JSON.stringify(line)}\n`;
}
