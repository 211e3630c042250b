import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld, { type RemoteDocument } from 'jsonld';
import { ParseOption, XmlDocument, XmlParseError, xmlRegisterInputProvider } from 'libxml2-wasm';
import { sharedPath } from './shared.js';

/**
 * Conformance checkers for bibpipe's outputs, shared by the writer tests and the end-to-end
 * tests. All of them work offline against the reference data in ../shared.
 */

// ---------------------------------------------------------------------------------------
// MEDLINE XML: DTD validation with libxml2 (libxml2-wasm)

const MEDLINE_DIR = resolve(sharedPath('data', 'medline'));
const NLM_DTD_PREFIXES = ['https://dtd.nlm.nih.gov/ncbi/pubmed/out/', 'http://dtd.nlm.nih.gov/ncbi/pubmed/out/'];
const VALIDATING_DOCTYPE =
  '<!DOCTYPE PubmedArticleSet SYSTEM "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">';

/** Maps NLM's DTD URLs (and the modules they include by relative path) onto ../shared: the catalog's job. */
function localDtdPath(url: string): string | undefined {
  for (const prefix of NLM_DTD_PREFIXES) {
    if (!url.startsWith(prefix)) continue;
    const path = resolve(join(MEDLINE_DIR, url.slice(prefix.length)));
    return path.startsWith(MEDLINE_DIR + sep) ? path : undefined;
  }
  return undefined;
}

let providerRegistered = false;
function registerNlmDtdProvider(): void {
  if (providerRegistered) return;
  providerRegistered = xmlRegisterInputProvider({
    match: (url) => {
      const path = localDtdPath(url);
      return path !== undefined && existsSync(path);
    },
    open: (url) => {
      const path = localDtdPath(url);
      if (path === undefined) return undefined;
      try {
        return openSync(path, 'r');
      } catch {
        return undefined;
      }
    },
    read: (fd, buffer) => {
      try {
        return readSync(fd, buffer);
      } catch {
        return -1;
      }
    },
    close: (fd) => {
      try {
        closeSync(fd);
        return true;
      } catch {
        return false;
      }
    },
  });
  if (!providerRegistered) throw new Error('libxml2-wasm refused the input provider for the NLM DTDs');
}

/**
 * The document with its DOCTYPE replaced by one naming pubmed_250101.dtd, so that every
 * document is checked against the current DTD whatever version it names (xmllint --dtdvalid).
 * An internal subset is refused rather than copied: validation must not run input-defined
 * declarations.
 */
function withCurrentDoctype(xml: string): string | { problem: string } {
  const start = xml.indexOf('<!DOCTYPE');
  if (start < 0) {
    const declarationEnd = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
    return `${xml.slice(0, declarationEnd)}\n${VALIDATING_DOCTYPE}${xml.slice(declarationEnd)}`;
  }
  const end = xml.indexOf('>', start);
  if (end < 0) return { problem: 'unterminated DOCTYPE' };
  if (xml.slice(start, end).includes('[')) return { problem: 'DOCTYPE with an internal subset is not accepted' };
  return `${xml.slice(0, start)}${VALIDATING_DOCTYPE}${xml.slice(end + 1)}`;
}

