import { accepted, isAsciiDigit, quote, refused, startsWithIgnoreCase, stripLabel, type Parsed } from './parsed.js';

/**
 * Reads an ISSN (`0378-5955`, `0378 5955`, `03785955`, `ISSN 0041-7084 (print)`); the last
 * character is a digit or `X`. Returns `NNNN-NNNC`. A wrong shape fails with
 * `issn.invalid`, a wrong check digit with `issn.checksum`.
 */
export function parseIssn(text: string): Parsed {
  let body = text.trim();
  if (startsWithIgnoreCase(body, 'issn')) body = stripLabel(body, 'issn');
  const compact = leadingIssnCharacters(body);
  if (compact === undefined) return refused('issn.invalid', `ISSN ${quote(text)} is not of the form NNNN-NNNC`);
  let sum = 0;
  for (let index = 0; index < 7; index++) sum += (8 - index) * Number(compact[index]);
  const check = (11 - (sum % 11)) % 11;
  const expectedChar = check === 10 ? 'X' : String(check);
  if (compact[7] !== expectedChar) {
    return refused('issn.checksum', `ISSN ${quote(text)} has check digit ${compact[7]}; expected ${expectedChar}`);
  }
  return accepted(`${compact.slice(0, 4)}-${compact.slice(4)}`);
}

/** Eight characters `NNNNNNNC` from `NNNN-NNNC` / `NNNN NNNC` / `NNNNNNNC`, then only a qualifier. */
function leadingIssnCharacters(text: string): string | undefined {
  let position = 0;
  let compact = '';
  for (; position < text.length && compact.length < 8; position++) {
    const char = text[position] as string;
    if (compact.length === 4 && (char === '-' || char === ' ') && position === 4) continue;
    if (isAsciiDigit(char)) compact += char;
    else if ((char === 'X' || char === 'x') && compact.length === 7) compact += 'X';
    else return undefined;
  }
  if (compact.length !== 8) return undefined;
  const rest = text.slice(position).trim();
  if (rest.length > 0 && !'(:;,/[.'.includes(rest[0] ?? '') && !isWordStartAfterSpace(text, position)) return undefined;
  return compact;
}

function isWordStartAfterSpace(text: string, position: number): boolean {
  return text[position] === ' ' && /^ +[\p{L}]/u.test(text.slice(position, position + 64));
}
