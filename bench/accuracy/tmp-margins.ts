import { Readable } from 'node:stream';
import { processRecord } from '../../src/pipeline/process.js';
import { staffViewReader } from '../../src/read/staff-view/reader.js';
import { DEFAULT_READ_LIMITS } from '../../src/read/types.js';
import type { CorpusRecord } from '../corpus/records.js';
import { renderStaffView } from '../corpus/render.js';
import { indexAsVufind } from './real-pubmed-index.js';
import { loadRealRecords } from './real-pubmed-load.js';
import { ourFields, nlmFields, sameField } from './real-pubmed-fields.js';
for (const dir of process.argv.slice(2)) for (const nlm of loadRealRecords(dir).records) {
  if (nlm.authors.length === 0) continue;
  const doc = indexAsVufind(nlm);
  const page = renderStaffView({ doc, locale: 'en', hasWorkKeys: false, truth: undefined } as unknown as CorpusRecord, { sorted: true, withCoreTable: true });
  for await (const raw of staffViewReader.read(Readable.from([Buffer.from(page)]), { file: 'x', limits: DEFAULT_READ_LIMITS })) {
    const p = processRecord(raw);
    const ours = ourFields(p.record).medline;
    const right = ours !== undefined && sameField('authors', nlmFields(nlm, 'medline'), ours);
    const amb = p.issues.filter((i) => i.code === 'author.split-ambiguous');
    const others = p.issues.filter((i) => i.code.startsWith('author.') && i.code !== 'author.split-ambiguous').map((i) => i.code);
    const margins = amb.flatMap((i) => (i.actual as { margin: number; chosen: string[]; alternatives: string[][] }[]).map((g) => `${g.margin.toFixed(2)} ${g.chosen.join(' + ')} | ${g.alternatives.map((a) => a.join(' + ')).join(' / ')}`));
    if (amb.length > 0 || !right) console.log(right ? 'RIGHT' : 'WRONG', nlm.pmid, others.join(','), '\n   ', margins.join('\n    '));
  }
}
