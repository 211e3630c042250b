import type { MarcControlField, MarcField } from './marc.js';

/** True for a control field (001-009: a value, no indicators or subfields). */
export function isControlField(field: MarcField): field is MarcControlField {
  return !('subfields' in field);
}
