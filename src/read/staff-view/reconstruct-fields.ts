import type { Issue, SourcePosition } from '../../model/issue.js';
import type { RawValue } from '../../model/raw-record.js';
import { makeIssue } from '../../model/rules.js';
import { capFieldLength, capValueCount } from '../limits.js';
import type { ReadLimits } from '../types.js';
import { isMultiValuedField } from './field-schema.js';
import type { TableRow } from './page-assembler.js';
import { splitAuthorNames, type AuthorSplit } from './unflatten-authors.js';
import {
  FORMAT_VOCABULARY, LANGUAGE_VOCABULARY, splitByCopySources, splitKeepingQualifiers, splitOnWhitespace, type CopySource, type PhraseVocabulary,
} from './unflatten-values.js';
import { splitWorkKeys } from './work-keys.js';
import { leadingPublicationTypes } from '../../vocab/publication-types.js';

/**
 * Turns staff-table rows into Solr fields: single-valued cells as strings, multi-valued
 * cells split back into their values (see FORMATS.md 1.1, "Undoing the flattening").
 */

export interface AuthorCounts {
  /** Main authors counted in the core table (`| , , , |` = 4). */
  author?: number | undefined;
  /** Other authors counted in the core table. */
  author2?: number | undefined;
}

interface Cell {
  row: TableRow;
  /** The cell as one string (lines joined by a newline). */
  text: string;
}

/** Fields whose values hold no spaces, so whitespace separates them. */
const WHITESPACE_FIELDS = new Set(['url', 'publishDate', 'oclc_num', 'ctrlnum', 'hierarchy_top_id', 'hierarchy_parent_id']);
/** Identifiers that may carry a parenthesized qualifier (`(pbk.)`). */
const QUALIFIED_FIELDS = new Set(['isbn', 'issn']);
const VOCABULARY_FIELDS = new Map<string, PhraseVocabulary>([['format', FORMAT_VOCABULARY], ['language', LANGUAGE_VOCABULARY]]);
const AUTHOR_FIELDS = ['author', 'author2', 'author_facet'] as const;
const SHINGLE_SOURCES = ['author', 'title', 'contents', 'series', 'topic'] as const;
const SUBJECT_FIELDS = new Set(['topic', 'genre', 'geographic', 'era']);
/** Role lists run parallel to their author lists; relator codes are single words. */
const ROLE_FIELDS = new Map([['author_role', 'author'], ['author2_role', 'author2'], ['author_corporate_role', 'author_corporate']]);
/** Alternatives named per ambiguity issue: enough to act on, small enough to read. */
const MAX_REPORTED_GAPS = 5;

export interface ReconstructContext {
  source: SourcePosition;
  limits: ReadLimits;
  counts: AuthorCounts;
}

