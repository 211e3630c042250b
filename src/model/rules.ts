import type { Issue, Severity, SourcePosition } from './issue.js';

/**
 * The rule catalogue: every issue code bibpipe can emit, with its default severity.
 * Codes are stable `area.problem` strings; users change severities in their config.
 * The README's rule table is generated from this list (a test fails when they drift).
 *
 * Severity policy: `error` means the record cannot be trusted as a whole (it is rejected
 * by `convert` and fails `validate`); `warning` means a value was dropped or doubted but
 * the record still converts; `info` is for facts worth knowing (inferences, skips).
 */
export interface Rule {
  readonly severity: Severity;
  readonly description: string;
  /** A value that triggers the rule. */
  readonly example: string;
}

export const RULES = {
  // reading
  'read.malformed': { severity: 'error', description: 'The record\'s text cannot be parsed in its input format (bad JSON, broken XML, a cut-off Staff View table).', example: '{"id": "a", "title": ' },
  'read.invalid-utf8': { severity: 'error', description: 'The input holds bytes that are not valid UTF-8; the record cannot be read faithfully.', example: 'bytes C3 28' },
  'read.not-a-record': { severity: 'error', description: 'A value where a Solr document (a JSON object) was expected.', example: '"docs": [42]' },
  'read.unsupported-input': { severity: 'error', description: 'The input is not in any format bibpipe reads (binary data, an unknown layout).', example: 'a PNG file' },
  'read.limit-exceeded': { severity: 'error', description: 'A record, field or author list is larger than the configured limits.', example: 'a 100 MB field' },
  'read.entity-declaration': { severity: 'error', description: 'XML input declares a DOCTYPE or entities; bibpipe never expands them.', example: '<!DOCTYPE x [<!ENTITY a "...">]>' },
  'read.unreadable': { severity: 'error', description: 'A folder of the input (found by walking a folder or a pattern) cannot be listed, permission denied for one; its files are not read. It counts as one rejected input naming the folder, and the run reads the rest.', example: 'a subfolder with mode 000' },
  'read.source-failed': { severity: 'error', description: 'A live source (a Solr index over HTTP) refused the request or kept failing after retries; records read before stay, and `--resume` continues from the last saved cursor.', example: 'HTTP 503 six times in a row' },
  // schema
  'id.missing': { severity: 'error', description: 'The record has no `id` (the Solr unique key).', example: '{"title": "No id"}' },
  'id.duplicate': { severity: 'error', description: 'Two records in the run share an `id`; Solr would silently keep only the last.', example: 'id "123" twice' },
  'field.unknown': { severity: 'warning', description: 'A field that is neither a field nor a dynamic-field pattern of the VuFind biblio schema (or the local profile).', example: 'titel' },
  'field.multi-valued-single': { severity: 'error', description: 'Several values given for a single-valued field.', example: '"title": ["A", "B"]' },
  'field.type': { severity: 'error', description: 'A value that does not fit the field\'s Solr type (a non-integer `long`, a `date` that is not an ISO-8601 instant, a non-boolean `boolean`).', example: '"first_indexed": "yesterday"' },
  'field.empty': { severity: 'info', description: 'A field present with an empty value.', example: '"publisher": ""' },
  'field.not-stored': { severity: 'info', description: 'A field the schema does not store appears in the record (it cannot come from a real Solr response).', example: 'allfields' },
  'copy-field.inconsistent': { severity: 'warning', description: 'A copyField target disagrees with its sources (`title_fullStr` vs `title_full`, `author_facet` vs authors, `author_sort` vs first author).', example: 'title_fullStr "A" but title_full "B"' },
  'title.missing': { severity: 'warning', description: 'The record has no title.', example: '{"id": "1"}' },
  // identifiers
  'doi.invalid': { severity: 'warning', description: 'A DOI that does not have the form `10.<registrant>/<suffix>`; it is dropped.', example: '10.abc' },
  'pmid.invalid': { severity: 'warning', description: 'A PMID that is not 1 to 8 digits; it is dropped.', example: 'PMID123456789' },
  'pmcid.invalid': { severity: 'warning', description: 'A PMCID that is not `PMC` followed by digits; it is dropped.', example: 'PMCX1' },
  'isbn.invalid': { severity: 'warning', description: 'An ISBN that is not 10 or 13 characters of the right shape; it is dropped.', example: '12345' },
  'isbn.checksum': { severity: 'warning', description: 'An ISBN whose check digit is wrong; it is dropped.', example: '9780306406150' },
  'issn.invalid': { severity: 'warning', description: 'An ISSN that is not NNNN-NNNC; it is dropped.', example: '12345' },
  'issn.checksum': { severity: 'warning', description: 'An ISSN whose check digit is wrong; it is dropped.', example: '0378-5956' },
  'identifier.conflict': { severity: 'warning', description: 'Two different values of one identifier (e.g. two DOIs) in one record; the first is kept.', example: 'two different PMIDs in url' },
  'url.invalid': { severity: 'warning', description: 'A URL that is not an absolute http(s)/ftp URL; it is dropped.', example: 'www.example.org/x' },
  'date.unparseable': { severity: 'warning', description: 'A publication date with no recognisable year.', example: 'n.d.' },
  'language.unknown': { severity: 'warning', description: 'A language name not found in ISO 639-2; it is kept as text without codes.', example: 'Elvish' },
  // reconstruction of flattened Staff View values
  'author.split-ambiguous': { severity: 'warning', description: 'A flattened author list could be split more than one way and the evidence did not decide; the most likely split is used and the alternatives are named.', example: 'author "Kim, Ja Wook Lee, Min" without work keys' },
  'author.count-mismatch': { severity: 'warning', description: 'The number of authors reconstructed differs from the count the core table shows.', example: '`| , , |` but 2 authors found' },
  'value.split-ambiguous': { severity: 'info', description: 'A flattened multi-valued field (format, language, topic...) could not be split with certainty; it is kept as found.', example: 'topic "Mental health Depression"' },
  // normalization
  'inferred.value': { severity: 'info', description: 'A value was recovered from another field (journal abbreviation, licence, publication type or date from `spelling`); it is marked as inferred in the model.', example: 'MedlineTA from spelling' },
  'inferred.statement-not-taken': { severity: 'info', description: 'The statement that closes `spelling` where a PubMed import puts the copyright line names no copyright (no (c) sign, no `Copyright`, `Published by`, `Creative Commons`...); it is not taken as the copyright line.', example: 'spelling ending "... en Funded by the Wellcome Trust."' },
  // output
  'medline.no-pmid': { severity: 'info', description: 'The record has no PMID and cannot be written as MEDLINE XML; it is skipped for that format only.', example: 'a book' },
  'medline.no-journal-abbreviation': { severity: 'info', description: 'No journal abbreviation was found; the declared fallback (the journal title, or `--medline-ta-fallback`) is written as MedlineTA.', example: 'an article with container_title only' },
  'medline.no-publication-date': { severity: 'info', description: 'The record has no publication date; MEDLINE XML requires a PubDate, so an empty MedlineDate is written.', example: 'an article without publishDate' },
  'medline.publication-type-unmapped': { severity: 'info', description: 'A publication type has no known MeSH UI (required by MEDLINE XML); it is left out of PublicationTypeList for that format only.', example: 'Festschrift' },
  // cross-record
  'doi.duplicate': { severity: 'warning', description: 'The same DOI appears on records with different ids.', example: 'two ids with 10.1000/x' },
  'pmid.duplicate': { severity: 'warning', description: 'The same PMID appears on records with different ids.', example: 'two ids with PMID 1' },
  'fill-rate.below-minimum': { severity: 'error', description: 'A field is filled in fewer records than the configured minimum share.', example: 'DOI on 80% of articles, minimum 95%' },
  // output refusals and scrape ambiguities
  'medline.no-journal': { severity: 'info', description: 'Neither a journal abbreviation nor a journal title: MedlineTA would be invented, so the record is not written to MEDLINE XML or .nbib (`--medline-ta-fallback` opts into a fallback value).', example: 'an article with a PMID and no container_title' },
  'subject.flattened': { severity: 'info', description: 'A flattened subject cell of a scrape holds several words and nothing says where one heading ends; it is kept as the flattened text.', example: 'topic | Depression Ketamine Humans |' },
  // characters no output can carry faithfully
  'value.lone-surrogate': { severity: 'warning', description: 'A value holds a lone UTF-16 surrogate (a JSON `\\ud800` escape without its pair); CSV and .nbib write U+FFFD for it, XML outputs leave it out (JSON outputs keep the escape).', example: '"title": "A\\ud800B"' },
  'value.control-character': { severity: 'warning', description: 'A value holds a control character other than tab, line feed and carriage return (U+0000-U+001F, U+007F); XML outputs (MEDLINE, the reports) cannot hold it and leave it out.', example: '"title": "A\\u0007B"' },
  // MARC records (issue 21): semantic checks of the record behind the indexed fields
  'marc.indexed-field-differs': { severity: 'info', description: 'The MARC record (the Solr `fullrecord`) and an indexed Solr field of the same record disagree (title, authors, year, ISBN, publisher...); the MARC value is written, as VuFind shows it on the record page.', example: 'title "A study" but 245 $a "A survey"' },
  'marc.title-missing': { severity: 'warning', description: 'The MARC record has no 245 title statement (MARC 21 makes it mandatory).', example: 'a record without 245' },
  'marc.fixed-field-length': { severity: 'warning', description: 'A fixed-length field does not have the length MARC 21 gives it for the record type (008: 40 characters in a bibliographic record, 32 in a holdings record; 006: 18); positions read from it may be wrong.', example: '008 of 39 characters' },
  'marc.indicator-invalid': { severity: 'warning', description: 'A data field has an indicator value MARC 21 does not define for its tag (or one that is not a digit, lower-case letter or blank).', example: '245 ind1 "5"' },
  'marc.relator-unknown': { severity: 'warning', description: 'A `$4` relator code of a name field is not in the MARC Code List for Relators (Library of Congress); the role is kept as catalogued.', example: '700 $4 "xyz"' },
  'marc.isbn-check-digit': { severity: 'warning', description: 'An ISBN in 020 $a has a wrong check digit; it is not written as an identifier (a cancelled or invalid ISBN belongs in 020 $z).', example: '020 $a 9780306406150' },
  'marc.isbn-malformed': { severity: 'warning', description: 'An 020 $a does not hold an ISBN of 10 or 13 characters; it is not written as an identifier.', example: '020 $a 12345' },
  'marc.issn-check-digit': { severity: 'warning', description: 'An ISSN in 022 $a has a wrong check digit; it is not written as an identifier (an incorrect ISSN belongs in 022 $y).', example: '022 $a 0378-5956' },
  'marc.issn-malformed': { severity: 'warning', description: 'An 022 $a does not hold an ISSN of the form NNNN-NNNC; it is not written as an identifier.', example: '022 $a 12345' },
  'medline.not-an-article': { severity: 'info', description: 'A record read from MARC that is not an article (leader/07 `b`, a serial component part with its 773 host) is not written to MEDLINE XML or .nbib, whatever identifiers it has.', example: 'a MARC book with a PMID in 024' },
  'marc.id-mismatch': { severity: 'warning', description: 'The `fullrecord` MARC record\'s 001 control number differs from the Solr id: the MARC may belong to another record (VuFind takes the id from 001; a site\'s source prefix before it, `geo20001` for 001 `20001`, is no difference).', example: 'id "123" but 001 "124"' },
  // MARC structure and encoding (issue 21, read side: src/marc/). Offsets are bytes inside the record (or the `fullrecord` value).
  'marc.unparsable': { severity: 'error', description: 'A MARC record (a `fullrecord` value, or a record of a .mrc, MARCXML or MARC-in-JSON file) cannot be parsed: no leader, no directory terminator, broken XML or JSON, not the MARC-in-JSON shape. The issue names the byte offset and the reason; the rest of the file is read.', example: 'fullrecord "00714cam a22" (cut off inside the leader)' },
  'marc.record-length': { severity: 'warning', description: 'Leader/00-04 (the record length, in bytes) disagrees with the record\'s real length; the record is read by its directory and separators. A record over 99,999 bytes whose length reads 99999 is not reported.', example: 'leader 00999 on a 714-byte record' },
  'marc.base-address': { severity: 'warning', description: 'Leader/12-16 (the base address of data) does not point just after the directory\'s field terminator; the data is read from the terminator.', example: 'base address 00077 with a 37-byte directory' },
  'marc.directory': { severity: 'warning', description: 'A directory entry whose length or offset is not digits, or does not point at a field ending with a field terminator (1E), or a directory that is not a multiple of 12 bytes; the field is read from the end of the previous one up to the next terminator.', example: 'entry 245 0099 00120 where the field is 87 bytes' },
  'marc.field-terminator': { severity: 'warning', description: 'The last field runs to the end of the record without a field terminator (1E).', example: '...|aTitle<1D>' },
  'marc.record-terminator': { severity: 'warning', description: 'A record does not end with a record terminator (1D).', example: 'the last record of a cut-off .mrc file' },
  'marc.undeclared-marc8': { severity: 'warning', description: 'Leader/09 declares UTF-8 (`a`) but the bytes are not UTF-8 and are MARC-8; they are converted from MARC-8.', example: 'leader/09 a with ANSEL E2 65 (é)' },
  'marc.encoding-mismatch': { severity: 'warning', description: 'Leader/09 is blank (MARC-8) but the text is UTF-8 (multi-byte sequences, no MARC-8 escapes); it is read as UTF-8, as SolrMarc\'s BESTGUESS does.', example: 'leader/09 blank with C3 A9 (é)' },
  'marc.invalid-characters': { severity: 'warning', description: 'Bytes that are not characters of the record\'s encoding (invalid UTF-8, or a code no designated MARC-8 set defines); UTF-8 is read with U+FFFD for them, MARC-8 as Latin-1.', example: 'MARC-8 ESC ( N followed by 7F' },
} as const satisfies Record<string, Rule>;

