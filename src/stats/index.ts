export { collectStats, renderStatsText, TOP_VALUE_FIELDS, VALUE_COUNT_BUCKETS, type RecordStats, type StatsOptions, type TopValuesReport } from './collect.js';
export { FieldFillCounter, valueCount, DEFAULT_MAX_TRACKED_FIELDS, type FieldFill } from './field-fill.js';
export { TopValues, type ValueCount } from './top-values.js';
