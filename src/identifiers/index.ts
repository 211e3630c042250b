/**
 * Identifier readers: each turns catalogue text into one normalized identifier or a
 * refusal with a rule code (`doi.invalid`, `isbn.checksum`, ...). Pure; never throws.
 */
export type { Parsed } from './parsed.js';
export { parseDoi, doiKey, doiUrl } from './doi.js';
export { parsePmid, parsePmcid, pubmedUrl, pmcUrl } from './pubmed.js';
export { parseIsbn } from './isbn.js';
export { parseIssn } from './issn.js';
export { parseHttpUrl, identifiersFromUrl, identifiersFromPath } from './url.js';
