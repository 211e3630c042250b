import { parseDoi } from './doi.js';
import type { IssueCode } from '../model/rules.js';
import { accepted, quote, refused, startsWithIgnoreCase, type Parsed } from './parsed.js';
import { checkPmcidSyntax, checkPmidDigits } from './pubmed-syntax.js';

const WEB_PROTOCOLS = new Set(['http:', 'https:', 'ftp:']);

/**
 * Reads an absolute http(s) or ftp URL (WHATWG URL parsing) and returns it serialized
 * (`http://Example.org` -> `http://example.org/`). Anything else fails with `url.invalid`.
 */
export function parseHttpUrl(text: string): Parsed {
  const trimmed = text.trim();
  const url = tryParseUrl(trimmed);
  if (url === undefined) return refused('url.invalid', `${quote(text)} is not an absolute URL`);
  if (!WEB_PROTOCOLS.has(url.protocol)) {
    return refused('url.invalid', `${quote(text)} uses ${quote(url.protocol)}; expected http, https or ftp`);
  }
  if (url.hostname.length === 0) return refused('url.invalid', `${quote(text)} has no host`);
  return accepted(url.href);
}

/**
 * Recently parsed URLs: validation and normalization read the same links of a record
 * several times, and WHATWG parsing is one of the costlier steps per record. Bounded:
 * cleared when full. The URLs handed out are only read, never changed.
 */
const recentUrls = new Map<string, URL | undefined>();
const RECENT_URLS_MAX = 256;

function tryParseUrl(text: string): URL | undefined {
  if (recentUrls.has(text)) return recentUrls.get(text);
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (recentUrls.size >= RECENT_URLS_MAX) recentUrls.clear();
  recentUrls.set(text, url);
  return url;
}

/** Identifiers a link carries. */
export interface LinkedIdentifiers {
  doi?: string;
  pmid?: string;
  pmcid?: string;
  /** A DOI, PubMed or PMC link whose identifier fails its check: why (`doi.invalid`...). */
  refused?: { code: IssueCode; message: string };
}

function refusedLink(parsed: Parsed): LinkedIdentifiers {
  return parsed.ok ? {} : { refused: { code: parsed.code, message: parsed.message } };
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);
const NCBI_HOSTS = new Set(['www.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov']);
const PUBMED_HOSTS = new Set(['pubmed.ncbi.nlm.nih.gov']);
const PMC_HOSTS = new Set(['pmc.ncbi.nlm.nih.gov', 'www.pmc.ncbi.nlm.nih.gov']);
const EUROPE_PMC_HOSTS = new Set(['europepmc.org', 'www.europepmc.org']);
/** Hosts users write without a scheme. */
const SCHEMELESS_HOST_PREFIXES = ['www.ncbi.nlm.nih.gov/', 'pubmed.ncbi.nlm.nih.gov/', 'pmc.ncbi.nlm.nih.gov/', 'doi.org/', 'dx.doi.org/', 'europepmc.org/'];

/**
 * Recognises DOI, PubMed and PMC links, old and new forms:
 * `https://doi.org/10.x/y`, `http://dx.doi.org/10.x/y`, `https://pubmed.ncbi.nlm.nih.gov/N/`,
 * `https://www.ncbi.nlm.nih.gov/pubmed/N`, `https://pmc.ncbi.nlm.nih.gov/articles/PMCN/`,
 * `https://www.ncbi.nlm.nih.gov/pmc/articles/PMCN/`, Europe PMC article links, and the
 * host-less paths VuFind's `spelling` text holds (see {@link identifiersFromPath}).
 * Returns an empty object for any other text, and `refused` for an identifier link whose
 * identifier fails its check; never throws.
 */
export function identifiersFromUrl(text: string): LinkedIdentifiers {
  const trimmed = text.trim();
  if (trimmed.startsWith('/')) return identifiersFromPath(trimmed);
  const withScheme = SCHEMELESS_HOST_PREFIXES.some((prefix) => startsWithIgnoreCase(trimmed, prefix)) ? `https://${trimmed}` : trimmed;
  const url = tryParseUrl(withScheme);
  if (url === undefined || !WEB_PROTOCOLS.has(url.protocol)) return {};
  const host = url.hostname;
  if (DOI_HOSTS.has(host)) {
    const doi = parseDoi(`https://doi.org${url.pathname}`);
    return doi.ok ? { doi: doi.value } : refusedLink(doi);
  }
  const segments = pathSegments(url.pathname);
  if (PUBMED_HOSTS.has(host)) return pmidFrom(segments[0]);
  if (NCBI_HOSTS.has(host)) return fromNcbiSegments(segments);
  if (PMC_HOSTS.has(host)) return fromPmcSegments(segments);
  if (EUROPE_PMC_HOSTS.has(host)) return fromEuropePmcSegments(segments);
  return {};
}

/**
 * Recognises host-less NCBI paths: `/pubmed/37424412`, `/pmc/articles/PMC10335903/`,
 * `/pmc/articles/pmid/37424412/` and the new PMC site's `/articles/PMC10335903/`.
 */
export function identifiersFromPath(path: string): LinkedIdentifiers {
  return fromNcbiSegments(pathSegments(path));
}

function fromNcbiSegments(segments: readonly string[]): LinkedIdentifiers {
  const [first, ...rest] = segments;
  if (first === undefined) return {};
  const head = first.toLowerCase();
  if (head === 'pubmed') return pmidFrom(rest[0]);
  if (head === 'pmc') return fromPmcSegments(rest);
  if (head === 'articles') return fromPmcSegments(segments);
  return {};
}

/** `articles/PMCN` or `articles/pmid/N` (the PMC site's own paths). */
function fromPmcSegments(segments: readonly string[]): LinkedIdentifiers {
  if (segments[0]?.toLowerCase() !== 'articles') return {};
  const second = segments[1];
  if (second === undefined) return {};
  if (second.toLowerCase() === 'pmid') return pmidFrom(segments[2]);
  return pmcidFrom(second);
}

/** `article/MED/N`, `abstract/MED/N`, `article/PMC/PMCN`. */
function fromEuropePmcSegments(segments: readonly string[]): LinkedIdentifiers {
  const [kind, source, id] = segments;
  if (kind === undefined || source === undefined || id === undefined) return {};
  if (kind !== 'article' && kind !== 'abstract') return {};
  if (source.toUpperCase() === 'MED') return pmidFrom(id);
  if (source.toUpperCase() === 'PMC') return pmcidFrom(id.toUpperCase().startsWith('PMC') ? id : `PMC${id}`);
  return {};
}

function pmidFrom(segment: string | undefined): LinkedIdentifiers {
  if (segment === undefined) return {};
  const parsed = checkPmidDigits(segment, segment);
  return parsed.ok ? { pmid: parsed.value } : refusedLink(parsed);
}

function pmcidFrom(segment: string): LinkedIdentifiers {
  const parsed = checkPmcidSyntax(segment, segment);
  return parsed.ok ? { pmcid: parsed.value } : refusedLink(parsed);
}

/** Path segments without empty ones; a query or fragment ends the path. */
function pathSegments(path: string): string[] {
  let end = path.length;
  const query = path.indexOf('?');
  if (query >= 0) end = query;
  const fragment = path.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  return path
    .slice(0, end)
    .split('/')
    .filter((segment) => segment.length > 0);
}
