import type { RawValue } from '../model/raw-record.js';

/**
 * Characters a value holds that no output carries faithfully: lone UTF-16 surrogates (a
 * JSON `\ud800` escape without its pair: UTF-8 cannot encode them) and control characters:
 * C0 other than tab, LF and CR (XML 1.0 cannot hold them), DEL, C1 (NEL breaks lines for some
 * readers) and the bidi embeddings, overrides and isolates that reorder what a reader shows. Writers replace or drop them; this finds
 * them first so the record says so instead of changing silently.
 */

/** MARC in `fullrecord` is made of U+001D-U+001F separators: data, not damage. */
const BINARY_FIELDS = new Set(['fullrecord']);

/** The characters the writers leave out or escape (src/text.ts UNWRITABLE_CONTROLS): C0 but tab/LF/CR, DEL, C1, bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SURROGATE = /[\ud800-\udfff]/g;

/** Index of the first surrogate without its partner, or -1 (a plain scan: most text has no surrogate at all). */
function loneSurrogateAt(text: string): number {
  SURROGATE.lastIndex = 0;
  for (let match = SURROGATE.exec(text); match !== null; match = SURROGATE.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        SURROGATE.lastIndex = at + 2;
        continue;
      }
    }
    return at;
  }
  return -1;
}

export interface CharacterFinding {
  code: 'value.lone-surrogate' | 'value.control-character';
  field: string;
  message: string;
}

/** One finding per field and kind, naming the first offending character and where it is. */
export function characterFindings(name: string, value: RawValue): CharacterFinding[] {
  if (BINARY_FIELDS.has(name)) return [];
  const values = typeof value === 'string' ? [value] : value;
  const findings: CharacterFinding[] = [];
  let control = false;
  let surrogate = false;
  values.forEach((text, index) => {
    const where = values.length > 1 ? ` (value ${index + 1})` : '';
    if (!control) {
      const match = CONTROL.exec(text);
      if (match) {
        control = true;
        const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        findings.push({ code: 'value.control-character', field: name, message: `Field "${name}"${where} holds the control character U+${code} at character ${match.index + 1}; MEDLINE XML, .nbib and CSV leave it out, JSON outputs escape it` });
      }
    }
    if (!surrogate) {
      const at = loneSurrogateAt(text);
      if (at !== -1) {
        surrogate = true;
        const code = text.charCodeAt(at).toString(16).toUpperCase();
        findings.push({ code: 'value.lone-surrogate', field: name, message: `Field "${name}"${where} holds a lone surrogate U+${code} at character ${at + 1}; CSV and .nbib write U+FFFD, XML outputs leave it out` });
      }
    }
  });
  return findings;
}
