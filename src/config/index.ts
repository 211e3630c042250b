export { ConfigSchema, type Config } from './schema.js';
export { loadConfig, type LoadedConfig } from './load.js';
