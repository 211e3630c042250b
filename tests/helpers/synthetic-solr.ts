/**
 * Synthetic Solr responses of any size, produced chunk by chunk (never held whole), for
 * bounded-memory tests and benchmarks of the streaming readers.
 */

function syntheticDoc(index: number): { id: string; title: string; authors: string[]; version: string; year: string } {
  const id = `syn-${String(index).padStart(9, '0')}`;
  return {
    id,
    title: `Synthetic record ${index}: effects of <treatment> & outcome in cohort ${index % 97}`,
    authors: [`Author${index % 13}, Given ${index % 7}`, `Second, Person ${index % 5}`],
    version: String(1821734098163351552n + BigInt(index)),
    year: String(1950 + (index % 75)),
  };
}

const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A Solr XML select response with `count` documents, in chunks of about `chunkDocs` documents. */
export async function* syntheticSolrXml(count: number, chunkDocs = 200): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<lst name="responseHeader"><int name="status">0</int></lst>\n<result name="response" numFound="${count}" start="0">\n`);
  let chunk = '';
  for (let index = 0; index < count; index++) {
    const doc = syntheticDoc(index);
    chunk += `<doc><str name="id">${doc.id}</str><str name="title">${escapeXml(doc.title)}</str><arr name="author">${doc.authors
      .map((author) => `<str>${escapeXml(author)}</str>`)
      .join('')}</arr><arr name="publishDate"><str>${doc.year}</str></arr><long name="_version_">${doc.version}</long></doc>\n`;
    if ((index + 1) % chunkDocs === 0) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  yield Buffer.from(`${chunk}</result>\n</response>\n`);
}

const quoteCsv = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A Solr CSV export with `count` rows, in chunks of about `chunkDocs` rows. */
export async function* syntheticSolrCsv(count: number, chunkDocs = 200): AsyncGenerator<Uint8Array> {
  let chunk = 'id,title,author,publishDate,_version_\n';
  for (let index = 0; index < count; index++) {
    const doc = syntheticDoc(index);
    const authors = doc.authors.map((author) => author.replaceAll('\\', '\\\\').replaceAll(',', '\\,')).join(',');
    chunk += `${[doc.id, quoteCsv(doc.title), quoteCsv(authors), doc.year, doc.version].join(',')}\n`;
    if ((index + 1) % chunkDocs === 0) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  yield Buffer.from(chunk);
}
