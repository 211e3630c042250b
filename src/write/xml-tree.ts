import { escapeUTF8 } from 'entities';

/**
 * A small element tree written straight to text, in the layout fast-xml-parser's XMLBuilder
 * gives with `format: true, indentBy: '  '` (its output is the oracle in
 * tests/write.xml-tree-matches-builder.property.test.ts): attributes are `@_name` keys, text
 * is `#text`, a list repeats its element, an empty element is `<Name></Name>`. Building
 * through XMLBuilder cost ~0.3 ms per MEDLINE record, most of a three-format run; this
 * writes the same bytes without its per-node bookkeeping. Escaping is the `entities`
 * package's (`&`, `<`, `>`, `"`, `'`).
 */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

const INDENT = '  ';

function attributesOf(node: XmlNode): string {
  let text = '';
  for (const key in node) {
    if (!key.startsWith('@_')) continue;
    const value = node[key];
    if (typeof value === 'string') text += ` ${key.slice(2)}="${escapeUTF8(value)}"`;
  }
  return text;
}

function hasChildren(node: XmlNode): boolean {
  for (const key in node) if (!key.startsWith('@_') && key !== '#text' && node[key] !== undefined) return true;
  return false;
}

function element(name: string, value: string | XmlNode, indent: string, out: string[]): void {
  if (typeof value === 'string') {
    out.push(`${indent}<${name}>${escapeUTF8(value)}</${name}>\n`);
    return;
  }
  const attributes = attributesOf(value);
  if (!hasChildren(value)) {
    const text = value['#text'];
    out.push(`${indent}<${name}${attributes}>${typeof text === 'string' ? escapeUTF8(text) : ''}</${name}>\n`);
    return;
  }
  out.push(`${indent}<${name}${attributes}>\n`);
  children(value, indent + INDENT, out);
  out.push(`${indent}</${name}>\n`);
}

function children(node: XmlNode, indent: string, out: string[]): void {
  for (const key in node) {
    if (key.startsWith('@_') || key === '#text') continue;
    const value = node[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) element(key, item, indent, out);
    else element(key, value, indent, out);
  }
}

/** The element `name` with its content, starting at `depth` levels of indentation. */
export function xmlElement(name: string, value: XmlNode, depth: number): string {
  const out: string[] = [];
  element(name, value, INDENT.repeat(depth), out);
  return out.join('');
}