/** DTD validity errors of a MEDLINE XML document against pubmed_250101.dtd (empty: valid). */
export async function validateMedlineXml(xml: string): Promise<string[]> {
  registerNlmDtdProvider();
  const text = withCurrentDoctype(xml);
  if (typeof text !== 'string') return [text.problem];
  try {
    const doc = XmlDocument.fromString(text, {
      option: ParseOption.XML_PARSE_DTDVALID | ParseOption.XML_PARSE_NONET,
    });
    doc.dispose();
    return [];
  } catch (error) {
    if (error instanceof XmlParseError) {
      const problems = error.details.map((detail) => `line ${detail.line ?? '?'}: ${detail.message.trim()}`);
      return problems.length > 0 ? problems : [error.message];
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// JSON-LD: offline expansion in safe mode + every term checked against the schema.org vocabulary

const SCHEMA_CONTEXT_URLS = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);
const SCHEMA_PREFIXES = ['http://schema.org/', 'https://schema.org/'];
const XSD_PREFIX = 'http://www.w3.org/2001/XMLSchema#';

let schemaContext: unknown;
async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  if (!SCHEMA_CONTEXT_URLS.has(url)) throw new Error(`offline document loader: refusing to fetch ${url}`);
  schemaContext ??= JSON.parse(readFileSync(sharedPath('data', 'schemaorg', 'schemaorgcontext.jsonld'), 'utf8'));
  return { contextUrl: null, documentUrl: url, document: schemaContext };
}

interface Vocabulary {
  classes: Set<string>;
  properties: Set<string>;
  all: Set<string>;
}
let vocabulary: Vocabulary | undefined;
function schemaVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const data = JSON.parse(readFileSync(sharedPath('data', 'schemaorg', 'schemaorg-current-https.jsonld'), 'utf8')) as {
    '@graph': { '@id': string; '@type': string | string[] }[];
  };
  const loaded: Vocabulary = { classes: new Set(), properties: new Set(), all: new Set() };
  for (const term of data['@graph']) {
    if (!term['@id'].startsWith('schema:')) continue;
    const name = term['@id'].slice('schema:'.length);
    const types = Array.isArray(term['@type']) ? term['@type'] : [term['@type']];
    loaded.all.add(name);
    if (types.includes('rdf:Property')) loaded.properties.add(name);
    if (types.includes('rdfs:Class')) loaded.classes.add(name);
  }
  vocabulary = loaded;
  return loaded;
}

function schemaLocalName(iri: string): string | undefined {
  for (const prefix of SCHEMA_PREFIXES) if (iri.startsWith(prefix)) return iri.slice(prefix.length);
  return undefined;
}

function checkExpandedNode(node: unknown, path: string, problems: string[], vocab: Vocabulary): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkExpandedNode(item, `${path}[${index}]`, problems, vocab));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const isValueObject = '@value' in node;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type') {
      for (const type of Array.isArray(value) ? value : [value]) {
        if (typeof type !== 'string') continue;
        if (isValueObject && type.startsWith(XSD_PREFIX)) continue;
        const name = schemaLocalName(type);
        const known = isValueObject ? vocab.all : vocab.classes;
        if (name === undefined || !known.has(name)) problems.push(`${path}: type <${type}> is not a schema.org ${isValueObject ? 'datatype' : 'class'}`);
      }
      continue;
    }
    if (key === '@id') {
      // Safe mode catches a relative node @id but not a relative IRI value (`"license": "CC BY"`).
      if (typeof value === 'string' && !value.startsWith('_:') && !URL.canParse(value)) {
        problems.push(`${path}: @id <${value}> is not an absolute IRI`);
      }
      continue;
    }
    if (key.startsWith('@')) {
      checkExpandedNode(value, `${path}.${key}`, problems, vocab);
      continue;
    }
    const name = schemaLocalName(key);
    if (name === undefined || !vocab.properties.has(name)) problems.push(`${path}: property <${key}> is not a schema.org property`);
    checkExpandedNode(value, `${path}.${name ?? key}`, problems, vocab);
  }
}

/**
 * Problems of one JSON-LD document (or an array of them): it must expand offline in safe
 * mode (no dropped keys, no relative IRIs), and every property and type in the expansion
 * must be a schema.org term. The schema.org context maps unknown keys through `@vocab`, so a
 * misspelt `auther` expands to `http://schema.org/auther` and only the vocabulary check finds it.
 */
export async function checkJsonLd(doc: unknown): Promise<string[]> {
  let expanded: unknown[];
  try {
    expanded = await jsonld.expand(doc, { documentLoader: offlineDocumentLoader, safe: true, base: null });
  } catch (error) {
    const details = (error as { details?: { event?: { message?: string } } }).details;
    const reason = details?.event?.message ?? (error instanceof Error ? error.message : String(error));
    return [`expansion failed: ${reason}`];
  }
  if (expanded.length === 0) return ['expansion produced no node'];
  const problems: string[] = [];
  checkExpandedNode(expanded, '$', problems, schemaVocabulary());
  return problems;
}

// ---------------------------------------------------------------------------------------
// CSV: a strict reader

/** Rows of an RFC 4180 text read by csv-parse with its default (strict) options; throws when malformed. */
export function parseCsvStrict(text: string): string[][] {
  return parseCsv(text) as string[][];
}