export type IssueCode = keyof typeof RULES;

export interface IssueDetails {
  message: string;
  recordId?: string | undefined;
  source?: SourcePosition | undefined;
  field?: string | undefined;
  actual?: unknown;
  expected?: string | undefined;
  related?: Issue['related'] | undefined;
}

/** Builds an issue with the rule's default severity; absent details are left out. */
export function makeIssue(code: IssueCode, details: IssueDetails): Issue {
  const issue: Issue = { code, severity: RULES[code].severity, message: details.message };
  if (details.recordId !== undefined) issue.recordId = details.recordId;
  if (details.source !== undefined) issue.source = details.source;
  if (details.field !== undefined) issue.field = details.field;
  if (details.actual !== undefined) issue.actual = details.actual;
  if (details.expected !== undefined) issue.expected = details.expected;
  if (details.related !== undefined) issue.related = details.related;
  return issue;
}

/**
 * Rules whose level no config can change: a record that cannot be read (`read.*`) or has no
 * id has nothing to convert, and switched off it became an empty record written as
 * converted. They stay errors, so such a record is always rejected.
 */
export function isFixedRule(code: string): boolean {
  return code === 'id.missing' || code.startsWith('read.');
}

export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

/**
 * Applies user severities; rules switched `off` are removed. Fixed rules (isFixedRule) keep
 * their level whatever the overrides say: the config refuses to change them, and a library
 * caller's overrides cannot either.
 */
export function applySeverities(issues: readonly Issue[], overrides: SeverityOverrides | undefined): Issue[] {
  if (!overrides) return [...issues];
  const out: Issue[] = [];
  for (const issue of issues) {
    const level = isFixedRule(issue.code) ? undefined : overrides[issue.code];
    if (level === 'off') continue;
    out.push(level ? { ...issue, severity: level } : issue);
  }
  return out;
}

export function hasError(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/**
 * Where the rule table is published: docs/rules.md, generated from RULES and shipped in the
 * package (relative to the package root; there is no web page, so reports carry the help
 * text itself: SARIF `help`, `bibpipe rules CODE`).
 */
export const RULE_DOCS_PAGE = 'docs/rules.md';

/** The anchor of a rule in the README's rule table: `doi.invalid` -> `rule-doi-invalid`. */
export function ruleDocsAnchor(code: string): string {
  return `rule-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Link to a rule's row in the rule table; `page` '' gives the bare `#rule-...` fragment. */
export function ruleDocsUrl(code: string, page: string = RULE_DOCS_PAGE): string {
  return `${page}#${ruleDocsAnchor(code)}`;
}
