import type { Issue, SourcePosition } from '../model/issue.js';
import { makeIssue } from '../model/rules.js';
import { MarcParseError, type MarcProblem } from './problems.js';

/**
 * MARC parser results as issues. Where the record sits in a file (a .mrc, a MARCXML or
 * MARC-in-JSON file), `recordStart` is its byte offset there and the issue's source points
 * at the problem's byte in the file; inside a Solr `fullrecord` the source is the Solr
 * document's and the message names the byte inside the value.
 */
export interface MarcSite {
  source: SourcePosition;
  recordId?: string | undefined;
  /** `fullrecord` for a Solr field; undefined for a MARC file. */
  field?: string | undefined;
  /** Byte offset of the record in its file, for MARC files. */
  recordStart?: number | undefined;
}

function where(site: MarcSite, offset: number): { source: SourcePosition; said: string } {
  if (site.recordStart === undefined) return { source: site.source, said: `at byte ${offset} of ${site.field ?? 'the record'}` };
  // The file offset is the source's alone: a shard run moves sources to the whole file's offsets, never message text.
  return { source: { ...site.source, byteOffset: site.recordStart + offset }, said: `at byte ${offset} of the record` };
}

function label(site: MarcSite): string {
  return site.recordId === undefined ? 'MARC record' : `MARC record ${JSON.stringify(site.recordId)}`;
}

export function marcProblemIssues(problems: readonly MarcProblem[], site: MarcSite): Issue[] {
  return problems.map((problem) => {
    const { source, said } = where(site, problem.offset);
    return makeIssue(problem.code, { message: `${label(site)}: ${problem.message} (${said})`, recordId: site.recordId, source, field: site.field });
  });
}

/** The issue of a record that cannot be parsed (`marc.unparsable`, an error: the record is rejected). */
export function unparsableIssue(error: unknown, site: MarcSite): Issue {
  if (!(error instanceof MarcParseError)) throw error;
  const { source, said } = where(site, error.offset);
  return makeIssue('marc.unparsable', {
    message: `${label(site)} cannot be parsed: ${error.reason} (${said})`,
    recordId: site.recordId,
    source,
    field: site.field,
    expected: 'an ISO 2709, MARCXML or MARC-in-JSON record',
  });
}
