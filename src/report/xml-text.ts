/**
 * Characters XML 1.0 cannot carry even escaped (C0 controls but tab/newline/CR, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD; the XML builder escapes the rest.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** For attributes: also one line (parsers fold newlines in attributes to spaces anyway). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/[\r\n]+/g, ' ');
}
