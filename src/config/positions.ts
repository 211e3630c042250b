/**
 * The 1-based line where each element of a top-level array starts in JSON text
 * (`"fillRates": [ {...}, {...} ]`): a run-wide finding about a config rule points at the
 * rule's line. The text is valid JSON (it was parsed first); strings are skipped whole so
 * that brackets and quotes inside them do not count.
 */
export function topLevelArrayElementLines(text: string, key: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let lastKey: string | undefined;
  let inTarget = false;
  let expectElement = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') line++;
    if (char === '"') {
      const start = at;
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
      if (depth === 1) lastKey = JSON.parse(text.slice(start, at + 1)) as string;
      if (inTarget && depth === 2 && expectElement) lines.push(line);
      expectElement = false;
      continue;
    }
    if (/\s/.test(char) || char === ':') continue;
    if (inTarget && depth === 2 && expectElement && char !== ']') lines.push(line);
    expectElement = inTarget && depth === 2 && char === ',';
    if (char === '{' || char === '[') {
      depth++;
      if (depth === 2 && char === '[' && lastKey === key) {
        inTarget = true;
        expectElement = true;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 1) inTarget = false;
    }
  }
  return lines;
}