// eslint-disable-next-line max-lines-per-function -- one label-to-field mapping of the Staff View table, a case per group of labels
export function reconstructFields(rows: readonly TableRow[], context: ReconstructContext): { fields: Record<string, RawValue>; issues: Issue[] } {
  const issues: Issue[] = [];
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    if (!cells.has(row.label)) cells.set(row.label, { row, text: capLength(row.lines.join('\n'), row, context, issues) });
  }
  const recordId = cells.get('id')?.text;
  for (const issue of issues) if (recordId !== undefined) issue.recordId = recordId;
  const issueAt = (row: TableRow): SourcePosition => ({ ...context.source, line: row.line });

  // No prototype (here and below): a row named `__proto__` stays a field.
  const fields: Record<string, RawValue> = Object.create(null) as Record<string, RawValue>;
  const splitLater: string[] = [];
  for (const [name, cell] of cells) {
    if (!isMultiValuedField(name)) fields[name] = cell.text;
    else if (cell.row.lines.length > 1) fields[name] = cell.row.lines.filter((line) => line.length > 0);
    else splitLater.push(name);
  }

  const pending = new Set(splitLater);
  const flattenedOf = (name: string): string | undefined => (pending.has(name) ? cells.get(name)?.text : undefined);

  const workKeys = splitWorkKeys(flattenedOf('work_keys_str_mv') ?? '');
  if (pending.has('work_keys_str_mv')) fields.work_keys_str_mv = workKeys.keys;
  const authorKeys = new Set(workKeys.authorKeys);

  const splits = new Map<string, AuthorSplit>();
  for (const name of AUTHOR_FIELDS) {
    const flattened = flattenedOf(name);
    if (flattened === undefined) continue;
    if (name === 'author_facet') {
      const composed = composeFacet(cells, fields, splits, flattened);
      if (composed !== undefined) {
        fields[name] = composed;
        continue;
      }
    }
    const firstAuthor = name === 'author' && typeof fields.author_sort === 'string' ? fields.author_sort : undefined;
    const expected = name === 'author' ? context.counts.author : name === 'author2' ? context.counts.author2 : undefined;
    const split = splitAuthorNames(flattened, { authorKeys, firstAuthor, expectedCount: expected });
    splits.set(name, split);
    fields[name] = split.names;
    const row = (cells.get(name) as Cell).row;
    reportAmbiguity(name, split, issueAt(row), recordId, issues);
    if (expected !== undefined && expected !== split.names.length) {
      issues.push(makeIssue('author.count-mismatch', {
        message: `Field "${name}": the core table shows ${expected} author(s) but ${split.names.length} name(s) were reconstructed`,
        recordId, source: issueAt(row), field: name, actual: split.names, expected: `${expected} names`,
      }));
    }
  }

  // spellingShingle last: it is cut apart with the values of its sources.
  const splitOrder = [...pending].sort((a, b) => Number(a === 'spellingShingle') - Number(b === 'spellingShingle'));
  for (const name of splitOrder) {
    if (fields[name] !== undefined) continue;
    const cell = cells.get(name) as Cell;
    const vocabulary = VOCABULARY_FIELDS.get(name);
    if (WHITESPACE_FIELDS.has(name)) {
      fields[name] = splitOnWhitespace(cell.text);
    } else if (QUALIFIED_FIELDS.has(name)) {
      fields[name] = splitKeepingQualifiers(cell.text);
    } else if (vocabulary !== undefined) {
      const split = vocabulary.split(cell.text);
      fields[name] = split.values;
      if (split.unknown.length > 0) {
        issues.push(makeIssue('value.split-ambiguous', {
          message: `Field "${name}": ${split.unknown.map((value) => `"${value}"`).join(', ')} matched no known ${name} value; kept as found`,
          recordId, source: issueAt(cell.row), field: name, actual: split.unknown,
        }));
      }
    } else if (name === 'spellingShingle') {
      const sources: CopySource[] = SHINGLE_SOURCES.flatMap((source) => {
        const value = fields[source];
        const sourceCell = cells.get(source);
        if (value === undefined || sourceCell === undefined) return [];
        return [{ flattened: sourceCell.text, values: typeof value === 'string' ? [value] : value }];
      });
      fields[name] = splitByCopySources(cell.text, sources).values;
    } else if (ROLE_FIELDS.has(name)) {
      const names = fields[ROLE_FIELDS.get(name) as string];
      const count = names === undefined ? 0 : typeof names === 'string' ? 1 : names.length;
      const roles = splitOnWhitespace(cell.text);
      // Empty roles vanish from a flattened cell: only a full set can be placed.
      fields[name] = roles.length === count ? roles : [];
      if (roles.length > 0 && roles.length !== count) {
        issues.push(makeIssue('value.split-ambiguous', {
          message: `Field "${name}": ${roles.length} role(s) for ${count} name(s); empty roles vanish from a flattened cell, so no role can be placed and none is kept`,
          recordId, source: issueAt(cell.row), field: name, actual: roles,
        }));
      }
    } else if (SUBJECT_FIELDS.has(name)) {
      fields[name] = splitSubjectCell(name, cell.text, cells.get('record_format')?.text);
      const flattened = (fields[name] as string[]).at(-1);
      if (flattened !== undefined && flattened.includes(' ')) {
        issues.push(makeIssue('subject.flattened', {
          message: `Field "${name}": "${flattened.length > 80 ? `${flattened.slice(0, 80)}…` : flattened}" may hold several headings; nothing on the page says where one ends, so it is kept as the flattened text`,
          recordId, source: issueAt(cell.row), field: name, actual: flattened,
        }));
      }
    } else {
      fields[name] = cell.text.length > 0 ? [cell.text] : [];
    }
  }

  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      const row = (cells.get(name) as Cell).row;
      fields[name] = capValueCount(value, { field: name, recordId, source: issueAt(row) }, context.limits, issues);
    }
  }
  // Keep the staff table's field order: deterministic output that reads like the page.
  const ordered: Record<string, RawValue> = Object.create(null) as Record<string, RawValue>;
  for (const name of cells.keys()) {
    const value = fields[name];
    if (value !== undefined) ordered[name] = value;
  }
  return { fields: ordered, issues };
}

