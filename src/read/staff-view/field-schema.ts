import { resolveField } from '../../biblio-schema/index.js';

/**
 * Which staff-table cells hold several (flattened) values: the VuFind biblio schema says so
 * (explicit fields and dynamic patterns, resolved as Solr does).
 */
export function isMultiValuedField(name: string): boolean {
  const definition = resolveField(name);
  if (definition !== undefined) return definition.multiValued;
  // Site schemas add `*_mv` families beyond the stock patterns; they are multi-valued too.
  // Any other unknown field is kept whole rather than split on a guess.
  return name.endsWith('_mv');
}

/** True for a field the stock schema declares (explicitly or by a dynamic pattern). */
export function isKnownSchemaField(name: string): boolean {
  return resolveField(name) !== undefined;
}
