export { ConfigSchema, FillRateRuleSchema, RuleLevelSchema, type Config, type RuleLevel } from './schema.js';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig, parseConfig, type LoadConfigOptions, type LoadedConfig } from './load.js';
