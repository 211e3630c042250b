export { collectStats, renderStatsText, type RecordStats, type StatsOptions } from './collect.js';
