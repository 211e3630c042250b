import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../src/model/raw-record.js';
import { solrJsonReader } from '../src/read/solr-json.js';
import { validateRecord } from '../src/validate/index.js';
import { readAll } from './helpers/read.js';

/**
 * A lone surrogate (a JSON escape without its pair) or a C0 control in a value cannot be
 * written as it is: CSV and .nbib turn the surrogate into U+FFFD, XML drops both. The
 * record must say so with an issue instead of changing silently.
 */

async function issuesOf(line: string): Promise<Array<{ code: string; field?: string | undefined; message: string }>> {
  const [record] = await readAll(solrJsonReader, `${line}\n`);
  return validateRecord(record as RawRecord).map((issue) => ({ code: issue.code, field: issue.field, message: issue.message }));
}

describe('characters no output can carry', () => {
  it('a lone high or low surrogate in a title is a value.lone-surrogate warning naming the field and position', async () => {
    const high = await issuesOf('{"id":"a","title":"Caf\\ud800e"}');
    expect(high).toContainEqual({ code: 'value.lone-surrogate', field: 'title', message: 'Field "title" holds a lone surrogate U+D800 at character 4; CSV and .nbib write U+FFFD, XML outputs leave it out' });
    const low = await issuesOf('{"id":"a","title":"x","topic":["ok","\\udc00"]}');
    expect(low.find((issue) => issue.code === 'value.lone-surrogate')?.message).toMatch(/Field "topic" \(value 2\) holds a lone surrogate U\+DC00 at character 1/);
  });

  it('a paired surrogate (an emoji) is fine', async () => {
    expect((await issuesOf('{"id":"a","title":"Smile \\ud83d\\ude00"}')).map((issue) => issue.code)).not.toContain('value.lone-surrogate');
  });

  it('C0 controls other than tab, LF and CR are value.control-character warnings; MARC separators in fullrecord are not', async () => {
    const issues = await issuesOf('{"id":"a","title":"Bell\\u0007 and\\ttab\\nline","fullrecord":"00714cam\\u001e\\u001f"}');
    expect(issues.filter((issue) => issue.code === 'value.control-character')).toEqual([
      { code: 'value.control-character', field: 'title', message: 'Field "title" holds the control character U+0007 at character 5; MEDLINE XML, .nbib and CSV leave it out, JSON outputs escape it' },
    ]);
  });
});
