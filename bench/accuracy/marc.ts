import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BibRecord } from '../../src/model/record.js';
import type { ProcessedRecord } from '../../src/pipeline/process.js';
import { records } from '../../src/pipeline/records.js';
import { loadCorpus } from '../../tests/helpers/marc-corpus.js';
import { writeMarcInputs, type MarcInputKind } from '../../tests/helpers/marc-inputs.js';
import { HAS_XSLTPROC } from '../../tests/helpers/marc-staff-view.js';
import { HAS_SHARED } from '../../tests/helpers/shared-paths.js';
import { differingKeys } from './compare.js';
import { differingOutputs, outputTexts } from './marc-outputs.js';
import { factsAgree, MARC_MEASURES, marcTruth, outputFacts, type Facts, type MarcMeasure } from './marc-truth.js';

/**
 * The MARC accuracy measure (`npm run accuracy -- --marc`): the held-out real records of
 * tests/fixtures/marc, written as every input bibpipe reads MARC from (the test-input
 * builder: Solr NDJSON with `fullrecord`, Solr XML, the MARC Staff View scrape, the raw
 * `.mrc`, ...), run through the whole pipeline (engine: read, validate, normalize), and the
 * outputs compared with what the MARC itself says (marc-truth.ts). It also checks that one
 * record gives the same normalized record from every input.
 */

/** The inputs the targets name first, then the other encodings. */
export const MARC_INPUTS: readonly MarcInputKind[] = ['ndjson-json', 'solr-xml', 'staff-view', 'mrc', 'ndjson-iso2709', 'ndjson-xml', 'solr-json-response', 'marcxml'];

export interface MarcInputTally {
  /** Records the input gave back (read = converted + rejected), or why it could not be measured. */
  read: number;
  rejected: number;
  unavailable?: string;
  /** Per measure: records where the MARC or the output has the fact, and those where they agree. */
  measures: Record<MarcMeasure, { applicable: number; right: number }>;
}

export interface MarcFailure { record: string; input: MarcInputKind; expected: Facts; actual: Facts }

export interface MarcAccuracyReport {
  command: string;
  set: string;
  records: number;
  /** Records of the set left out: no 001, or the 001 of an earlier record. */
  leftOut: number;
  inputs: Partial<Record<MarcInputKind, MarcInputTally>>;
  /**
   * Records whose normalized record is the same from every measured input (source positions,
   * `_version_`, the leader's lengths and runs of white space, which a scrape cannot give back,
   * aside): across all inputs, and across the Solr inputs (the same fullrecord in its encodings).
   */
  identical: { records: number; same: number; differingPaths: Record<string, number> };
  /**
   * Records whose written outputs (every output format) are identical from every measured
   * input, what tells the input apart left out (marc-outputs.ts): the target.
   */
  identicalOutputs: { records: number; same: number; differingOutputs: Record<string, number> };
  identicalSolr: { records: number; same: number; differingPaths: Record<string, number> };
  /** The same across the inputs that hold only the MARC (the scrape, .mrc, MARCXML): no indexed field to disagree with it. */
  identicalMarcOnly: { records: number; same: number; differingPaths: Record<string, number> };
  failures: Record<string, MarcFailure[]>;
  seconds: number;
}

const SAMPLES = 8;

async function runInput(path: string): Promise<ProcessedRecord[] | string> {
  const out: ProcessedRecord[] = [];
  try {
    for await (const processed of records({ inputs: [path] })) out.push(processed);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return out;
}

/** The normalized record without what differs by input only: where it was read, the Solr version, the leader as stored. */
function comparable(record: BibRecord): Record<string, unknown> {
  const { source: _source, solrVersion: _version, inferred: _inferred, ...rest } = record;
  const marc = rest.marc ? { ...rest.marc, leader: `${rest.marc.leader.slice(5, 9)}${rest.marc.leader.slice(10, 12)}${rest.marc.leader.slice(17)}` } : undefined;
  const collapsed = JSON.stringify({ ...rest, marc }, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\s+/gu, ' ').trim() : value));
  return JSON.parse(collapsed) as Record<string, unknown>;
}

