const HAS_LONG_DIGIT_RUN = /\d{16}/;

/**
 * Deepest nesting of arrays and objects accepted. A Solr document is 2 deep (the document,
 * a multi-valued field); nested child documents and whole responses add a few levels.
 * Anything deeper is refused before it is parsed: code that walks a parsed value (JSON
 * text for messages, copying to worker threads) would overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 64;

/** The JSON text nests deeper than the limit; `at` is the index of the bracket that went over. */
export class JsonTooDeepError extends Error {
  override readonly name = 'JsonTooDeepError';
  constructor(readonly at: number, readonly maxDepth: number) {
    super(`arrays and objects nested deeper than ${maxDepth} levels (at character ${at})`);
  }
}

/**
 * `JSON.parse` that keeps integers above 2^53 exact: such literals (Solr's `_version_`)
 * are turned into strings before parsing instead of being rounded. Safe integers and
 * other numbers parse as usual. Throws SyntaxError like JSON.parse, or JsonTooDeepError.
 */
export function parseJsonExact(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const tooDeepAt = depthExceededAt(text, maxDepth);
  if (tooDeepAt !== undefined) throw new JsonTooDeepError(tooDeepAt, maxDepth);
  if (!HAS_LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return JSON.parse(quoteUnsafeIntegers(text));
}

/** Index of the first bracket that opens level `maxDepth + 1`, or undefined; strings are skipped whole. */
export function depthExceededAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      i = closingQuote(text, i + 1);
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > maxDepth) return i;
    } else if (code === 93 /* ] */ || code === 125 /* } */) {
      depth--;
    }
  }
  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Index of the quote that closes a string starting at `from` (text.length when none).
 * Strings are skipped with indexOf rather than char by char: most of a document is string
 * content. A quote is escaped when an odd number of backslashes precedes it; each run of
 * backslashes is counted once (it precedes one character), so this stays linear.
 */
function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === 92 /* \\ */) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/**
 * Wraps integer literals that do not fit a double in quotes (with `all`, every number
 * literal: its text kept as written, as a streamed tokenizer keeps it); string contents are
 * left alone.
 */
export function quoteUnsafeIntegers(text: string, all = false): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      i = closingQuote(text, i + 1);
      continue;
    }
    if (!(isDigit(code) || code === 45 /* - */)) continue;
    let end = i + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    const integerEnd = end;
    // Consume a fraction and exponent too, so that their digits are never taken for an integer.
    if (end < text.length && text.charCodeAt(end) === 46 /* . */) {
      end++;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
    if (end < text.length && (text.charCodeAt(end) | 32) === 101 /* e or E */) {
      end++;
      const sign = text.charCodeAt(end);
      if (sign === 43 || sign === 45) end++;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
    const literal = text.slice(i, end);
    if (all || (end === integerEnd && literal.length >= 16 && !Number.isSafeInteger(Number(literal)))) {
      out += `${text.slice(copiedUpTo, i)}"${literal}"`;
      copiedUpTo = end;
    }
    i = end - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
