/**
 * MARC on the read side: every MARC encoding bibpipe reads, parsed to the one MarcRecord
 * shape (src/model/marc.ts) that readers attach to RawRecord.marc and the crosswalk reads.
 */
export { parseIso2709, readIso2709, type Iso2709Result } from './iso2709.js';
export { parseMarcXml } from './marcxml.js';
export { parseMarcInJson } from './marc-in-json.js';
export { decodeFullrecord, readFullrecord, type FullrecordResult } from './fullrecord.js';
export { decodeMarc8 } from './marc8.js';
export { MarcParseError, type MarcProblem, type MarcProblemCode } from './problems.js';
export { marcProblemIssues, unparsableIssue } from './issues.js';
export { writeIso2709, type Iso2709WriteOptions } from './iso2709-write.js';
