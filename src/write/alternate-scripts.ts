import type { BibRecord, PersonName } from '../model/record.js';
import { invertedName } from '../model/display.js';

/**
 * The names of a MARC record in their original script (880 fields paired with their 1XX/7XX,
 * `record.marc.agents[].alternateScript`), found again from the flat author and contributor
 * lists the writers walk: a person by family, given, suffix and dates; a body, meeting or
 * family by its name as catalogued.
 */
export interface AlternateScripts {
  person(person: PersonName): string | undefined;
  organization(name: string): string | undefined;
}

const personKey = (person: PersonName): string => `${invertedName(person)}|${person.dates ?? ''}`;

export function alternateScripts(record: BibRecord): AlternateScripts {
  const persons = new Map<string, string>();
  const bodies = new Map<string, string>();
  for (const agent of record.marc?.agents ?? []) {
    if (agent.alternateScript === undefined) continue;
    if (agent.person) persons.set(personKey(agent.person), agent.alternateScript);
    else bodies.set(agent.name, agent.alternateScript);
  }
  return {
    person: (person) => (persons.size === 0 ? undefined : persons.get(personKey(person))),
    organization: (name) => bodies.get(name),
  };
}
