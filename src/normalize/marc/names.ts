import type { MarcDataField, MarcRecord } from '../../model/marc.js';
import type { Agent, Contributor, PersonName, Relator } from '../../model/record.js';
import { relatorCodeOf, relatorCodeOfTerm } from '../../vocab/marc-relators.js';
import { isNameSuffix, parsePersonName } from '../names.js';
import { chop, chopped, dataFields, joined, subfieldValues } from './fields.js';
import type { AlternateScripts } from './linkage.js';

const NAME_TAGS = new Set(['100', '110', '111', '700', '710', '711']);

/**
 * Relators that make a name an author, as VuFind's author-classification.ini `firstAuthorRoles`
 * (adapter, author, composer, creator, dubious author, inventor). A name with no relator is
 * an author too: the main entry, and an added entry the cataloguer gave no role.
 */
const AUTHOR_CODES: ReadonlySet<string> = new Set(['adp', 'aut', 'cmp', 'cre', 'dub', 'inv']);

/** Every 1XX/7XX name in record order, each with its relators (MARC to MODS `name`). */
export function marcAgents(marc: MarcRecord, scripts: AlternateScripts): Agent[] {
  const agents: Agent[] = [];
  for (const field of dataFields(marc, NAME_TAGS)) {
    // A 7XX with $t is a name/title added entry (a related work), not a contributor.
    if (field.tag.startsWith('7') && subfieldValues(field, 't').length > 0) continue;
    const agent = agentOf(field);
    if (agent.name === '') continue;
    const alternate = scripts.of(field);
    if (alternate) {
      // A person's name without the life dates (which are the same in any script): what JSON-LD's alternateName takes.
      const text = agent.kind === 'person' ? joined(alternate, 'abcq') : agentOf(alternate).name;
      if (text) agent.alternateScript = text;
    }
    agents.push(agent);
  }
  return agents;
}

function agentOf(field: MarcDataField): Agent {
  const kindTag = field.tag === '880' ? (subfieldValues(field, '6')[0] ?? '').slice(0, 3) : field.tag;
  const roles = relatorsOf(field, kindTag.endsWith('11') ? 'j' : 'e');
  if (kindTag.endsWith('10')) return { kind: 'organization', name: joined(field, 'ab'), roles, tag: field.tag };
  if (kindTag.endsWith('11')) return { kind: 'meeting', name: joined(field, 'aqendc'), roles, tag: field.tag };
  const name = personDisplayName(field);
  if (field.ind1 === '3') return { kind: 'family', name, roles, tag: field.tag };
  return { kind: 'person', name, person: personOf(field), roles, tag: field.tag };
}

/** "Vico, Giambattista, 1668-1744": $a $b $c $q, then the dates after a comma. */
function personDisplayName(field: MarcDataField): string {
  const head = joined(field, 'abcq');
  const dates = chopped(field, 'd').join(' ');
  return dates ? `${head}, ${dates}` : head;
}

function personOf(field: MarcDataField): PersonName {
  const person = parsePersonName(chop(subfieldValues(field, 'a').join(' ')));
  const numeration = chopped(field, 'b')[0];
  const titles = chopped(field, 'c').find(isNameSuffix);
  const suffix = titles ?? numeration;
  if (suffix && !person.suffix) person.suffix = suffix;
  const dates = chopped(field, 'd').join(' ');
  if (dates) person.dates = dates;
  return person;
}

/**
 * Relators of one name: `$4` codes in order, each with the `$e` (`$j` for meetings) term that
 * stands for it (`Hrsg.` for `edt`); a term whose code no `$4` gives is a role of its own,
 * and terms nobody can read pair with the codes left over, in order. A blank `$4` or `$e`
 * is no relator.
 */
function relatorsOf(field: MarcDataField, termCode: string): Relator[] {
  const terms = splitTerms(chopped(field, termCode));
  const codes = subfieldValues(field, '4').map(relatorCodeOf).filter((code) => code !== '');
  const roles: Relator[] = codes.map((code) => ({ code }));
  const leftover: string[] = [];
  for (const term of terms) {
    const code = relatorCodeOfTerm(term);
    const match = code === undefined ? undefined : roles.find((role) => role.code === code && role.term === undefined);
    if (match) match.term = term;
    else leftover.push(term);
  }
  const bare = roles.filter((role) => role.term === undefined);
  // As many terms left as codes: the cataloguer paired them ($e Begründer des Werks $4 oth).
  if (leftover.length === bare.length) {
    bare.forEach((role, index) => { role.term = leftover[index]; });
    return roles;
  }
  for (const term of leftover) {
    const code = relatorCodeOfTerm(term);
    const role = code === undefined ? bare.shift() : undefined;
    if (role) role.term = term;
    else roles.push(code === undefined ? { term } : { code, term });
  }
  return roles;
}

/** "editor, translator" is two terms; "Author of afterword, colophon, etc." one. */
function splitTerms(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    if (relatorCodeOfTerm(value) !== undefined) return [value];
    const parts = value.split(/\s*,\s*(?:and\s+)?|\s+and\s+/u).map(chop).filter(Boolean);
    return parts.length > 1 && parts.every((part) => relatorCodeOfTerm(part) !== undefined) ? parts : [value];
  });
}

/** The role as the model's flat fields carry it: the code, else the term. */
export function roleLabel(role: Relator): string {
  return role.code ?? role.term ?? '';
}

export function isAuthorRole(role: Relator): boolean {
  if (role.code !== undefined) return AUTHOR_CODES.has(role.code);
  return false;
}

export interface MarcPeople {
  authors: PersonName[];
  corporate: string[];
  positions: number[];
  contributors: Contributor[];
}

/**
 * The flat author lists from the agents: a name with no relator or an author relator is an
 * author (persons to `authors`, bodies, meetings and families to `corporate`, their places
 * among all authors in `positions`); any other relator makes a contributor, once per role.
 */
export function peopleOf(agents: readonly Agent[]): MarcPeople {
  const people: MarcPeople = { authors: [], corporate: [], positions: [], contributors: [] };
  for (const agent of agents) {
    const known = agent.roles;
    if (known.length === 0 || known.some(isAuthorRole)) {
      if (agent.person) {
        const roles = known.map(roleLabel).filter(Boolean);
        people.authors.push(roles.length > 0 ? { ...agent.person, roles } : agent.person);
      } else {
        people.positions.push(people.authors.length + people.corporate.length);
        people.corporate.push(agent.name);
      }
      continue;
    }
    for (const role of known) {
      const label = roleLabel(role);
      people.contributors.push(agent.person ? { person: agent.person, role: label } : { organization: agent.name, role: label });
    }
  }
  return people;
}
