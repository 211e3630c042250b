import type { BibRecord, PersonName } from '../model/record.js';

/** One author in source order: a person or a body (a collective name). */
export type AuthorEntry = { person: PersonName } | { organization: string };

/**
 * Persons and collective names in the order the source lists them: `corporateAuthorPositions`
 * places each body among the persons (a consortium in the middle of PubMed's list); without
 * it the bodies follow the persons. MEDLINE XML and JSON-LD share it.
 */
export function authorsInOrder(record: BibRecord): AuthorEntry[] {
  const persons: AuthorEntry[] = record.authors.map((person) => ({ person }));
  const bodies = record.corporateAuthors;
  const positions = record.corporateAuthorPositions;
  if (positions === undefined || positions.length !== bodies.length) return [...persons, ...bodies.map((organization) => ({ organization }))];
  const entries: AuthorEntry[] = [];
  let nextPerson = 0;
  const placed = bodies.map((organization, index) => ({ organization, at: positions[index] as number })).sort((a, b) => a.at - b.at);
  for (const body of placed) {
    while (entries.length < body.at && nextPerson < persons.length) entries.push(persons[nextPerson++] as AuthorEntry);
    entries.push({ organization: body.organization });
  }
  while (nextPerson < persons.length) entries.push(persons[nextPerson++] as AuthorEntry);
  return entries;
}
