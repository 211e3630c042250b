/**
 * A JSON syntax error in words, without the excerpt of the text that V8 puts in its
 * message (`Unexpected token 'x', "\u001b[2J{..." is not valid JSON`): a config or profile
 * path may name any file, and its first bytes must not be echoed to the terminal or a log.
 */
export function jsonSyntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutExcerpt = message.replace(/,\s*".*"(\.\.\.)?\s*is not valid JSON\s*$/s, '').replace(/\s*in JSON at position/, ' at position');
  const position = /position (\d+)/.exec(message)?.[1];
  const firstLine = withoutExcerpt.split('\n')[0]!;
  // The token V8 quotes is one character: shown only when it is printable ASCII.
  const safe = firstLine.replace(/'(.)'/su, (whole, char: string) => (/^[\x21-\x7e]$/.test(char) ? whole : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
  return position === undefined || safe.includes(position) ? safe : `${safe} (at position ${position})`;
}

/** Keys that would reach an object's prototype instead of being data. */
const PROTOTYPE_KEYS = new Set(['__proto__']);

/**
 * The path of the first `__proto__` key anywhere in parsed JSON (iteratively, any depth),
 * or undefined. Such a key is never a rule code, field or option; accepting it would let
 * a config change object prototypes.
 */
export function prototypeKeyPath(json: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value: json, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_KEYS.has(key)) return at;
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return undefined;
}

/** How deep a JSON file a user hands the CLI (config, profile, baseline) may nest: theirs need a handful of levels. */
export const USER_JSON_MAX_DEPTH = 64;

/**
 * Why JSON text nests arrays and objects deeper than `limit`, or undefined. Checked on the
 * text before parsing: JSON.parse copes with a million levels, but the checks and messages
 * after it recurse (zod, JSON.stringify of a bad value) and died with a stack overflow.
 * Strings are skipped whole, so brackets inside them do not count.
 */
export function jsonDepthProblem(text: string, limit: number = USER_JSON_MAX_DEPTH): string | undefined {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      for (at++; at < text.length && text.charCodeAt(at) !== 0x22; at++) if (text.charCodeAt(at) === 0x5c) at++;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return `arrays and objects nested more than ${limit} deep (at position ${at})`;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}
