import type { MarcRecord } from '../model/marc.js';
import { readIso2709 } from './iso2709.js';
import { parseMarcInJson } from './marc-in-json.js';
import { byteOffsetOf, parseMarcXml } from './marcxml.js';
import { jsonSyntaxProblem } from '../json-syntax.js';
import { MarcParseError, type MarcProblem } from './problems.js';

/**
 * A Solr `fullrecord` as VuFind's MARC record driver reads it: trimmed, then told apart by
 * its first character. `<` is MARCXML (`FullRecordAsXML`), `{` is MARC-in-JSON
 * (`FullRecordAsJSON2`, VuFind 9's default: JSON text inside the Solr string), anything
 * else is ISO 2709 (`FullRecordAsMarc`) whose separators are raw U+001D/1E/1F or Solr
 * XML's `#29;` `#30;` `#31;`. ISO 2709 lengths count UTF-8 bytes, so the text is encoded
 * back to the bytes SolrMarc measured.
 */
export interface FullrecordResult {
  record: MarcRecord;
  /** Problems recovered from (ISO 2709 structure, encodings); offsets are UTF-8 bytes into the value. */
  problems: MarcProblem[];
  encoding: 'marcxml' | 'marc-in-json' | 'iso2709';
}

const SOLR_XML_SEPARATORS = /#(29|30|31);/g;
/** PHP's trim(): what VuFind strips before looking at the first character. */
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** Throws MarcParseError (byte offset into the value, reason) when the value is no MARC record. */
export function decodeFullrecord(text: string): MarcRecord {
  return readFullrecord(text).record;
}

export function readFullrecord(value: string): FullrecordResult {
  const text = value.replace(PHP_TRIM, '');
  const lead = byteOffsetOf(value, value.indexOf(text.charAt(0)));
  try {
    return decodeTrimmed(text);
  } catch (error) {
    if (error instanceof MarcParseError && lead > 0) throw new MarcParseError(error.reason, error.offset + lead);
    throw error;
  }
}

function decodeTrimmed(text: string): FullrecordResult {
  if (text === '') throw new MarcParseError('the value is empty', 0);
  if (text.startsWith('<')) {
    const records = parseMarcXml(text);
    if (records.length > 1) throw new MarcParseError(`the MARCXML holds ${records.length} records, not one`, 0);
    return { record: records[0]!, problems: [], encoding: 'marcxml' };
  }
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new MarcParseError(`not valid JSON: ${jsonSyntaxProblem(error).replace(/ \(?at position \d+\)?/, '')}`, byteOffsetOf(text, jsonErrorPosition(text, message)));
    }
    return { record: parseMarcInJson(json), problems: [], encoding: 'marc-in-json' };
  }
  const bytes = Buffer.from(text.includes('#') ? text.replace(SOLR_XML_SEPARATORS, (_, code: string) => String.fromCharCode(Number(code))) : text, 'utf8');
  return { ...readIso2709(bytes), encoding: 'iso2709' };
}

/**
 * Where V8's JSON.parse stopped (a character offset): its message gives `position N`, or
 * says the input ended, or quotes the bad token with up to 10 characters of text either
 * side (`..."fields": [}" is not valid JSON`).
 */
function jsonErrorPosition(text: string, message: string): number {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  if (message.includes('end of JSON input')) return text.length;
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (quoted === null) return 0;
  const [, token, cut, context] = quoted as unknown as [string, string, string | undefined, string];
  const start = text.indexOf(context);
  if (start === -1) return 0;
  return cut === undefined ? start + Math.max(0, context.indexOf(token)) : start + 10;
}