function differing(left: BibRecord, right: BibRecord): string[] {
  return differingKeys(comparable(left), comparable(right));
}

function emptyTally(read: number): MarcInputTally {
  const measures = Object.fromEntries(MARC_MEASURES.map((measure) => [measure, { applicable: 0, right: 0 }])) as MarcInputTally['measures'];
  return { read, rejected: 0, measures };
}

export async function measureMarcAccuracy(options: { set: 'held-out' | 'dev'; command: string }): Promise<MarcAccuracyReport> {
  const started = process.hrtime.bigint();
  // A Solr index holds one document per id (001): a record whose 001 is missing or already
  // taken (the same record in two fixture files) is left out, and counted.
  const seen = new Set<string>();
  const all = loadCorpus(options.set);
  const corpus = all.filter((entry) => {
    const id = entry.record.fields.find((field) => field.tag === '001');
    const value = id && 'value' in id ? id.value.trim() : '';
    if (value === '' || seen.has(value)) return false;
    seen.add(value);
    return true;
  });
  const truths = corpus.map((entry) => marcTruth(entry.record));
  const directory = mkdtempSync(join(tmpdir(), 'bibpipe-marc-accuracy-'));
  const report: MarcAccuracyReport = {
    command: options.command, set: options.set, records: corpus.length, leftOut: all.length - corpus.length, inputs: {}, identical: { records: 0, same: 0, differingPaths: {} }, identicalOutputs: { records: 0, same: 0, differingOutputs: {} }, identicalSolr: { records: 0, same: 0, differingPaths: {} }, identicalMarcOnly: { records: 0, same: 0, differingPaths: {} }, failures: {}, seconds: 0,
  };
  try {
    const canRender = HAS_XSLTPROC && HAS_SHARED;
    const kinds = MARC_INPUTS.filter((kind) => kind !== 'staff-view' || canRender);
    const paths = writeMarcInputs(corpus.map((entry) => ({ record: entry.record, ...(entry.bytes ? { bytes: entry.bytes } : {}) })), directory, kinds);
    if (!canRender) report.inputs['staff-view'] = { ...emptyTally(0), unavailable: 'xsltproc or ../shared (VuFind\'s record-marc.xsl) not found' };
    const outputs = new Map<MarcInputKind, Array<BibRecord | undefined>>();
    for (const kind of kinds) {
      const result = await runInput(paths[kind]);
      if (typeof result === 'string' || result.length !== corpus.length) {
        report.inputs[kind] = { ...emptyTally(typeof result === 'string' ? 0 : result.length), unavailable: typeof result === 'string' ? result : `read ${result.length} records of ${corpus.length}` };
        continue;
      }
      const tally = emptyTally(result.length);
      result.forEach((processed, index) => {
        if (processed.rejected || !processed.record) tally.rejected += 1;
        const facts = processed.record ? outputFacts(processed.record) : undefined;
        for (const measure of MARC_MEASURES) {
          const expected = truths[index]?.[measure] ?? [];
          const actual = facts?.[measure] ?? [];
          if (expected.length === 0 && actual.length === 0) continue;
          tally.measures[measure].applicable += 1;
          if (facts && factsAgree(measure, expected, actual)) {
            tally.measures[measure].right += 1;
            continue;
          }
          const samples = (report.failures[`${measure}/${kind}`] ??= []);
          if (samples.length < SAMPLES) samples.push({ record: corpus[index]?.name ?? '', input: kind, expected, actual });
        }
      });
      report.inputs[kind] = tally;
      outputs.set(kind, result.map((processed) => processed.record));
    }
    compareInputs(report.identical, [...outputs.values()], corpus.length);
    compareOutputs(report.identicalOutputs, [...outputs.values()], corpus.length);
    const solr = (kind: MarcInputKind): boolean => kind.startsWith('ndjson') || kind.startsWith('solr');
    compareInputs(report.identicalSolr, [...outputs].filter(([kind]) => solr(kind)).map(([, list]) => list), corpus.length);
    compareInputs(report.identicalMarcOnly, [...outputs].filter(([kind]) => !solr(kind)).map(([, list]) => list), corpus.length);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}

/** Counts the records whose normalized record is the same from every input that was measured. */
function compareInputs(tally: MarcAccuracyReport['identical'], measured: ReadonlyArray<ReadonlyArray<BibRecord | undefined>>, count: number): void {
  if (measured.length < 2) return;
  for (let index = 0; index < count; index += 1) {
    const [first, ...others] = measured.map((list) => list[index]);
    tally.records += 1;
    if (!first || others.some((other) => !other)) continue;
    const paths = new Set(others.flatMap((other) => differing(first, other as BibRecord)));
    if (paths.size === 0) tally.same += 1;
    for (const path of paths) tally.differingPaths[path] = (tally.differingPaths[path] ?? 0) + 1;
  }
}

/** Counts the records whose every output format's text is the same from every measured input. */
function compareOutputs(tally: MarcAccuracyReport['identicalOutputs'], measured: ReadonlyArray<ReadonlyArray<BibRecord | undefined>>, count: number): void {
  if (measured.length < 2) return;
  for (let index = 0; index < count; index += 1) {
    tally.records += 1;
    const records = measured.map((list) => list[index]);
    if (records.some((record) => !record)) continue;
    const differing = differingOutputs(records.map((record) => outputTexts(record as BibRecord)));
    if (differing.length === 0) tally.same += 1;
    for (const name of differing) tally.differingOutputs[name] = (tally.differingOutputs[name] ?? 0) + 1;
  }
}

const percent = (right: number, total: number): string => (total === 0 ? '   -   ' : `${((100 * right) / total).toFixed(2).padStart(6)}%`);

export function formatMarcReport(report: MarcAccuracyReport): string {
  const lines = [`MARC accuracy on ${report.records} real records (${report.set}; ${report.leftOut} left out: no 001 or a repeated one), ${report.seconds.toFixed(1)} s`, `command: ${report.command}`, ''];
  const kinds = Object.keys(report.inputs) as MarcInputKind[];
  lines.push(`${'measure'.padEnd(12)}${kinds.map((kind) => kind.padStart(20)).join('')}`);
  for (const measure of MARC_MEASURES) {
    lines.push(`${measure.padEnd(12)}${kinds.map((kind) => {
      const tally = report.inputs[kind];
      return (tally?.unavailable ? 'n/a' : percent(tally?.measures[measure].right ?? 0, tally?.measures[measure].applicable ?? 0)).padStart(20);
    }).join('')}`);
  }
  lines.push(`${'rejected'.padEnd(12)}${kinds.map((kind) => String(report.inputs[kind]?.rejected ?? 0).padStart(20)).join('')}`);
  for (const kind of kinds) if (report.inputs[kind]?.unavailable) lines.push(`${kind}: not measured: ${report.inputs[kind]?.unavailable}`);
  const outputs = report.identicalOutputs;
  lines.push('', `identical outputs across inputs: ${outputs.same} of ${outputs.records} (${percent(outputs.same, outputs.records).trim()}; every output format, source positions, _version_ and the leader's storage positions aside)`);
  for (const [name, times] of Object.entries(outputs.differingOutputs).sort((a, b) => b[1] - a[1])) lines.push(`  ${name} differs: ${times}`);
  for (const [label, tally] of [['every measured input', report.identical], ['the Solr inputs (fullrecord in each encoding)', report.identicalSolr], ['the MARC-only inputs (scrape, .mrc, MARCXML)', report.identicalMarcOnly]] as const) {
    lines.push('', `same normalized record from ${label}: ${tally.same}/${tally.records} (${percent(tally.same, tally.records).trim()})`);
    for (const [path, times] of Object.entries(tally.differingPaths).sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`  differs in ${path}: ${times}`);
  }
  return lines.join('\n');
}
