/**
 * MeSH publication types with their descriptor UIs, for MEDLINE `PublicationType UI=".."`.
 * Only types whose UI was checked against NLM records (../shared/data/medline/real) or
 * against several independent NLM-derived sources are listed; a type missing here cannot
 * be written to MEDLINE XML (the UI attribute is required) and is reported instead.
 */
export const MESH_PUBLICATION_TYPES: Readonly<Record<string, string>> = {
  'Journal Article': 'D016428',
  Review: 'D016454',
  'Systematic Review': 'D000078182',
  'Meta-Analysis': 'D017418',
  'Case Reports': 'D002363',
  'Clinical Trial': 'D016430',
  'Clinical Trial, Phase III': 'D017428',
  'Randomized Controlled Trial': 'D016449',
  'Observational Study': 'D064888',
  'Multicenter Study': 'D016448',
  'Comparative Study': 'D003160',
  Editorial: 'D016421',
  Letter: 'D016422',
  Comment: 'D016420',
  'Published Erratum': 'D016425',
  Preprint: 'D000076942',
  "Research Support, Non-U.S. Gov't": 'D013485',
  'Research Support, N.I.H., Extramural': 'D052061',
  News: 'D016433',
  'Retraction of Publication': 'D016441',
};

const UI_BY_LOWER_NAME = new Map(
  Object.entries(MESH_PUBLICATION_TYPES).map(([name, ui]) => [name.toLowerCase(), { name, ui }]),
);

/** The canonical MeSH name and UI of a publication type (case-insensitive), if known. */
export function findMeshPublicationType(name: string): { name: string; ui: string } | undefined {
  return UI_BY_LOWER_NAME.get(name.trim().toLowerCase());
}

/** The MeSH spelling of a publication type name, or undefined when it is not one. */
export function canonicalPublicationType(name: string): string | undefined {
  return findMeshPublicationType(name)?.name;
}
