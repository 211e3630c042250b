export { ConfigSchema, FillRateRuleSchema, RuleLevelSchema, type Config, type RuleLevel } from './schema.js';
export { CONFIG_FILE_NAMES, defaultConfig, findConfigFile, loadConfig, type LoadConfigOptions, type LoadedConfig } from './load.js';
export { parseConfig } from './parse.js';
