import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { temporaryDirectory } from './helpers/temp.js';
import { PROJECT_ROOT } from './helpers/shared.js';

interface ActionInput {
  default?: string;
  required?: boolean;
}
interface ActionStep {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as Action;

/**
 * Runs the composite action's steps as the GitHub runner does: `${{ inputs.X }}` substituted
 * (defaults applied), bash -eo pipefail, GITHUB_ACTION_PATH at this checkout (whose dist/ the
 * test setup built, so the install step has nothing to do). Returns the last step's result.
 */
function runAction(inputs: Record<string, string>, workspace: string, options: { actionPath?: string; env?: NodeJS.ProcessEnv } = {}): { code: number | null; stdout: string; stderr: string } {
  for (const name of Object.keys(inputs)) expect(action.inputs, `action.yml declares input ${name}`).toHaveProperty(name);
  const value = (name: string): string => inputs[name] ?? action.inputs[name]?.default ?? '';
  const substitute = (text: string): string => text.replaceAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, name: string) => value(name));
  let result = { code: 0 as number | null, stdout: '', stderr: '' };
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    expect(step.run, `step "${step.name}" must take inputs from env, not from \${{ }} in the script`).not.toMatch(/\$\{\{/);
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, text]) => [key, substitute(String(text))]));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...options.env, ...env, GITHUB_ACTION_PATH: options.actionPath ?? PROJECT_ROOT, GITHUB_WORKSPACE: workspace },
    });
    result = { code: run.status, stdout: run.stdout, stderr: run.stderr };
    if (run.status !== 0) break;
  }
  return result;
}

const CLEAN = '{"id":"ok-1","title":"T","title_full":"T","title_fullStr":"T","format":["Book"],"language":["English"]}';
const WARNING = '{"id":"w-1","title":"T","title_full":"T","title_fullStr":"T","format":["Book"],"isbn":["12345"]}';
const ERROR = '{"title":"no id"}';

