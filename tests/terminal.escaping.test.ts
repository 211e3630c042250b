import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readableLogLine } from '../src/cli/progress.js';
import { runCli } from '../src/cli/program.js';
import { terminalSafe } from '../src/model/display.js';
import { textReporter } from '../src/report/text.js';
import { emptySummary } from '../src/pipeline/counts.js';
import type { ValidationResult } from '../src/pipeline/validate.js';

/**
 * Text from the data (field names, values, file names) printed on a terminal must never
 * reach it as controls: ESC sequences retitle or clear the screen, U+009B is a CSI by
 * itself, bidi overrides reorder what is shown.
 */

/** Any character a terminal would act on. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    text: () => chunks.join(''),
  };
}

describe('terminal escaping', () => {
  it('terminalSafe escapes C0, DEL, C1, line separators and bidi controls, and leaves other text alone', () => {
    expect(terminalSafe('a\u001b]0;pwned\u0007b')).toBe('a\\u001b]0;pwned\\u0007b');
    expect(terminalSafe('x\u009b2Jy\u0085z\u202eevil')).toBe('x\\u009b2Jy\\u0085z\\u202eevil');
    expect(terminalSafe('line\nnext\ttab')).toBe('line\\nnext\\ttab');
    expect(terminalSafe('Müller, José — 東京 ✓')).toBe('Müller, José — 東京 ✓');
  });

  it('`bibpipe stats` prints a field named with escape sequences escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bibpipe-stats-escape-'));
    directories.push(dir);
    const input = join(dir, 'records.ndjson');
    const hostile = '\u001b]0;retitled\u0007\u001b[2J\u009b2J';
    writeFileSync(input, `${JSON.stringify({ id: 'r1', title: 'T', [hostile]: 'x', format: ['Book\u001b[31m'] })}\n`);
    const out = collector();
    const err = collector();
    const code = await runCli(['node', 'bibpipe', 'stats', input], { stdout: out.stream, stderr: err.stream });
    expect(code).toBe(0);
    expect(out.text()).toContain('\\u001b]0;retitled\\u0007\\u001b[2J\\u009b2J');
    expect(out.text()).not.toMatch(ACTIVE);
  });

  it('the text reporter escapes C1 controls in messages, fields and record ids', () => {
    const summary = emptySummary();
    const result = {
      summary,
      truncated: false,
      issues: [{ code: 'field.unknown', severity: 'warning', message: 'bad \u009b2J value', field: 'f\u0085ld', recordId: 'id\u009d0;x\u009c', source: { file: 'a\u001bb.json' } }],
    } as unknown as ValidationResult;
    const text = textReporter.render(result, {});
    expect(text).toContain('\\u009b2J');
    expect(text).not.toMatch(ACTIVE);
  });

  it('terminal log lines escape C1 controls and an ESC in a message', () => {
    const line = readableLogLine(JSON.stringify({ level: 40, msg: 'file x\u001b[2J.json', recordId: 'r\u009b1' }));
    expect(line).not.toMatch(ACTIVE);
    expect(line).toContain('\\u009b1');
  });

  it('an error line naming a file with ESC in its name shows it escaped', async () => {
    const err = collector();
    const code = await runCli(['node', 'bibpipe', 'validate', '/nonexistent/\u001b[2Jdump.json'], { stdout: collector().stream, stderr: err.stream });
    expect(code).toBe(2);
    expect(err.text()).toContain('\\u001b[2Jdump.json');
    expect(err.text()).not.toMatch(ACTIVE);
  });
});
