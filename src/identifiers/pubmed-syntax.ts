import { accepted, isAllDigits, quote, refused, startsWithIgnoreCase, type Parsed } from './parsed.js';

const MAX_PMID_DIGITS = 8;

/** 1 to 8 digits; leading zeros dropped. `original` is the text to name in the message. */
export function checkPmidDigits(digits: string, original: string): Parsed {
  if (digits.length > MAX_PMID_DIGITS || !isAllDigits(digits)) {
    return refused('pmid.invalid', `PMID ${quote(original)} is not 1 to ${MAX_PMID_DIGITS} digits`);
  }
  const withoutZeros = digits.replace(/^0+/, '');
  if (withoutZeros.length === 0) return refused('pmid.invalid', `PMID ${quote(original)} is zero`);
  return accepted(withoutZeros);
}

/** `PMC` (any case) + digits, returned as `PMC<digits>`. */
export function checkPmcidSyntax(candidate: string, original: string): Parsed {
  if (!startsWithIgnoreCase(candidate, 'PMC')) {
    return refused('pmcid.invalid', `PMCID ${quote(original)} does not start with "PMC"`);
  }
  const digits = candidate.slice(3);
  if (!isAllDigits(digits)) return refused('pmcid.invalid', `PMCID ${quote(original)} is not "PMC" followed by digits`);
  return accepted(`PMC${digits}`);
}