function workspace(files: Record<string, string>): string {
  const root = temporaryDirectory('bibpipe-action-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('action.yml (composite GitHub Action)', () => {
  it('is a composite action with inputs for paths, reporters and max-warnings', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.paths?.required).toBe(true);
    expect(action.inputs.reporters?.default).toBe('github');
    expect(action.inputs).toHaveProperty('max-warnings');
  });

  it('annotates each finding at its file and line and fails the job on an error', () => {
    const root = workspace({ 'exports/records.ndjson': `${WARNING}\n${ERROR}\n` });
    const run = runAction({ paths: 'exports' }, root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::warning file=exports/records.ndjson,line=1,title=bibpipe isbn.invalid::');
    expect(run.stdout).toContain('::error file=exports/records.ndjson,line=2,title=bibpipe id.missing::');
    expect(run.stderr).toContain('validation failed: 1 error');
  });

  it('passes on clean records, and fails on warnings only past max-warnings; extra reporters write their files', () => {
    const root = workspace({ 'a.ndjson': `${CLEAN}\n`, 'b.ndjson': `${WARNING}\n` });
    expect(runAction({ paths: 'a.ndjson' }, root).code).toBe(0);
    const lenient = runAction({ paths: 'a.ndjson\nb.ndjson', 'max-warnings': '1' }, root);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('::warning file=b.ndjson,line=1');
    mkdirSync(join(root, 'reports'));
    const strict = runAction({ paths: '*.ndjson', 'max-warnings': '0', reporters: 'github\nsarif:reports/bibpipe.sarif' }, root);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('too many warnings (1)');
    expect(JSON.parse(readFileSync(join(root, 'reports', 'bibpipe.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });

  it('takes paths with spaces (one per line) and a path starting with a dash, and writes a Markdown summary to $GITHUB_STEP_SUMMARY', () => {
    const root = workspace({ 'my exports/records 2024.ndjson': `${WARNING}\n`, '-odd.ndjson': `${CLEAN}\n`, 'summary/.keep': '' });
    const summary = join(root, 'summary', 'step-summary.md');
    writeFileSync(summary, '');
    const run = runAction({ paths: '  my exports/records 2024.ndjson  \n\n-odd.ndjson\n' }, root, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('::warning file=my exports/records 2024.ndjson,line=1');
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## bibpipe validate');
    expect(markdown).toContain('**2 records**: 2 valid, 0 with errors; 0 errors, 1 warning, 0 info');
    expect(markdown).toContain('| `isbn.invalid` | warning | 1 |');
    // summary: false writes none.
    writeFileSync(summary, '');
    expect(runAction({ paths: '-odd.ndjson', summary: 'false' }, root, { env: { GITHUB_STEP_SUMMARY: summary } }).code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('installs from a fresh checkout with the runtime dependencies only (no dev tools), then validates', () => {
    // The action's checkout as GitHub makes it: the repository at a commit, no node_modules, no dist/.
    const checkout = temporaryDirectory('bibpipe-action-checkout-');
    expect(spawnSync('git', ['clone', '-q', PROJECT_ROOT, checkout]).status).toBe(0);
    const root = workspace({ 'exports/records.ndjson': `${CLEAN}\n` });
    const run = runAction({ paths: 'exports' }, root, { actionPath: checkout, env: { RUNNER_TEMP: root } });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(checkout, 'dist/cli/main.js'))).toBe(true);
    const installed = readdirSync(join(checkout, 'node_modules'));
    const packageJson = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    // Only type packages of the dev tools are linked in (for the one build); no test runner, linter or browser driver.
    for (const tool of Object.keys(packageJson.devDependencies).filter((name) => !name.startsWith('@types/'))) expect(installed, tool).not.toContain(tool);
    expect(installed.length).toBeLessThan(80);
  }, 600_000);

  it('fails an empty export with exit 2 unless allow-empty is set', () => {
    const root = workspace({ 'exports/README.md': '# nothing exported\n' });
    const empty = runAction({ paths: 'exports' }, root);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no records found in exports');
    expect(runAction({ paths: 'exports', 'allow-empty': 'true' }, root).code).toBe(0);
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  pass_filenames: boolean;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((candidate) => candidate.id === 'bibpipe-validate')!;

  it('picks catalogue exports, not the project files next to them', () => {
    expect(hook.language).toBe('node');
    const picked = (path: string): boolean => new RegExp(hook.files).test(path) && !(hook.exclude !== undefined && new RegExp(hook.exclude).test(path));
    for (const path of ['samples/catalogue-response.solr.json', 'dump/records.ndjson.gz', 'exports/solr-select-response.xml', 'catalogue/scrapes/page.txt', 'exports/2024.csv.br', 'x/records.jsonl', 'dumps/biblio.json.gz']) {
      expect(picked(path), path).toBe(true);
    }
    for (const path of ['package.json', 'tsconfig.json', 'README.md', 'src/index.ts', 'config.json', 'pom.xml', 'docs/notes.txt', '.vscode/settings.json', 'exports/README.md', 'exports/photo.jpg']) {
      expect(picked(path), path).toBe(false);
    }
  });

  it('runs its entry on the staged files as pre-commit does (the bin with the file names appended)', () => {
    const [bin, ...args] = hook.entry.split(' ');
    const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(existsSync(join(PROJECT_ROOT, packageJson.bin[bin!]!))).toBe(true);
    const root = workspace({ 'good.ndjson': `${CLEAN}\n`, 'bad.ndjson': `${ERROR}\n` });
    const run = (files: string[]): number | null =>
      spawnSync(process.execPath, [join(PROJECT_ROOT, packageJson.bin[bin!]!), ...args, ...files], { cwd: root, encoding: 'utf8' }).status;
    expect(run(['good.ndjson'])).toBe(0);
    expect(run(['good.ndjson', 'bad.ndjson'])).toBe(1);
  });
});
