import { describe, expect, it } from 'vitest';
import { BIBLIO_SCHEMA_DATA, COPY_FIELDS, isMultiValued, isPseudoField, resolveField } from '../src/biblio-schema/index.js';
import { parseProfile } from '../src/biblio-schema/profile.js';

describe('resolveField against the VuFind biblio schema', () => {
  it('finds explicit fields with their flags', () => {
    expect(resolveField('title')).toMatchObject({ name: 'title', type: 'text', stored: true, multiValued: false, dynamic: false, kind: 'text' });
    expect(resolveField('publishDate')).toMatchObject({ type: 'string', multiValued: true, kind: 'text' });
    expect(resolveField('first_indexed')).toMatchObject({ type: 'date', kind: 'date', multiValued: false });
    expect(resolveField('_version_')).toMatchObject({ type: 'long', kind: 'int64' });
    expect(resolveField('allfields')).toMatchObject({ stored: false });
  });

  it('matches dynamic patterns, the longest first', () => {
    expect(resolveField('work_keys_str_mv')).toMatchObject({ name: '*_str_mv', multiValued: true, dynamic: true });
    expect(resolveField('format_str')).toMatchObject({ name: '*_str', multiValued: false });
    expect(resolveField('topic_txtF_mv')).toMatchObject({ name: '*_txtF_mv', multiValued: true });
    expect(resolveField('recent_date')).toMatchObject({ name: '*_date', kind: 'date' });
    expect(resolveField('open_access_boolean')).toMatchObject({ name: '*_boolean', kind: 'boolean' });
  });

  it('does not know fields Solr would reject', () => {
    expect(resolveField('author2Str')).toBeUndefined();
    expect(resolveField('titel')).toBeUndefined();
    expect(resolveField('')).toBeUndefined();
  });

  it('answers isMultiValued from the schema', () => {
    expect(isMultiValued('author')).toBe(true);
    expect(isMultiValued('author_sort')).toBe(false);
    expect(isMultiValued('x_txt_mv')).toBe(true);
    expect(isMultiValued('unknown_field')).toBe(false);
  });

  it('lists the copyField rules', () => {
    expect(COPY_FIELDS).toContainEqual({ source: 'title_full', dest: 'title_fullStr' });
    expect(COPY_FIELDS).toContainEqual({ source: 'author2', dest: 'author_facet' });
    expect(COPY_FIELDS.length).toBe(BIBLIO_SCHEMA_DATA.copyFields.length);
    expect(BIBLIO_SCHEMA_DATA.uniqueKey).toBe('id');
  });

  it('knows the pseudo-fields queries add', () => {
    for (const name of ['score', '[explain]', '[docid]', '[child]']) expect(isPseudoField(name)).toBe(true);
    expect(isPseudoField('title')).toBe(false);
  });
});

describe('resolveField with a local profile', () => {
  const profile = parseProfile(
    {
      fields: [
        { name: 'local_shelfmark', type: 'string', multiValued: true },
        { name: 'title', type: 'string', multiValued: true },
        { name: 'citation_count', type: 'pint', multiValued: false },
      ],
      dynamicFields: [
        { name: 'mesh_*', type: 'string', multiValued: true },
        { name: '*_mv', type: 'string', multiValued: false },
      ],
    },
    'inline',
  );

  it('adds the site\'s fields and lets them replace schema fields', () => {
    expect(resolveField('local_shelfmark', profile)).toMatchObject({ origin: 'profile', multiValued: true, stored: true });
    expect(resolveField('title', profile)).toMatchObject({ origin: 'profile', multiValued: true });
    expect(resolveField('citation_count', profile)).toMatchObject({ kind: 'int32' });
    expect(resolveField('local_shelfmark')).toBeUndefined();
  });

  it('ranks profile patterns with the schema\'s by length', () => {
    expect(resolveField('mesh_str', profile)).toMatchObject({ name: 'mesh_*', origin: 'profile' });
    expect(resolveField('keys_str_mv', profile)).toMatchObject({ name: '*_str_mv', origin: 'schema' });
    expect(resolveField('other_mv', profile)).toMatchObject({ name: '*_mv', origin: 'profile' });
  });
});
