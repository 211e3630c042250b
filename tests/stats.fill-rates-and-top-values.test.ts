import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/program.js';
import type { RawRecord } from '../src/model/raw-record.js';
import { rawRecords } from './helpers/raw-records.js';
import { collectStats, renderStatsText, type RecordStats } from '../src/stats/collect.js';
import { FieldFillCounter } from '../src/stats/field-fill.js';
import { TopValues } from '../src/stats/top-values.js';
import { PROJECT_ROOT } from './helpers/shared.js';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/reports/records with multi-valued fields and facets.json');

describe('stats over raw records', () => {
  it('counts records having each field, ignoring empty values', async () => {
    const stats = await collectStats(rawRecords([FIXTURE]));
    expect(stats.fill.records).toBe(4);
    expect(stats.fill.fields).toMatchObject({ id: 4, format: 4, title: 2, language: 3, collection: 2, institution: 2, topic: 2 });
  });

  it('distributes values per record for multi-valued fields, with 10+ in the last bucket', async () => {
    const stats = await collectStats(rawRecords([FIXTURE]));
    expect(stats.valueCounts.topic).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(stats.valueCounts.language).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.valueCounts.title).toBeUndefined();
  });

  it('lists the top values of format, language, collection and institution', async () => {
    const stats = await collectStats(rawRecords([FIXTURE]), { top: 1 });
    expect(stats.topValues.format).toEqual({ values: [{ value: 'Article', count: 3 }], distinct: 2, approximate: false });
    expect(stats.topValues.language?.values).toEqual([{ value: 'English', count: 2 }]);
    expect(Object.keys(stats.topValues)).toEqual(['format', 'language', 'collection', 'institution']);
    expect(renderStatsText(stats)).toContain('Top format values (2 distinct):');
  });

  it('is printed by `bibpipe stats --json`', async () => {
    let out = '';
    const stdout = new Writable({ write(chunk, _encoding, done) { out += String(chunk); done(); } });
    const stderr = new Writable({ write(_chunk, _encoding, done) { done(); } });
    expect(await runCli(['node', 'bibpipe', 'stats', FIXTURE, '--json'], { stdout, stderr })).toBe(0);
    const stats = JSON.parse(out) as RecordStats;
    expect(stats.fill.fields.topic).toBe(2);
  });
});

describe('bounded memory', () => {
  it('tracks at most maxFields field names and counts the others', () => {
    const counter = new FieldFillCounter(3);
    const fields: RawRecord['fields'] = {};
    for (let i = 0; i < 10; i++) fields[`f${i}_str`] = 'x';
    counter.add({ format: 'solr-json', source: { file: 'x' }, fields, issues: [] });
    const result = counter.result();
    expect(Object.keys(result.fields)).toHaveLength(3);
    expect(result.untrackedFields).toBe(7);
  });

  it('keeps a heavy value that arrives after many distinct ones, and says counts are approximate', () => {
    const top = new TopValues(100);
    for (let i = 0; i < 1000; i++) top.add(`rare-${i}`);
    for (let i = 0; i < 50; i++) top.add('frequent');
    expect(top.top(1)).toEqual([{ value: 'frequent', count: 50 }]);
    expect(top.approximate).toBe(true);
    expect(top.distinct).toBeLessThan(200);
  });
});
