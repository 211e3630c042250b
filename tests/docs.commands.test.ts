import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/parse.js';
import { temporaryDirectory } from './helpers/temp.js';
import { PROJECT_ROOT } from './helpers/shared.js';

/** The documents whose commands this test runs (each developer adds theirs). */
const DOCUMENTS = ['README.md', 'docs/cli.md', 'docs/validate.md', 'docs/formats.md', 'docs/library.md'];
/** Written by other issues; their links may point at them before they land on this branch. */
const PENDING = new Set(['docs/scale-out.md']);

interface Command {
  line: string;
  /** `# exit N` after the command; 0 when not given. */
  exit: number;
}

function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm');
  for (const match of markdown.matchAll(pattern)) blocks.push(match[1]!);
  return blocks;
}

function shellCommands(block: string): Command[] {
  const commands: Command[] = [];
  for (const line of block.replaceAll(/\\\n\s*/g, ' ').split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const exit = /#\s*exit (\d+)\b/.exec(text);
    commands.push({ line: text.replace(/\s+#.*$/, ''), exit: exit ? Number(exit[1]) : 0 });
  }
  return commands;
}

/** The commands of a CI recipe: `run:` steps and `script:` lines that call bibpipe. */
function recipeCommands(yamlText: string): Command[] {
  const found: string[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (typeof node === 'string') {
      if ((key === 'run' || key === 'script') && node.includes('bibpipe')) found.push(node);
      return;
    }
    if (Array.isArray(node)) for (const item of node) visit(item, key);
    else if (node !== null && typeof node === 'object') for (const [name, value] of Object.entries(node)) visit(value, name);
  };
  visit(parse(yamlText), undefined);
  return found.map((line) => ({ line, exit: 0 }));
}

/** `npm` commands are the project's own scripts (the test suite cannot run itself). */
function expectNpmCommand(line: string): void {
  const scripts = Object.keys((JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  for (const part of line.split('&&').map((text) => text.trim())) {
    const [, verb, script] = /^npm (ci|link|test|start|run ([\w:-]+))/.exec(part) ?? [];
    expect(verb, part).toBeDefined();
    if (script !== undefined) expect(scripts, part).toContain(script);
  }
}

/** A scratch directory that sees the repository's samples and profiles, with `bibpipe` on PATH. */
function workspace(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = temporaryDirectory('bibpipe-docs-');
  for (const name of ['samples', 'profiles', 'schemas']) symlinkSync(join(PROJECT_ROOT, name), join(cwd, name));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'bibpipe'), `#!/bin/sh\nexec "${process.execPath}" "${join(PROJECT_ROOT, 'dist/cli/main.js')}" "$@"\n`);
  chmodSync(join(bin, 'bibpipe'), 0o755);
  return { cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, NO_COLOR: '1' } };
}

describe('every command in the docs runs on files in the repository', () => {
  for (const document of DOCUMENTS) {
    it.runIf(existsSync(join(PROJECT_ROOT, document)))(document, () => {
      const markdown = readFileSync(join(PROJECT_ROOT, document), 'utf8');
      const commands = [...fencedBlocks(markdown, 'sh').flatMap(shellCommands), ...fencedBlocks(markdown, 'yaml').flatMap(recipeCommands)];
      const { cwd, env } = workspace();
      for (const { line, exit } of commands) {
        if (line.startsWith('npm ')) {
          expectNpmCommand(line);
          continue;
        }
        const script = line.replaceAll('npx bibpipe', 'bibpipe');
        const run = spawnSync('bash', ['-o', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        expect(run.status, `${document}: ${line}\n${run.stderr}`).toBe(exit);
      }
    });
  }
});

describe('the docs are consistent with the repository', () => {
  it('every relative link points at a file that exists', () => {
    for (const document of DOCUMENTS.filter((path) => existsSync(join(PROJECT_ROOT, path)))) {
      const markdown = readFileSync(join(PROJECT_ROOT, document), 'utf8');
      for (const match of markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target)) continue;
        const path = resolve(dirname(join(PROJECT_ROOT, document)), target);
        if (PENDING.has(path.slice(PROJECT_ROOT.length + 1))) continue;
        expect(existsSync(path), `${document} links ${target}`).toBe(true);
      }
    }
  });

  it('the config example in validate.md is a valid config', () => {
    const [example] = fencedBlocks(readFileSync(join(PROJECT_ROOT, 'docs/validate.md'), 'utf8'), 'json');
    expect(() => parseConfig(JSON.parse(example!), 'docs/validate.md')).not.toThrow();
  });

  it('the README stays short', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThan(200);
  });
});
