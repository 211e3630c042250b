/**
 * The library API the CLI's commands run, without zod's classic API: what `convert`,
 * `validate` and `stats` import when they run (cli-surface.ts is what the program
 * needs before that). index.ts (the whole API) holds every
 * zod schema; through it a 1-record convert spent most of its start-up loading zod. Its
 * schemas are loaded only where they are needed: a config file (config/load.ts), a profile,
 * a baseline, a shard run's state and merge import them when they run.
 * tests/cli.start-up-loads-no-zod.test.ts checks the bundle's convert, validate, --help and
 * rules paths.
 */
export { convert } from './pipeline/convert.js';
export { validateToSpool, type ValidationTotals } from './pipeline/validate.js';
export { valuesOf } from './pipeline/findings.js';
export { refuseOutputsThatAreInputs } from './sources/output-overlap.js';
export { stats } from './pipeline/stats.js';
export type { RunSummary } from './pipeline/summary.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export { readers, isInputFormat, type InputFormat } from './read/index.js';
export { writers, isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './write/index.js';
export type { FillRateRule } from './pipeline/cross-record.js';
export type { Profile } from './biblio-schema/profile.js';
export type { Severity } from './model/issue.js';
export { baselineFromIssues, serializeBaseline, type Baseline } from './pipeline/baseline.js';
export { reporters, htmlReporter, parseReporterSpec, type ReporterTarget } from './report/index.js';
export { renderStatsText, type RecordStats } from './stats/index.js';
