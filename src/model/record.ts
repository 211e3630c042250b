import { z } from 'zod';
import { SourcePositionSchema } from './issue.js';

/**
 * The normalized record: the only shape writers see. `schemas/record.schema.json` is
 * generated from this schema (`npm run schemas`); a test fails when it is stale.
 */

export const PersonNameSchema = z.object({
  family: z.string().describe('Family name (surname), particles included: "van der Berg"'),
  given: z.string().optional().describe('Given names as written: "Ja Wook", "Tae-Eun", "J A"'),
  initials: z.string().optional().describe('NLM initials of the given name: "JW", "TE"'),
  suffix: z.string().optional().describe('Jr., Sr., III ...'),
  dates: z.string().optional().describe('Life dates as catalogued (MARC 100$d): "1668-1744", "1950-"'),
  roles: z.array(z.string()).optional().describe('Relator codes or terms as catalogued (author_role / author2_role): "edt"'),
});
export type PersonName = z.infer<typeof PersonNameSchema>;

export const LanguageSchema = z.object({
  name: z.string().describe('English name as VuFind stores it: "English"'),
  iso639_2b: z.string().length(3).optional().describe('ISO 639-2/B code for MEDLINE: "eng"'),
  bcp47: z.string().optional().describe('BCP 47 tag for JSON-LD: "en"'),
});
export type Language = z.infer<typeof LanguageSchema>;

export const PublicationDateSchema = z.object({
  year: z.number().int().optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  /** The value as the source gave it, when it is not a plain date ("2010 Sep-Oct"). */
  text: z.string().optional(),
});
export type PublicationDate = z.infer<typeof PublicationDateSchema>;

export const ContainerSchema = z.object({
  title: z.string().optional(),
  abbreviation: z.string().optional().describe('NLM journal title abbreviation (MedlineTA)'),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional().describe('A page range as given ("113-25"); a lone start page is pageStart'),
  pageStart: z.string().optional().describe('First page ("113")'),
});

/** An ISBN with the qualifiers catalogued beside it (020 $q, or "(pbk.)" after $a). */
export const QualifiedIsbnSchema = z.object({
  isbn: z.string().describe('ISBN-13 without hyphens'),
  qualifiers: z.array(z.string()).describe('"pbk.", "v. 1"'),
});

export const IdentifiersSchema = z.object({
  pmid: z.string().optional(),
  pmcid: z.string().optional().describe('With its PMC prefix: "PMC10335903"'),
  doi: z.string().optional().describe('Bare DOI, lower-cased prefix kept as given: "10.9758/cpn.22.1034"'),
  isbn: z.array(z.string()).describe('ISBN-13 without hyphens, validated'),
  isbnAsCatalogued: z.array(z.string()).optional().describe('The valid ISBNs as the record gives them ("88-207-3749-3"), in order'),
  issn: z.array(z.string()).describe('ISSN as NNNN-NNNC, validated'),
  issnTypes: z.record(z.string(), z.enum(['Print', 'Electronic'])).optional()
    .describe('ISSN -> Print/Electronic, only where the record says which (eissn/pissn fields)'),
  oclc: z.array(z.string()),
  lccn: z.string().optional(),
  controlNumbers: z.array(z.string()).optional().describe('System control numbers as catalogued (ctrlnum, MARC 035): "(OCoLC)ocm30585539"'),
  isbnQualified: z.array(QualifiedIsbnSchema).optional().describe('Valid ISBNs with their qualifiers (MARC 020 $a with $q)'),
  invalidIsbns: z.array(z.string()).optional().describe('Cancelled or invalid ISBNs as catalogued (MARC 020 $z), never written as identifiers'),
  invalidIssns: z.array(z.string()).optional().describe('Incorrect or cancelled ISSNs as catalogued (MARC 022 $y $z)'),
  other: z.array(z.object({ scheme: z.string(), value: z.string() })).optional()
    .describe('Other standard identifiers (MARC 024: "isrc", "upc", "ismn", "ean", or the $2 source: "hdl", "urn")'),
});

/** How a value reached the record when it was not read from its own source field. */
export const InferenceSchema = z.object({
  field: z.string().describe('Model path: "container.abbreviation", "license", "published"'),
  from: z.string().describe('Source field the value was recovered from: "spelling"'),
  note: z.string().optional(),
});
export type Inference = z.infer<typeof InferenceSchema>;

export const RecordTypeSchema = z.enum(['article', 'book', 'chapter', 'journal', 'thesis', 'other']);
export type RecordType = z.infer<typeof RecordTypeSchema>;