/**
 * A flattened subject cell. The first heading of a PubMed-harvest article (not MARC) is its
 * publication type, which may be several words (`Systematic Review`, `Case Report`): each
 * known type at the start (longest first) is its own value. The rest stays as the flattened text.
 */
function splitSubjectCell(name: string, text: string, recordFormat: string | undefined): string[] {
  if (text.length === 0) return [];
  if (name !== 'topic' || (recordFormat ?? '').trim().toLowerCase() === 'marc') return [text];
  const { types, rest } = leadingPublicationTypes(text);
  return rest === '' ? (types.length > 1 ? types : [text]) : [...types, rest];
}

function capLength(text: string, row: TableRow, context: ReconstructContext, issues: Issue[]): string {
  return capFieldLength(text, { field: row.label, source: { ...context.source, line: row.line } }, context.limits, issues);
}

/** `author_facet` is a copy of author + author2 + author_corporate: reuse their splits when it matches. */
function composeFacet(cells: Map<string, Cell>, fields: Record<string, RawValue>, splits: Map<string, AuthorSplit>, flattened: string): string[] | undefined {
  const parts: string[] = [];
  const values: string[] = [];
  for (const source of ['author', 'author2', 'author_corporate']) {
    const cell = cells.get(source);
    if (cell === undefined || cell.text.length === 0) continue;
    parts.push(cell.text);
    const value = source === 'author_corporate' ? fields[source] ?? [cell.text] : splits.get(source)?.names ?? fields[source];
    if (value === undefined) return undefined;
    values.push(...(typeof value === 'string' ? [value] : value));
  }
  return parts.length > 0 && parts.join(' ') === flattened ? values : undefined;
}

function reportAmbiguity(field: string, split: AuthorSplit, source: SourcePosition, recordId: string | undefined, issues: Issue[]): void {
  if (split.ambiguous.length === 0) return;
  const shown = split.ambiguous.slice(0, MAX_REPORTED_GAPS);
  const describe = (pair: readonly [string, string]): string => `"${pair[0]}" + "${pair[1]}"`;
  const parts = shown.map((gap) => `${describe(gap.chosen)} (or ${gap.alternatives.map(describe).join(', or ')})`);
  const more = split.ambiguous.length > shown.length ? `, and ${split.ambiguous.length - shown.length} more` : '';
  issues.push(makeIssue('author.split-ambiguous', {
    message: `Field "${field}": name boundaries not decided by evidence; chose ${parts.join('; ')}${more}`,
    recordId, source, field,
    actual: shown.map((gap) => ({ chosen: gap.chosen, alternatives: gap.alternatives, margin: gap.margin })),
  }));
}
