import { execFileSync, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createProgressDisplay, logDestination, type TerminalStream } from '../src/cli/progress.js';
import { temporaryDirectory } from './helpers/temp.js';
import { describeWhen, PROJECT_ROOT } from './helpers/shared.js';

/** A stream that says it is a terminal and keeps what is written. */
function fakeTerminal(): { stream: TerminalStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  }) as TerminalStream & { columns: number };
  stream.isTTY = true;
  stream.columns = 100;
  return { stream, text: () => chunks.join('') };
}

// Cursor moves and line clears, so that the visible text can be compared.
const ANSI = /\u001b(?:\[[0-9;?]*[A-Za-z]|[78])/g;

describe('progress display', () => {
  it('prints every log line above the bar, including those logged just before it stops', () => {
    const terminal = fakeTerminal();
    const display = createProgressDisplay(terminal.stream, false)!;
    const logger = pino({ level: 'warn', base: undefined }, logDestination(terminal.stream, display) as unknown as pino.DestinationStream);
    for (let index = 1; index <= 8; index++) {
      display.update({ records: index * 10, bytesRead: index * 100, bytesTotal: 1000 });
      logger.warn({ recordId: `r${index}` }, 'record rejected');
    }
    display.stop();
    const visible = terminal.text().replace(ANSI, '');
    for (let index = 1; index <= 8; index++) expect(visible).toContain(`bibpipe warn: record rejected {"recordId":"r${index}"}`);
    // Each log line is written once.
    expect(visible.match(/record rejected/g)).toHaveLength(8);
  });

  it('is absent when stderr is not a terminal or the run is quiet; logs there are readable lines unless --log-format json', () => {
    let written = '';
    const piped = new Writable({ write: (chunk, _e, done) => { written += String(chunk); done(); } });
    expect(createProgressDisplay(piped, false)).toBeUndefined();
    expect(createProgressDisplay(fakeTerminal().stream, true)).toBeUndefined();
    expect(logDestination(piped, undefined, 'json')).toBe(piped);
    const readable = logDestination(piped, undefined);
    readable.write('{"level":40,"time":1,"msg":"record rejected","recordId":"x"}\n');
    expect(written).toBe('bibpipe warn: record rejected {"recordId":"x"}\n');
  });

  it('counts records without bytes for engines that only count records, with the right plural', () => {
    const terminal = fakeTerminal();
    const display = createProgressDisplay(terminal.stream, false)!;
    display.update({ records: 1, bytesRead: 0 });
    display.log('a line\n');
    display.stop();
    display.stop();
    const visible = terminal.text().replace(ANSI, '');
    expect(visible).toContain('1 record |');
    expect(visible).toContain('a line\n');
  });
});

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

describeWhen('on a real terminal (script(1) gives the CLI a pseudo-terminal)', HAS_SCRIPT, 'needs script(1) (util-linux, apt-get install bsdutils)', () => {
  it('convert, validate and stats show every "record rejected" line and the summary', () => {
    const dir = temporaryDirectory('bibpipe-tty-');
    const input = join(dir, 'records.ndjson');
    const lines: string[] = [];
    for (let index = 0; index < 400; index++) {
      lines.push(index % 50 === 7 ? `{"title":"no id ${index}"}` : JSON.stringify({ id: `r${index}`, title: 'T', title_full: 'T', title_fullStr: 'T', format: ['Book'] }));
    }
    writeFileSync(input, `${lines.join('\n')}\n`);
    const cli = join(PROJECT_ROOT, 'dist/cli/main.js');
    const run = (args: string): string => {
      try {
        return execFileSync('script', ['-qec', `${process.execPath} ${cli} ${args}`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, COLUMNS: '120' } });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? '');
      }
    };
    const converted = run(`convert records.ndjson --to csv --out-dir out --workers 1`).replace(ANSI, '');
    expect(converted.match(/bibpipe warn: record rejected/g)).toHaveLength(8);
    expect(converted).toContain('read 400, converted 392, rejected 8');
    expect(run('validate records.ndjson').replace(ANSI, '')).toContain('400 records');
    expect(run('stats records.ndjson').replace(ANSI, '')).toContain('400 records');
  });
});
