/**
 * bibpipe's library API. The pipeline: read -> validate -> normalize -> write.
 *
 *   import { convert, validate, stats, records } from 'bibpipe';
 */
export { convert, resolveWriters, type ConvertOptions } from './pipeline/convert.js';
export { validate, validateToSpool, type ValidateOptions, type ValidationResult, type ValidationTotals, type SpooledValidation } from './pipeline/validate.js';
export { MemoryFindings, valuesOf, type FindingsSource, type Placed, type RuleGroup } from './pipeline/findings.js';
export { records } from './pipeline/records.js';
export { stats, type StatsRunOptions } from './pipeline/stats.js';
export type { RunOptions, RunProgress } from './pipeline/run.js';
export type { Input, MemoryInput } from './sources/memory.js';
export { processRecord, type ProcessedRecord, type ProcessOptions } from './pipeline/process.js';
export { UsageError } from './errors.js';
export { RunSummarySchema, type RunSummary } from './pipeline/summary.js';
/** For a host process's own signal handling: removes the partial files of runs still open. */
export { removePartialFilesNow } from './pipeline/sinks.js';
export { isSolrSource, parseShard } from './sources/solr-http.js';
export { refuseOutputsThatAreInputs, type PlannedOutput } from './sources/output-overlap.js';
export { jobShareProblem, parseCloudPartition, type SolrCloudPartition } from './sources/solr-shards.js';
export type { SolrReadOptions } from './sources/solr-pages.js';
export { mergeShards, type MergeOptions, type MergeResult, type CrossShardFinding, type MergedPosition } from './merge/merge.js';
export { RunStateSchema, type RunState, type ShardDescription } from './model/run-state.js';

export { readers, findReader, detectReader, DEFAULT_READ_LIMITS, INPUT_FORMATS, isInputFormat, type InputFormat } from './read/index.js';
export { Confidence, type RecordReader, type ReadContext, type ReadLimits } from './read/types.js';
export { validateRecord } from './validate/index.js';
export { fieldSchema, VALUE_SCHEMAS } from './validate/field-schemas.js';
export { loadProfile, ProfileSchema, type Profile } from './biblio-schema/profile.js';
export { RULES, makeIssue, applySeverities, isFixedRule, type IssueCode, type Rule, type SeverityOverrides } from './model/rules.js';
export { normalizeRecord, type NormalizeResult } from './normalize/index.js';
export { writers, findWriter, registerWriter, writerOptionsOf, OUTPUT_FORMATS, isOutputFormat, type OutputFormat, type AddedOutputFormats } from './write/index.js';
export { formatRecords } from './write/format.js';
export type { RecordWriter, WriterOptionMeta, WriterOptions, WriterSession } from './write/types.js';

export { BibRecordSchema, type BibRecord, type PersonName, type Language, type PublicationDate } from './model/record.js';
export { RawRecordSchema, type RawRecord, type RawValue } from './model/raw-record.js';
export { IssueSchema, type Issue, type Severity, type SourcePosition } from './model/issue.js';
export {
  MarcRecordSchema, isControlField,
  type MarcRecord, type MarcField, type MarcControlField, type MarcDataField, type MarcSubfield,
} from './model/marc.js';
// MARC parsing: every encoding bibpipe reads (ISO 2709 on bytes, MARCXML, MARC-in-JSON, a Solr fullrecord), MARC-8 converted, text NFC.
export {
  parseIso2709,
  readIso2709,
  parseMarcXml,
  parseMarcInJson,
  decodeFullrecord,
  readFullrecord,
  decodeMarc8,
  writeIso2709,
  MarcParseError,
  type Iso2709Result,
  type FullrecordResult,
  type MarcProblem,
  type MarcProblemCode,
  type Iso2709WriteOptions,
} from './marc/index.js';

export { loadConfig, ConfigSchema, type Config, type LoadedConfig } from './config/index.js';
export { reporters, findReporter, parseReporterSpec, htmlReporter, reportData, type Reporter, type ReportData, type ReportOptions, type ReporterTarget } from './report/index.js';
export { ruleHelpText } from './report/rule-help.js';
export { atLeast } from './report/view.js';
export { baselineFromIssues, serializeBaseline, type BaselineComparison } from './pipeline/baseline.js';
export { parseBaseline, BaselineSchema, type Baseline } from './pipeline/baseline-schema.js';
export { collectStats, renderStatsText, type RecordStats, type StatsOptions } from './stats/index.js';
export type { FillRateRule } from './pipeline/cross-record.js';
export { ruleDocsUrl } from './model/rules.js';
export { terminalSafe } from './model/display.js';
