import { normalizedId } from '../text.js';
import { parseHttpUrl, parseIsbn, parseIssn, type Parsed } from '../identifiers/index.js';
import type { Issue, SourcePosition } from '../model/issue.js';
import type { RawRecord, RawValue } from '../model/raw-record.js';
import type { MarcRecord } from '../model/marc.js';
import { lookupLanguage } from '../vocab/languages.js';
import { compiledSchema, isPseudoField, UNIQUE_KEY, type FieldDefinition } from '../biblio-schema/index.js';
import { checkAuthorSort, checkCopyFields } from './copy-fields.js';
import { EXPECTED_BY_KIND, fitsKind } from './field-rules.js';
import type { Profile } from '../biblio-schema/profile.js';
import { makeIssue, type IssueCode } from '../model/rules.js';
import { characterFindings } from './characters.js';
import { marcFindings } from './marc.js';


export interface ValidateOptions {
  /** A site's local fields (see profiles/example-local-fields.json). */
  profile?: Profile;
}

const MAX_ACTUAL_CHARS = 200;
const MAX_ACTUAL_VALUES = 10;

function truncate(text: string): string {
  return text.length > MAX_ACTUAL_CHARS ? `${text.slice(0, MAX_ACTUAL_CHARS)}…` : text;
}

/** A value as an issue shows it: long text cut, long lists shortened. */
function shown(value: RawValue | readonly string[]): string | string[] {
  if (typeof value === 'string') return truncate(value);
  const head = value.slice(0, MAX_ACTUAL_VALUES).map(truncate);
  if (value.length > MAX_ACTUAL_VALUES) head.push(`… ${value.length - MAX_ACTUAL_VALUES} more`);
  return head;
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** Collects issues for one record with its id and source filled in. */
class IssueCollector {
  readonly issues: Issue[] = [];
  constructor(
    private readonly recordId: string | undefined,
    private readonly source: SourcePosition,
  ) {}

  add(code: IssueCode, field: string | undefined, message: string, actual?: RawValue | readonly string[], expected?: string): void {
    this.issues.push(
      makeIssue(code, {
        message,
        recordId: this.recordId,
        source: this.source,
        field,
        actual: actual === undefined ? undefined : shown(actual),
        expected,
      }),
    );
  }
}

/** Checks of one value of a named field, beyond its Solr type. */
type ValueCheck = (value: string, field: string, issues: IssueCollector) => void;

function identifierCheck(parse: (text: string) => Parsed, expected: string): ValueCheck {
  return (value, field, issues) => {
    const parsed = parse(value);
    if (!parsed.ok) issues.add(parsed.code, field, parsed.message, value, expected);
  };
}

function hasFourDigitYear(text: string): boolean {
  let run = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : -1;
    if (code >= 0x30 && code <= 0x39) run++;
    else if (run === 4) return true;
    else run = 0;
  }
  return false;
}

const VALUE_CHECKS: ReadonlyMap<string, ValueCheck> = new Map<string, ValueCheck>([
  ['isbn', identifierCheck(parseIsbn, 'an ISBN-10 or ISBN-13 with a valid check digit')],
  ['issn', identifierCheck(parseIssn, 'an ISSN NNNN-NNNC with a valid check digit')],
  ['url', identifierCheck(parseHttpUrl, 'an absolute http, https or ftp URL')],
  [
    'publishDate',
    (value, field, issues) => {
      if (!hasFourDigitYear(value)) issues.add('date.unparseable', field, `publishDate ${JSON.stringify(truncate(value))} has no 4-digit year`, value, 'a value with a year such as 2023');
    },
  ],
  [
    'language',
    (value, field, issues) => {
      if (lookupLanguage(value) === undefined) {
        issues.add('language.unknown', field, `Language ${JSON.stringify(truncate(value))} is not an ISO 639-2 name or code`, value, 'an ISO 639-2 language name such as English');
      }
    },
  ],
]);

function firstValue(value: RawValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value[0];
}

const TITLE_FIELDS = ['title', 'title_full', 'title_short'];

/**
 * Role lists run parallel to their author lists: VuFind indexes `""` for an author without
 * a relator, so an empty value there keeps a position and is not a missing value.
 */
const POSITIONAL_FIELDS = new Set(['author_role', 'author2_role', 'author_corporate_role']);

/**
 * Checks one raw record against the VuFind biblio schema (plus a local profile) and the
 * field rules. Returns issues with the rule catalogue's default severities; never throws
 * for bad data. Solr pseudo-fields (`score`, `[explain]`) are ignored.
 */
