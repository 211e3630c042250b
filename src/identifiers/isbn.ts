import { accepted, isAsciiDigit, quote, refused, startsWithIgnoreCase, type Parsed } from './parsed.js';

/**
 * Reads an ISBN-10 or ISBN-13 as catalogues hold it: hyphens or spaces inside, an `ISBN`
 * label before (`ISBN-13: ...`), MARC 020 qualifiers after (`9780306406157 (pbk.)`,
 * `0-306-40615-2 :`, `0374249407:`). Returns the ISBN-13 as 13 digits (an ISBN-10 is
 * converted). A wrong shape fails with `isbn.invalid`, a wrong check digit with `isbn.checksum`.
 */
export function parseIsbn(text: string): Parsed {
  const body = stripIsbnLabel(text.trim());
  const { compact, rest, restAfterSpace } = leadingIsbnCharacters(body);
  if (compact.length !== 10 && compact.length !== 13) {
    if (compact.length === 0) return refused('isbn.invalid', `ISBN ${quote(text)} does not start with a digit; expected 10 or 13 digits (an ISBN-10 may end in X)`);
    const count = compact.length > 13 ? 'more than 13' : String(compact.length);
    return refused('isbn.invalid', `ISBN ${quote(text)} has ${count} ${compact.length === 1 ? 'digit' : 'digits'}; expected 10 or 13 (an ISBN-10 may end in X)`);
  }
  if (rest.length > 0 && !startsQualifier(rest, restAfterSpace)) {
    return refused('isbn.invalid', `ISBN ${quote(text)} has unexpected text ${quote(rest, 20)} after the number`);
  }
  return compact.length === 10 ? readIsbn10(compact, text) : readIsbn13(compact, text);
}

function stripIsbnLabel(text: string): string {
  if (!startsWithIgnoreCase(text, 'isbn')) return text;
  let index = 4;
  for (const tail of ['-13', '-10', ' 13', ' 10', '13', '10']) {
    if (text.startsWith(tail, index)) {
      index += tail.length;
      break;
    }
  }
  while (text[index] === ' ') index++;
  if (text[index] === ':') index++;
  while (text[index] === ' ') index++;
  return text.slice(index);
}

/**
 * Takes digits, `X`, hyphens and single spaces from the start; stops at the first other
 * character or at a space that is not followed by a digit (the qualifier begins there).
 */
function leadingIsbnCharacters(text: string): { compact: string; rest: string; restAfterSpace: boolean } {
  let compact = '';
  let index = 0;
  for (; index < text.length; index++) {
    const char = text[index] as string;
    if (isAsciiDigit(char)) compact += char;
    else if (char === 'X' || char === 'x') compact += 'X';
    else if (char === '-') continue;
    else if (char === ' ' && (isAsciiDigit(text[index + 1]) || text[index + 1] === '-')) continue;
    else break;
    // Catalogue ISBNs are short; a long digit run is not an ISBN and need not be copied whole.
    if (compact.length > 13) break;
  }
  const restAfterSpace = text[index] === ' ' || text[index] === '\t';
  return { compact, rest: text.slice(index).trim(), restAfterSpace };
}

/** MARC 020 $a qualifiers: `(pbk.)`, `: $12.00`, `; v. 1`, `pbk.`, `alk. paper`. */
function startsQualifier(rest: string, afterSpace: boolean): boolean {
  const first = rest[0] ?? '';
  if ('(:;,/[.'.includes(first)) return true;
  // A word after a space ("9780306406157 pbk."), never glued to the digits ("0306406152abc").
  return afterSpace && LETTER.test(first);
}

const LETTER = /^\p{L}/u;

function readIsbn10(compact: string, original: string): Parsed {
  if (compact.slice(0, 9).includes('X')) return refused('isbn.invalid', `ISBN-10 ${quote(original)} has an X before the check digit`);
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (10 - index) * Number(compact[index]);
  const expected = (11 - (sum % 11)) % 11;
  const expectedChar = expected === 10 ? 'X' : String(expected);
  if (compact[9] !== expectedChar) {
    return refused('isbn.checksum', `ISBN-10 ${quote(original)} has check digit ${compact[9]}; expected ${expectedChar}`);
  }
  const body = `978${compact.slice(0, 9)}`;
  return accepted(body + isbn13CheckDigit(body));
}

function readIsbn13(compact: string, original: string): Parsed {
  if (compact.includes('X')) return refused('isbn.invalid', `ISBN-13 ${quote(original)} contains an X`);
  if (!compact.startsWith('978') && !compact.startsWith('979')) {
    return refused('isbn.invalid', `ISBN-13 ${quote(original)} does not start with 978 or 979`);
  }
  const expected = isbn13CheckDigit(compact.slice(0, 12));
  if (compact[12] !== expected) {
    return refused('isbn.checksum', `ISBN-13 ${quote(original)} has check digit ${compact[12]}; expected ${expected}`);
  }
  return accepted(compact);
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += (index % 2 === 0 ? 1 : 3) * Number(first12[index]);
  return String((10 - (sum % 10)) % 10);
}
