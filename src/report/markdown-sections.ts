/**
 * Generated sections of Markdown documents (the README's rule table, CSV columns): the text
 * between `<!-- NAME:start -->` and `<!-- NAME:end -->` belongs to a generator.
 */
export function sectionMarkers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The text between the markers, or undefined when the document has no (well-ordered) markers. */
export function extractSection(document: string, name: string): string | undefined {
  const { start, end } = sectionMarkers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return document.slice(from + start.length, to).trim();
}

/** The document with `content` between its markers (unchanged elsewhere), or undefined without markers. */
export function replaceSection(document: string, name: string, content: string): string | undefined {
  const { start, end } = sectionMarkers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
