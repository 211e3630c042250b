import { iso6392, type Language as Iso6392Language } from 'iso-639-2';
import type { Language } from '../model/record.js';

/**
 * Language names and codes from ISO 639-2 (npm `iso-639-2`), read once at load time.
 *
 * VuFind stores English names (`English`, `Greek, Modern (1453-)`); its MARC language map
 * spells a few differently (`English, Old (ca. 450-1100)`, `Norwegian (Nynorsk)`), so names
 * are compared by a loose key: letters and digits only, lower-cased, accents removed.
 */

interface Entry {
  readonly iso: Iso6392Language;
  /** The name to report for this match: the variant that matched, or the first variant for a code. */
  readonly name: string;
}

const byNameKey = new Map<string, Entry>();
const byCode = new Map<string, Iso6392Language>();
const allNames: string[] = [];

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}+/gu;

function looseKey(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARK, '').replace(NOT_LETTER_OR_DIGIT, '').toLowerCase();
}

function addName(name: string, iso: Iso6392Language): void {
  const key = looseKey(name);
  if (key.length === 0 || byNameKey.has(key)) return;
  byNameKey.set(key, { iso, name });
  allNames.push(name);
}

/**
 * `Greek, Modern (1453-)` is stored as plain `Greek` by many catalogues: the part before
 * the qualifier names the language when one living language (with an ISO 639-1 code) has
 * that base and every other language with it is a dated historical stage
 * (`Greek, Ancient (to 1453)`). `Ndebele` (North/South) and `Tonga` stay unknown.
 */
function baseNameAliases(): Map<string, Iso6392Language> {
  const byBase = new Map<string, { iso: Iso6392Language; variant: string }[]>();
  for (const iso of iso6392) {
    for (const variant of iso.name.split('; ')) {
      const cut = Math.min(...[variant.indexOf(','), variant.indexOf(' (')].filter((index) => index > 0), variant.length);
      if (cut === variant.length) continue;
      const base = variant.slice(0, cut);
      byBase.set(base, [...(byBase.get(base) ?? []), { iso, variant }]);
    }
  }
  const aliases = new Map<string, Iso6392Language>();
  for (const [base, candidates] of byBase) {
    const living = candidates.filter((candidate) => candidate.iso.iso6391 !== undefined);
    const others = candidates.filter((candidate) => candidate.iso.iso6391 === undefined);
    const [only] = living;
    if (living.length === 1 && only !== undefined && others.every((candidate) => /\d/.test(candidate.variant))) aliases.set(base, only.iso);
  }
  return aliases;
}

/**
 * Names VuFind's default MARC language map (`import/translation_maps/language_map.properties`,
 * after the MARC Code List for Languages) spells differently from ISO 639-2, by 639-2/B code.
 * Only names the loose key cannot match; the codes are resolved through the ISO data.
 */
const MARC_NAME_ALIASES: readonly (readonly [string, string])[] = [
  ['Abkhaz', 'abk'],
  ['Frisian', 'fry'],
  ['Fula', 'ful'],
  ['Haitian French Creole', 'hat'],
  ['Kalâtdlisut', 'kal'],
  ['Mooré', 'mos'],
  ['Ndebele (South Africa)', 'nbl'],
  ['Ndebele (Zimbabwe)', 'nde'],
  ['Old Norse', 'non'],
  ['Provençal (to 1500)', 'pro'],
  ['French, Old (ca. 842-1300)', 'fro'],
  ['Sotho', 'sot'],
  ['Tigré', 'tig'],
  ['Miscellaneous languages', 'mis'],
  ['Unknown', 'und'],
];

/** MARC qualifiers that ISO 639-2 names do not carry: `Klingon (Artificial language)`, `Bantu (Other)`. */
const MARC_QUALIFIERS = [' (Other)', ' (Artificial language)'];

function buildTables(): void {
  for (const iso of iso6392) {
    for (const variant of iso.name.split('; ')) addName(variant, iso);
    for (const code of [iso.iso6392B, iso.iso6392T, iso.iso6391]) {
      if (code !== undefined && !byCode.has(code)) byCode.set(code, iso);
    }
  }
  for (const [base, iso] of baseNameAliases()) addName(base, iso);
  for (const [name, code] of MARC_NAME_ALIASES) {
    const iso = byCode.get(code);
    if (iso !== undefined) addName(name, iso);
  }
  allNames.sort((left, right) => right.length - left.length || (left < right ? -1 : left > right ? 1 : 0));
}

buildTables();
Object.freeze(allNames);

function toLanguage(iso: Iso6392Language, name: string): Language {
  return { name, iso639_2b: iso.iso6392B, bcp47: iso.iso6391 ?? iso.iso6392T ?? iso.iso6392B };
}

function firstName(iso: Iso6392Language): string {
  return iso.name.split('; ')[0] ?? iso.name;
}

const LOWER_CODE = /^[a-z]{2,3}$/;
const ANY_CASE_CODE = /^[A-Za-z]{2,3}$/;

/**
 * Finds a language by English name (`English`, `Dutch`, `Flemish`, `Greek`,
 * `Greek, Modern (1453-)`, `Multiple languages`, `Undetermined`) or by ISO 639-1 / 639-2
 * B or T code (`en`, `eng`, `ger`, `deu`). A lower-case 2-3 letter input is read as a
 * code first (`ga` is Irish, `Ga` the language Ga). Returns `undefined` when unknown.
 */
export function lookupLanguage(nameOrCode: string): Language | undefined {
  const text = nameOrCode.trim();
  if (text.length === 0 || text.length > 200) return undefined;
  if (LOWER_CODE.test(text)) {
    const iso = byCode.get(text);
    if (iso !== undefined) return toLanguage(iso, firstName(iso));
  }
  const entry = findByName(text);
  if (entry !== undefined) return toLanguage(entry.iso, entry.name);
  if (ANY_CASE_CODE.test(text)) {
    const iso = byCode.get(text.toLowerCase());
    if (iso !== undefined) return toLanguage(iso, firstName(iso));
  }
  return undefined;
}

/** By name; then without a MARC qualifier, also as a collective `... languages` name. */
function findByName(text: string): Entry | undefined {
  const direct = byNameKey.get(looseKey(text));
  if (direct !== undefined) return direct;
  const qualifier = MARC_QUALIFIERS.find((suffix) => text.endsWith(suffix));
  if (qualifier === undefined) return undefined;
  const key = looseKey(text.slice(0, -qualifier.length));
  return byNameKey.get(key) ?? byNameKey.get(`${key}languages`);
}

/**
 * Every language name this module knows (ISO 639-2 name variants and the base-name
 * aliases), longest first: the order in which to try them when splitting a flattened
 * `English Spanish` cell.
 */
export function knownLanguageNames(): readonly string[] {
  return allNames;
}
