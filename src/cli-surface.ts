/**
 * What the CLI needs before a command runs: the clean-up of partial output files on a
 * signal, and what the program's options parse and print with (limits, live Solr shard
 * specs, the writers' option declarations, terminal-safe text). Only light modules: `--version`,
 * `--help` and `rules` load this and nothing of the stages. What a command runs (the
 * registries, the engine) is in command-api.ts, imported when the command runs; the whole
 * API with zod's schemas (index.ts) only by merge.
 */
export { removePartialFilesNow } from './pipeline/sinks.js';
export { terminalSafe } from './model/display.js';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read/types.js';
export { isSolrSource, parseShard } from './sources/solr-http.js';
export { jobShareProblem, parseCloudPartition, type SolrCloudPartition } from './sources/solr-shards.js';
export type { SolrReadOptions } from './sources/solr-pages.js';
export type { ShardDescription } from './model/run-state.js';
export { declaredOptions, optionDefault, optionKind, optionMeta, parseOption } from './write/option-declarations.js';
export type { RecordWriter, WriterOptions } from './write/types.js';
export type { RunSummary } from './pipeline/summary.js';
// `rules` prints the rule table and its help from these alone.
export { RULES, type Rule } from './model/rules.js';
export { ruleHelpText } from './report/rule-help.js';
