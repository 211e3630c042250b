import fc from 'fast-check';
import { XMLBuilder } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlElement, type XmlNode } from '../src/write/xml-tree.js';

/**
 * MEDLINE XML is written straight from its element tree (src/write/xml-tree.ts); it must
 * give the bytes fast-xml-parser's XMLBuilder gives for the same tree, the builder it
 * replaced, on any text and any tree shape the writer builds.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  processEntities: true,
  suppressBooleanAttributes: false,
  suppressEmptyNode: false,
});

function byBuilder(name: string, tree: XmlNode): string {
  const wrapped = builder.build({ Set: { [name]: tree } }) as string;
  return wrapped.slice('<Set>\n'.length, wrapped.length - '</Set>\n'.length);
}

const text = fc.oneof(fc.string(), fc.constantFrom('', 'a & b < c > "d" \'e\'', 'line\nbreak', '  spaced  ', 'ü漢字'));
const name = fc.constantFrom('A', 'B', 'Title', 'Author', 'LastName');
const attributes = fc.dictionary(fc.constantFrom('@_X', '@_ValidYN', '@_IdType'), text, { maxKeys: 2 });

const tree: fc.Arbitrary<XmlNode> = fc.letrec<{ node: XmlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({ attributes, text }).map(({ attributes: attrs, text: t }) => ({ ...attrs, '#text': t })),
    fc.tuple(attributes, fc.array(fc.tuple(name, fc.oneof(text, tie('node'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }), fc.array(text, { minLength: 1, maxLength: 3 }))), { maxLength: 4 }))
      .map(([attrs, entries]) => {
        const node: XmlNode = { ...attrs };
        for (const [key, value] of entries) node[key] = value;
        return node;
      }),
  ),
})).node;

describe('MEDLINE element trees written directly', () => {
  it('give the bytes XMLBuilder gives', () => {
    fc.assert(
      fc.property(tree, (node) => {
        expect(xmlElement('PubmedArticle', node, 1)).toBe(byBuilder('PubmedArticle', node));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});
