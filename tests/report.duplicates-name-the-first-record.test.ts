import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBibpipe, temporaryDirectory } from './helpers/cli.js';

const record = (id: string, title: string): string => JSON.stringify({ id, title, title_full: title, title_fullStr: title, format: ['Book'] });

describe('a duplicate id in every reporter', () => {
  const dir = temporaryDirectory('bibpipe-duplicates-');
  const file = join(dir, 'export.ndjson');
  writeFileSync(file, `${record('dup-1', 'First')}\n${record('other', 'Other')}\n${record('dup-1', 'Second')}\n`);
  const validate = (...reporters: string[]) => runBibpipe(['validate', 'export.ndjson', ...reporters.flatMap((name) => ['--reporter', name])], { cwd: dir });

  it('text: the two records sharing the id get a heading each, with their lines, and the finding names the first', async () => {
    const { stdout } = await validate('text');
    const section = stdout.slice(stdout.indexOf('id.duplicate'));
    expect(section).toMatch(/dup-1 {2}export\.ndjson:3/);
    expect(section).toMatch(/export\.ndjson.*line 1|export\.ndjson:1/);
  });

  it('json, github and sarif carry the first record', async () => {
    const json = JSON.parse((await validate('json')).stdout) as { issues: Array<{ code: string; related?: { file: string; line?: number } }> };
    const duplicate = json.issues.find((issue) => issue.code === 'id.duplicate');
    expect(duplicate?.related).toMatchObject({ file: 'export.ndjson', line: 1 });
    expect((await validate('github')).stdout).toMatch(/::error file=export\.ndjson,line=3,title=bibpipe id\.duplicate::.*export\.ndjson.*1/);
    const sarif = JSON.parse((await validate('sarif')).stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }> }> }> };
    const result = sarif.runs[0]!.results.find((candidate) => candidate.ruleId === 'id.duplicate');
    expect(result?.relatedLocations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'export.ndjson' }, region: { startLine: 1 } });
  });
});