/** A secondary author with a role other than author (author2 + author2_role: editor, translator...). */
export const ContributorSchema = z.object({
  person: PersonNameSchema.optional(),
  organization: z.string().optional().describe('A corporate body (never written as a person)'),
  role: z.string().describe('Relator code or term as catalogued: "edt", "trl", "editor"'),
});
export type Contributor = z.infer<typeof ContributorSchema>;

/** A relator as catalogued on a MARC name ($e/$j term, $4 code): either or both. */
export const RelatorSchema = z.object({
  code: z.string().optional().describe('MARC relator code (the LoC list), given ($4) or looked up from the term: "edt"'),
  term: z.string().optional().describe('Relator term as catalogued ($e, $j for 111/711), ISBD punctuation stripped: "Hrsg.", "editor"'),
});
export type Relator = z.infer<typeof RelatorSchema>;

/** Every name of a MARC record's 1XX/7XX fields, in record order (MARC to MODS `name`). */
export const AgentSchema = z.object({
  kind: z.enum(['person', 'family', 'organization', 'meeting']).describe('100/700 ind1 0-1 person, 3 family; 110/710 organization; 111/711 meeting'),
  name: z.string().describe('The name as catalogued without ISBD punctuation ($a $b $c $d $q for persons; $a $b for bodies; $a $c $d $n $q for meetings)'),
  person: PersonNameSchema.optional().describe('A person\'s name parsed (kind person)'),
  roles: z.array(RelatorSchema).describe('Relators in the order catalogued; none: the main entry\'s author'),
  tag: z.string().describe('MARC tag: "100", "700", "710"'),
  alternateScript: z.string().optional().describe('The name in its original script (the paired 880 field); a person\'s without the life dates'),
});
export type Agent = z.infer<typeof AgentSchema>;

/** One subject heading: one MARC 6XX field, subdivisions joined with " -- " (MARC to MODS `subject`). */
export const SubjectHeadingSchema = z.object({
  heading: z.string().describe('"Naples (Kingdom) -- History -- Spanish rule, 1442-1707 -- Sources"'),
  kind: z.enum(['person', 'family', 'organization', 'meeting', 'title', 'chronological', 'topic', 'geographic', 'uncontrolled', 'genre', 'other'])
    .describe('From the tag: 600 person (family when ind1 3), 610 organization, 611 meeting, 630 title, 648 chronological, 650 topic, 651 geographic, 653 uncontrolled, 655 genre'),
  thesaurus: z.string().optional().describe('Source of the heading: ind2 0 lcsh, 1 lcshac, 2 mesh, 3 nal, 5 cash, 6 rvm; ind2 7: the $2 code ("gnd", "fast")'),
  tag: z.string(),
  alternateScript: z.string().optional().describe('The heading in its original script (the paired 880 field)'),
});
export type SubjectHeading = z.infer<typeof SubjectHeadingSchema>;

/** A series statement (490/440) or series added entry (800/810/811/830) with its numbering. */
export const SeriesEntrySchema = z.object({
  title: z.string().describe('Series title without ISBD punctuation (800/810/811: the name, then the title)'),
  number: z.string().optional().describe('Numbering within the series ($v): "2/1", "v. 12"'),
  issn: z.string().optional().describe('Series ISSN ($x) as catalogued'),
  tag: z.string(),
});
export type SeriesEntry = z.infer<typeof SeriesEntrySchema>;

/** A 260/264 statement: place(s), name(s), date(s) of one function. */
export const PublicationStatementSchema = z.object({
  function: z.enum(['publication', 'production', 'distribution', 'manufacture', 'copyright'])
    .describe('264 ind2 0 production, 1 publication, 2 distribution, 3 manufacture, 4 copyright; 260 is publication'),
  places: z.array(z.string()),
  names: z.array(z.string()),
  dates: z.array(z.string()),
  tag: z.string(),
});
export type PublicationStatement = z.infer<typeof PublicationStatementSchema>;

/** An 856 link with its labels. */
export const LinkSchema = z.object({
  url: z.string(),
  label: z.string().optional().describe('Link text ($y)'),
  materials: z.string().optional().describe('Materials specified ($3): "Table of contents"'),
  note: z.string().optional().describe('Public note ($z)'),
  relationship: z.enum(['resource', 'version', 'related', 'other']).optional().describe('856 ind2 0 resource, 1 version, 2 related'),
});
export type Link = z.infer<typeof LinkSchema>;

export const CallNumbersSchema = z.object({
  lcc: z.array(z.string()).describe('Library of Congress call numbers as catalogued (callnumber-raw)'),
  dewey: z.array(z.string()).describe('Dewey numbers as catalogued (dewey-raw)'),
});

