import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, githubReporter } from '../src/report/github.js';
import { expectGolden, HOSTILE_ID, HOSTILE_VALUE, sampleResult } from './helpers/report-fixture.js';

/** The documented syntax: `::COMMAND key=value,key=value::message`, with GitHub's escaping. */
const PROPERTY_KEYS = new Set(['file', 'line', 'endLine', 'col', 'endColumn', 'title']);

function unescape(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const [, command = '', props = '', message = ''] = match;
  const properties: Record<string, string> = {};
  for (const pair of props.split(',')) {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals);
    expect(PROPERTY_KEYS.has(key), `unknown property ${key}`).toBe(true);
    properties[key] = unescape(pair.slice(equals + 1));
  }
  expect(message).not.toMatch(/[\r\n]/);
  return { command, properties, message: unescape(message) };
}

describe('github reporter', () => {
  it('matches its golden file', () => {
    expectGolden('github.txt', githubReporter.render(sampleResult()));
  });

  it('writes one workflow command per finding, in the documented syntax', () => {
    const lines = githubReporter.render(sampleResult()).trimEnd().split('\n');
    expect(lines).toHaveLength(sampleResult().issues.length);
    const commands = lines.map(parseCommand);
    expect(commands.map((c) => c.command)).toEqual(['error', 'warning', 'warning', 'warning', 'notice', 'error']);
    expect(commands[0]?.properties).toEqual({ file: 'data/export.json', line: '12', title: 'bibpipe id.duplicate' });
  });

  it('escapes % CR LF in data and also : , in properties, so the text round-trips', () => {
    const hostile = parseCommand(annotation(sampleResult().issues[1]!));
    expect(hostile.properties.file).toBe('data/my export, 100%: v2.json');
    expect(hostile.message).toContain(HOSTILE_ID);
    expect(hostile.message).toContain(HOSTILE_VALUE);
    expect(escapeData('100%\r\n')).toBe('100%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('annotates a run-level finding without a file', () => {
    const runLevel = parseCommand(annotation(sampleResult().issues[5]!));
    expect(runLevel.properties.file).toBeUndefined();
    expect(runLevel.command).toBe('error');
  });
});
