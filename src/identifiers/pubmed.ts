import { accepted, encodeSegment, startsWithIgnoreCase, stripLabel, type Parsed } from './parsed.js';
import { checkPmcidSyntax, checkPmidDigits } from './pubmed-syntax.js';
import { identifiersFromUrl } from './url.js';

/**
 * Reads a PubMed id: 1 to 8 digits, bare, labelled (`PMID: 37424412`) or as a PubMed URL
 * (`https://pubmed.ncbi.nlm.nih.gov/37424412/`, `https://www.ncbi.nlm.nih.gov/pubmed/37424412`).
 * Leading zeros are dropped so that equal ids compare equal.
 */
export function parsePmid(text: string): Parsed {
  const trimmed = text.trim();
  const fromUrl = looksLikeUrlOrPath(trimmed) ? identifiersFromUrl(trimmed).pmid : undefined;
  if (fromUrl !== undefined) return accepted(fromUrl);
  return checkPmidDigits(stripLabel(trimmed, 'pmid'), text);
}

/**
 * Reads a PubMed Central id: `PMC` + digits (prefix in any case), bare, labelled
 * (`PMCID: PMC10335903`) or as a PMC URL (`https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/`,
 * `https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/`). Returns `PMC10335903`.
 */
export function parsePmcid(text: string): Parsed {
  const trimmed = text.trim();
  const fromUrl = looksLikeUrlOrPath(trimmed) ? identifiersFromUrl(trimmed).pmcid : undefined;
  if (fromUrl !== undefined) return accepted(fromUrl);
  return checkPmcidSyntax(stripLabel(trimmed, 'pmcid'), text);
}

function looksLikeUrlOrPath(text: string): boolean {
  return text.startsWith('/') || text.includes('://') || startsWithIgnoreCase(text, 'www.') || startsWithIgnoreCase(text, 'pubmed.') || startsWithIgnoreCase(text, 'pmc.');
}

/** Canonical PubMed URL: `https://pubmed.ncbi.nlm.nih.gov/37424412/`. */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeSegment(pmid)}/`;
}

/** Canonical PMC URL: `https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/`. */
export function pmcUrl(pmcid: string): string {
  return `https://pmc.ncbi.nlm.nih.gov/articles/${encodeSegment(pmcid)}/`;
}
