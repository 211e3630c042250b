/**
 * Words that name a body, not a person, in the languages the catalogues hold
 * (`PROSPECT Study Group`, `Canadian Respiratory Research Network`, `Unione matematica italiana`).
 */
export const COLLECTIVE_WORDS: ReadonlySet<string> = new Set([
  'group', 'groups', 'network', 'consortium', 'collaboration', 'collaborative', 'collaborators', 'committee', 'council',
  'society', 'association', 'investigators', 'study', 'team', 'institute', 'institution', 'organization', 'organisation',
  'university', 'foundation', 'trial', 'trialists', 'panel', 'center', 'centre', 'department', 'ministry', 'agency',
  'board', 'commission', 'federation', 'initiative', 'program', 'programme', 'project', 'working', 'task', 'force',
  'registry', 'alliance', 'academy', 'college', 'office', 'service', 'services', 'unit', 'hospital', 'laboratory',
  'union', 'unione', 'società', 'societa', 'gesellschaft', 'verein', 'verband', 'université', 'universidad', 'universität',
  'universidade', 'università', 'instituto', 'institut', 'istituto', 'sociedad', 'sociedade', 'société', 'asociación',
  'associazione', 'ministerio', 'ministère', 'comité', 'comitato', 'kommission', 'grupo', 'gruppo', 'groupe', 'red', 'rede',
  'réseau', 'rete', 'inc', 'inc.', 'ltd', 'ltd.', 'gmbh', 'press', 'library', 'museum', 'conference', 'congress', 'symposium',
]);

/**
 * True when an author value names a body rather than a person. VuFind stores persons as
 * `Family, Given`; a value with no comma is a mononym (`Sutomo`) when it is one word, and
 * a collective name when it holds a word that names a body or three words or more. A value
 * with commas is collective only when its first part names a body (`Task and Finish Group
 * for Urinalysis (TFG-U), European Federation ...`).
 */
export function isCollectiveName(text: string): boolean {
  const trimmed = text.trim();
  const comma = trimmed.indexOf(',');
  const head = comma === -1 ? trimmed : trimmed.slice(0, comma);
  const words = head.split(/\s+/u).filter((word) => word !== '');
  const namesBody = words.some((word) => COLLECTIVE_WORDS.has(word.toLowerCase().replace(/[()]/gu, '')));
  if (comma !== -1) return namesBody && words.length >= 2;
  if (words.length <= 1) return false;
  return namesBody || words.length >= 3 || /[()&\d]/u.test(head);
}