export function validateRecord(raw: RawRecord, options: ValidateOptions = {}): Issue[] {
  const schema = compiledSchema(options.profile);
  const solrId = firstValue(raw.fields[UNIQUE_KEY]);
  // A record read from a MARC file has no Solr fields: its id is its 001, as VuFind indexes it.
  const id = solrId ?? (raw.marc ? marcControlNumber(raw.marc) : undefined);
  const written = id === undefined ? '' : normalizedId(id);
  const issues = new IssueCollector(written !== '' ? written : undefined, raw.source);
  if (written === '') {
    issues.add('id.missing', UNIQUE_KEY, `The record has no ${UNIQUE_KEY} (the Solr unique key)`, raw.fields[UNIQUE_KEY]);
  } else if (solrId !== undefined && written !== solrId) {
    issues.add('id.normalized', UNIQUE_KEY, `The id ${JSON.stringify(truncate(solrId))} is written as "${truncate(written)}": white space around it and invisible format characters are removed`, solrId, truncate(written));
  }
  for (const [name, value] of Object.entries(raw.fields)) {
    if (isPseudoField(name)) continue;
    for (const finding of characterFindings(name, value)) issues.add(finding.code, finding.field, finding.message);
    const definition = schema.resolve(name);
    if (definition === undefined) {
      issues.add('field.unknown', name, `Field ${JSON.stringify(truncate(name))} is neither a field nor a dynamic-field pattern of the biblio schema${options.profile ? ' or the profile' : ''}`, value);
      continue;
    }
    checkField(name, value, definition, issues);
  }
  for (const mismatch of checkCopyFields(raw.fields)) {
    issues.add('copy-field.inconsistent', mismatch.field, mismatch.message, mismatch.actual, `the values of ${mismatch.sources.join(' + ')}`);
  }
  const authorSort = checkAuthorSort(raw.fields);
  if (authorSort !== undefined) {
    issues.add('copy-field.inconsistent', authorSort.field, authorSort.message, authorSort.actual, 'the first author, dates and punctuation aside');
  }
  const marcTitle = raw.marc?.fields.some((field) => field.tag === '245') ?? false;
  if (!marcTitle && !TITLE_FIELDS.some((field) => raw.fields[field] !== undefined && !isBlankValue(raw.fields[field]))) {
    issues.add('title.missing', 'title', 'The record has no title');
  }
  if (raw.marc) {
    for (const finding of marcFindings(raw.marc, solrId !== undefined && !isBlank(solrId) ? solrId : undefined)) {
      issues.add(finding.code, finding.field, finding.message, finding.actual);
    }
  }
  return issues.issues;
}

function marcControlNumber(marc: MarcRecord): string | undefined {
  const field = marc.fields.find((candidate) => candidate.tag === '001');
  return field && 'value' in field ? field.value.trim() : undefined;
}

function isBlankValue(value: RawValue | undefined): boolean {
  if (value === undefined) return true;
  return typeof value === 'string' ? isBlank(value) : value.every(isBlank);
}

function checkField(name: string, value: RawValue, definition: FieldDefinition, issues: IssueCollector): void {
  if (!definition.stored) {
    issues.add('field.not-stored', name, `Field ${name} is not stored in the schema, so no Solr response can hold it`, value, 'only stored fields');
  }
  const values = typeof value === 'string' ? [value] : value;
  const blanks = values.reduce((count, text) => count + (isBlank(text) ? 1 : 0), 0);
  const placeholdersAllowed = POSITIONAL_FIELDS.has(name) && values.length > 0;
  if (values.length === 0 || (blanks > 0 && !placeholdersAllowed)) {
    const detail = values.length <= 1 ? 'is empty' : `has ${blanks} empty value${blanks > 1 ? 's' : ''} of ${values.length}`;
    issues.add('field.empty', name, `Field ${name} ${detail}`, value);
  }
  if (!definition.multiValued && values.length > 1) {
    issues.add('field.multi-valued-single', name, `Field ${name} is single-valued but has ${values.length} values`, value, 'one value');
  }
  const check = VALUE_CHECKS.get(name);
  for (const text of values) {
    if (isBlank(text)) continue;
    if (!fitsKind(definition.kind, text)) {
      issues.add('field.type', name, `Field ${name} (${definition.type}) has ${JSON.stringify(truncate(text))}, which is not ${EXPECTED_BY_KIND[definition.kind]}`, text, EXPECTED_BY_KIND[definition.kind]);
    }
    check?.(text, name, issues);
  }
}
