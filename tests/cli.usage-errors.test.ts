import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';

const GOOD = '{"id":"good-1","title":"A title","format":["Book"]}\n';

describe('usage and I/O errors: one line, exit 2, no stack trace', () => {
  const dir = temporaryDirectory('bibpipe-usage-');
  const aFile = join(dir, 'a-file');
  writeFileSync(aFile, 'x');

  const cases: Array<[string, string[], RegExp]> = [
    ['an input that does not exist', ['convert', join(dir, 'missing.json'), '--to', 'csv'], /Input not found: .*missing\.json/],
    ['a glob that matches nothing', ['convert', join(dir, 'none-*.json'), '--to', 'csv'], /No input matches/],
    ['an unknown output format', ['convert', '-', '--to', 'docx'], /Unknown output format "docx"/],
    ['an unknown input format', ['convert', '-', '--from', 'mods', '--to', 'csv'], /--from <format>.*mods/],
    ['an unknown option', ['convert', '-', '--to', 'csv', '--colour'], /unknown option '--colour'/],
    ['no inputs', ['convert', '--to', 'csv'], /missing required argument 'inputs'/],
    ['no --to', ['convert', '-'], /--to <formats>/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an --out-dir below a file', ['convert', '-', '--to', 'csv', '--out-dir', join(aFile, 'sub')], /Cannot create output directory/],
    ['an --out-dir that is a file', ['convert', '-', '--to', 'csv', '--out-dir', aFile], /Cannot create output directory/],
    ['a --rejects file in a missing directory', ['convert', '-', '--to', 'csv', '--rejects', join(aFile, 'rejects.ndjson')], /Cannot write .*rejects\.ndjson/],
    ['several formats to stdout', ['convert', '-', '--to', 'csv,ndjson'], /exactly one output format/],
    ['a bad --max-values', ['convert', '-', '--to', 'csv', '--max-values', 'many'], /--max-values.*positive whole number/],
    ['a zero --max-field-length', ['validate', '-', '--max-field-length', '0'], /--max-field-length.*positive whole number/],
    ['a bad --max-record-bytes', ['convert', '-', '--to', 'csv', '--max-record-bytes', '12X'], /--max-record-bytes/],
    ['a missing --profile', ['convert', '-', '--to', 'csv', '--profile', join(dir, 'nope.json')], /profile/i],
    ['an unknown reporter', ['validate', '-', '--reporter', 'pdf'], /reporter/i],
  ];

  for (const [name, args, message] of cases) {
    it(name, async () => {
      const result = await runBibpipe(args, { input: GOOD });
      expect(result.code, result.stderr).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^bibpipe: /);
      expect(lines[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('--debug adds the stack trace', async () => {
    const result = await runBibpipe(['convert', join(dir, 'missing.json'), '--to', 'csv', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^bibpipe: error: Input not found/);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('the limit flags take k/M/G sizes and reach the readers', async () => {
    const long = `{"id":"long-1","title":"${'t'.repeat(3000)}"}\n`;
    const cut = await runBibpipe(['convert', '-', '--to', 'ndjson', '--max-field-length', '2k', '--log-level', 'silent'], { input: long });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('rejected 1');
    const fits = await runBibpipe(['convert', '-', '--to', 'ndjson', '--max-field-length', '3k', '--log-level', 'silent'], { input: long });
    expect(fits.code).toBe(0);
  });
});