export const HoldingsSchema = z.object({
  building: z.array(z.string()),
  institution: z.array(z.string()),
  collection: z.array(z.string()),
});

export const TitlePartsSchema = z.object({
  main: z.string().describe('245 $a without ISBD punctuation'),
  subtitle: z.string().optional().describe('245 $b'),
  partNumbers: z.array(z.string()).optional().describe('245 $n'),
  partNames: z.array(z.string()).optional().describe('245 $p'),
  responsibility: z.string().optional().describe('Statement of responsibility, 245 $c'),
  nonSortingCharacters: z.number().int().min(0).max(9).optional().describe('245 ind2: leading characters a sort skips ("The ")'),
  alternateScript: z.string().optional().describe('The title in its original script (the paired 880 field)'),
});

export const NoteSchema = z.object({ tag: z.string().describe('MARC 5XX tag: "500", "504"'), text: z.string() });

/** What only a MARC record tells: the structure behind the flat fields above. */
export const MarcDetailsSchema = z.object({
  titleParts: TitlePartsSchema.optional(),
  agents: z.array(AgentSchema).describe('Every 1XX/7XX name in record order, with its relators'),
  subjectHeadings: z.array(SubjectHeadingSchema).describe('One per 6XX field (653: one per $a), in record order'),
  seriesEntries: z.array(SeriesEntrySchema),
  publication: z.array(PublicationStatementSchema),
  extent: z.string().optional().describe('300 $a: "296 p."'),
  otherPhysicalDetails: z.string().optional().describe('300 $b: "ill."'),
  dimensions: z.string().optional().describe('300 $c: "24 cm"'),
  notes: z.array(NoteSchema),
  links: z.array(LinkSchema),
  host: z.object({
    title: z.string().optional(),
    related: z.string().optional().describe('773 $g as catalogued: "Vol. 1, no. 1 (Apr. 2023)"'),
    recordControlNumber: z.string().optional().describe('773 $w'),
  }).optional().describe('The host item of an analytic (773)'),
  leader: z.string().describe('The leader as read (type of record at 06, bibliographic level at 07)'),
});
export type MarcDetails = z.infer<typeof MarcDetailsSchema>;

export const BibRecordSchema = z.object({
  id: z.string().describe('The VuFind/Solr unique key'),
  type: RecordTypeSchema,
  title: z.string().optional(),
  subtitle: z.string().optional(),
  alternativeTitles: z.array(z.string()).optional().describe('Other titles (title_alt: varying forms, translated titles)'),
  authors: z.array(PersonNameSchema).describe('Personal authors in order (author, then author2)'),
  corporateAuthors: z.array(z.string()).describe('Corporate and collective authors (author_corporate, and collective names found in author/author2)'),
  corporateAuthorPositions: z.array(z.number().int().min(0)).optional()
    .describe('Where each corporateAuthors entry stands among all authors, persons and bodies in source order (0-based); absent: after the persons'),
  contributors: z.array(ContributorSchema).optional().describe('Secondary authors with a role other than author'),
  abstract: z.string().optional(),
  languages: z.array(LanguageSchema),
  published: PublicationDateSchema,
  publisher: z.string().optional(),
  placeOfPublication: z.string().optional(),
  edition: z.string().optional(),
  container: ContainerSchema,
  identifiers: IdentifiersSchema,
  urls: z.array(z.string()),
  subjects: z.array(z.string()),
  publicationTypes: z.array(z.string()).describe('MeSH publication types where known: "Review"'),
  formats: z.array(z.string()).describe('VuFind format facet values: "Article", "Book"'),
  license: z.string().optional().describe('Licence URL'),
  copyright: z.string().optional(),
  series: z.array(z.string()),
  physicalDescription: z.string().optional(),
  dateSpan: z.array(z.string()).optional().describe('Publication span of a serial as catalogued (dateSpan): "1922-1975"'),
  callNumbers: CallNumbersSchema.optional(),
  holdings: HoldingsSchema.optional().describe('Where the catalogue holds the item (building, institution, collection)'),
  marc: MarcDetailsSchema.optional().describe('Present when the record was read from MARC (a fullrecord, a MARC file or a MARC Staff View)'),
  /** Values recovered indirectly (e.g. from `spelling`); everything else came from its own field. */
  inferred: z.array(InferenceSchema),
  /** The record's Solr `_version_`, kept as exact digits. */
  solrVersion: z.string().optional(),
  source: SourcePositionSchema.extend({ format: z.string() }),
});
export type BibRecord = z.infer<typeof BibRecordSchema>;
