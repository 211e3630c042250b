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

export const CallNumbersSchema = z.object({
  lcc: z.array(z.string()).describe('Library of Congress call numbers as catalogued (callnumber-raw)'),
  dewey: z.array(z.string()).describe('Dewey numbers as catalogued (dewey-raw)'),
});

export const HoldingsSchema = z.object({
  building: z.array(z.string()),
  institution: z.array(z.string()),
  collection: z.array(z.string()),
});

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
  /** Values recovered indirectly (e.g. from `spelling`); everything else came from its own field. */
  inferred: z.array(InferenceSchema),
  /** The record's Solr `_version_`, kept as exact digits. */
  solrVersion: z.string().optional(),
  source: SourcePositionSchema.extend({ format: z.string() }),
});
export type BibRecord = z.infer<typeof BibRecordSchema>;
