import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveField } from '../src/biblio-schema/index.js';
import { loadProfile, parseProfile } from '../src/biblio-schema/profile.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const scratch = mkdtempSync(join(tmpdir(), 'bibpipe-profile-'));

function writeScratch(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('loadProfile', () => {
  it('reads the example profile shipped in profiles/', async () => {
    const profile = await loadProfile(join(PROJECT_ROOT, 'profiles/example-local-fields.json'));
    expect(profile.fields.length).toBeGreaterThan(0);
    expect(resolveField('local_shelfmark', profile)).toMatchObject({ origin: 'profile' });
    expect(resolveField('harvest_note', profile)).toMatchObject({ stored: false });
    expect(resolveField('notes_local_txt_mv', profile)).toMatchObject({ name: '*_local_txt_mv' });
  });

  it('names the file and the zod problem for a wrong shape', async () => {
    const path = writeScratch('wrong-shape.json', JSON.stringify({ fields: [{ name: 'x', type: 'string' }] }));
    await expect(loadProfile(path)).rejects.toThrow(path);
    await expect(loadProfile(path)).rejects.toThrow(/multiValued/);
  });

  it('refuses a misspelt key instead of ignoring it', async () => {
    const path = writeScratch('misspelt.json', JSON.stringify({ fields: [{ name: 'x', type: 'string', multivalued: true }] }));
    await expect(loadProfile(path)).rejects.toThrow(/multivalued|multiValued/);
  });

  it('refuses a dynamic pattern with the star in the middle', () => {
    expect(() => parseProfile({ dynamicFields: [{ name: 'a*b', type: 'string', multiValued: false }] }, 'inline.json')).toThrow(/inline\.json[\s\S]*pattern/);
  });

  it('says when the file is not JSON or missing', async () => {
    const broken = writeScratch('broken.json', '{ "fields": [ ');
    await expect(loadProfile(broken)).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(loadProfile(join(scratch, 'absent.json'))).rejects.toThrow(/Cannot read schema profile .*absent\.json/);
  });
});
