/**
 * JSON with one long array written an item at a time, byte for byte what `JSON.stringify`
 * gives for the whole value. The value is stringified with a placeholder where the array
 * goes (ARRAY_SLOT); items are stringified one by one and indented to the array's depth.
 */

/** Put where the array goes. JSON.stringify escapes its NULs, which no data string can imitate unescaped between quotes. */
export const ARRAY_SLOT = '\u0000bibpipe-array\u0000';

const SLOT_TEXT = JSON.stringify(ARRAY_SLOT);

/** `JSON.stringify(value-with-items, null, indent)`, in pieces; `indent` 0 is compact. */
export function* jsonPieces(value: unknown, items: Iterable<unknown>, indent: 0 | 2): Iterable<string> {
  const whole = JSON.stringify(value, null, indent === 0 ? undefined : indent);
  const slot = whole.indexOf(SLOT_TEXT);
  if (slot < 0) throw new TypeError('jsonPieces: the value has no ARRAY_SLOT');
  yield whole.slice(0, slot);
  const lineStart = whole.lastIndexOf('\n', slot) + 1;
  const depth = whole.slice(lineStart).search(/[^ ]/);
  const itemIndent = `\n${' '.repeat(depth + indent)}`;
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(item, null, indent === 0 ? undefined : indent);
    const separator = first ? '[' : ',';
    first = false;
    yield indent === 0 ? `${separator}${text}` : `${separator}${itemIndent}${text.replaceAll('\n', itemIndent)}`;
  }
  yield first ? '[]' : indent === 0 ? ']' : `\n${' '.repeat(depth)}]`;
  yield whole.slice(slot + SLOT_TEXT.length);
}
