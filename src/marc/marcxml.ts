import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { MarcDataField, MarcField, MarcRecord } from '../model/marc.js';
import { MarcParseError } from './problems.js';

/**
 * MARCXML (the Library of Congress MARC 21 slim schema) with saxes, the XML parser bibpipe
 * reads Solr XML with: a `<collection>` of `<record>`s or one `<record>`, in the MARC
 * namespace under any prefix (`<marc:record>`) or in no namespace (VuFind's own writer and
 * many OAI feeds leave it out). Elements of other namespaces are skipped; a DOCTYPE is
 * refused (bibpipe never expands entities).
 */
export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

/** A MARC element: in the MARC namespace or in none. */
function marcName(tag: SaxesTagNS): string | undefined {
  return tag.uri === MARCXML_NAMESPACE || tag.uri === '' ? tag.local : undefined;
}

function attribute(tag: SaxesTagNS, name: string): string {
  const found = tag.attributes[name];
  return found === undefined ? '' : found.value;
}

/** Collects records from saxes events; the text of leader, control fields and subfields. */
class MarcXmlCollector {
  readonly records: MarcRecord[] = [];
  private record: MarcRecord | undefined;
  private field: MarcDataField | undefined;
  /** Where the text being read goes, once it is complete. */
  private target: ((text: string) => void) | undefined;
  private text = '';
  /** Depth of elements that are not MARC (skipped whole). */
  private foreign = 0;

  open(tag: SaxesTagNS): void {
    const name = this.foreign > 0 ? undefined : marcName(tag);
    if (name === undefined) {
      this.foreign++;
      return;
    }
    this.text = '';
    this.target = undefined;
    if (name === 'record') this.record = { leader: '', fields: [] };
    else if (this.record === undefined) return;
    else if (name === 'leader') this.target = (text) => void (this.record!.leader = text);
    else if (name === 'controlfield') this.openControlField(attribute(tag, 'tag'));
    else if (name === 'datafield') this.openDataField(tag);
    else if (name === 'subfield' && this.field !== undefined) this.openSubfield(this.field, attribute(tag, 'code'));
  }

  private openControlField(tag: string): void {
    const field: MarcField = { tag, value: '' };
    this.record!.fields.push(field);
    this.target = (text) => void (field.value = text);
  }

  private openDataField(tag: SaxesTagNS): void {
    this.field = { tag: attribute(tag, 'tag'), ind1: attribute(tag, 'ind1') || ' ', ind2: attribute(tag, 'ind2') || ' ', subfields: [] };
    this.record!.fields.push(this.field);
  }

  private openSubfield(field: MarcDataField, code: string): void {
    const subfield = { code, value: '' };
    field.subfields.push(subfield);
    this.target = (text) => void (subfield.value = text);
  }

  addText(text: string): void {
    if (this.target !== undefined && this.foreign === 0) this.text += text;
  }

  close(tag: SaxesTagNS): void {
    if (this.foreign > 0) {
      this.foreign--;
      return;
    }
    const name = marcName(tag);
    if (this.target !== undefined) {
      this.target(this.text.normalize('NFC'));
      this.target = undefined;
    }
    if (name === 'datafield') this.field = undefined;
    if (name === 'record' && this.record !== undefined) {
      this.records.push(this.record);
      this.record = undefined;
    }
  }
}

/** UTF-8 bytes of `text` before character offset `chars`: where a problem is, as a byte offset. */
export function byteOffsetOf(text: string, chars: number): number {
  return Buffer.byteLength(text.slice(0, Math.max(0, Math.min(chars, text.length))));
}

/**
 * Every MARC record of a MARCXML text (a collection, or one record). Throws MarcParseError
 * with the byte offset of the first XML error, or when the text holds no MARC record.
 */
export function parseMarcXml(text: string): MarcRecord[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const collector = new MarcXmlCollector();
  let failure: MarcParseError | undefined;
  const fail = (reason: string): void => {
    failure ??= new MarcParseError(reason, byteOffsetOf(text, parser.position));
  };
  parser.on('doctype', () => fail('the XML declares a DOCTYPE; bibpipe never expands XML entities'));
  parser.on('opentag', (tag) => collector.open(tag));
  parser.on('text', (chunk) => collector.addText(chunk));
  parser.on('cdata', (chunk) => collector.addText(chunk));
  parser.on('closetag', (tag) => collector.close(tag));
  parser.on('error', (error) => fail(`not well-formed XML: ${error.message.replace(/^\d+:\d+: /, '')}`));
  try {
    parser.write(text).close();
  } catch (error) {
    fail(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (failure !== undefined) throw failure;
  if (collector.records.length === 0) throw new MarcParseError('no MARCXML <record> element', 0);
  return collector.records;
}
