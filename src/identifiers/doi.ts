import { accepted, isAllDigits, quote, refused, startsWithIgnoreCase, stripLabel, type Parsed } from './parsed.js';

/** Resolver prefixes whose remainder is a percent-encoded DOI. */
const RESOLVER_PREFIXES = [
  'https://doi.org/',
  'http://doi.org/',
  'https://dx.doi.org/',
  'http://dx.doi.org/',
  'https://www.doi.org/',
  'http://www.doi.org/',
  'doi.org/',
  'dx.doi.org/',
];

const DOI_EXPECTED = '10.<registrant>/<suffix>';

/**
 * Reads a DOI given bare (`10.9758/cpn.22.1034`), with a `doi:` label or as a resolver
 * URL (`https://doi.org/...`, `http://dx.doi.org/...`; percent-encoding is undone). The
 * DOI keeps its case: compare with {@link doiKey}.
 */
export function parseDoi(text: string): Parsed {
  let candidate = text.trim();
  const resolver = RESOLVER_PREFIXES.find((prefix) => startsWithIgnoreCase(candidate, prefix));
  if (resolver !== undefined) {
    const decoded = percentDecode(candidate.slice(resolver.length));
    if (decoded === undefined) {
      return refused('doi.invalid', `DOI URL ${quote(text)} has broken percent-encoding`);
    }
    candidate = decoded;
  } else {
    candidate = stripLabel(candidate, 'doi');
  }
  return checkDoiSyntax(candidate, text);
}

function checkDoiSyntax(candidate: string, original: string): Parsed {
  const slash = candidate.indexOf('/');
  if (slash < 0) return refused('doi.invalid', `DOI ${quote(original)} has no "/" between prefix and suffix; expected ${DOI_EXPECTED}`);
  const prefix = candidate.slice(0, slash);
  const suffix = candidate.slice(slash + 1);
  if (!isDoiPrefix(prefix)) {
    return refused('doi.invalid', `DOI ${quote(original)} has prefix ${quote(prefix)}; expected 10.<digits>(.<digits>)*`);
  }
  if (suffix.length === 0) return refused('doi.invalid', `DOI ${quote(original)} has an empty suffix`);
  if (hasSpaceOrControl(suffix)) {
    return refused('doi.invalid', `DOI ${quote(original)} contains whitespace or control characters`);
  }
  return accepted(candidate);
}

/** `10.` followed by dot-separated digit groups: `10.9758`, `10.1000.10`. */
function isDoiPrefix(prefix: string): boolean {
  if (!prefix.startsWith('10.')) return false;
  return prefix.slice(3).split('.').every(isAllDigits);
}

function hasSpaceOrControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
    if (code >= 0x2000 && code <= 0x200a) return true;
    if (code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f) return true;
  }
  return false;
}

function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** DOIs are case-insensitive (ASCII): the key to compare or deduplicate them by. */
export function doiKey(doi: string): string {
  return doi.toLowerCase();
}

/**
 * Characters that may not appear raw in an IRI (RFC 3987), plus those that would end the
 * path (`?`, `#`) or start an escape (`%`).
 */
const ESCAPED_IN_DOI_URL = new Set([' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`', '%', '?', '#']);

/** The canonical resolver URL of a DOI: `https://doi.org/10.9758/cpn.22.1034`. */
export function doiUrl(doi: string): string {
  let path = '';
  for (const char of doi) {
    const code = char.codePointAt(0) ?? 0;
    path += ESCAPED_IN_DOI_URL.has(char) || code < 0x20 || code === 0x7f ? encodeURIComponent(char) : char;
  }
  return `https://doi.org/${path}`;
}
