/**
 * The parts of the library API the CLI needs before a command runs: the format registries
 * (the help and the option checks name them) and the clean-up of partial output files on a
 * signal. Importing the whole API (index.ts) at start would load every stage, zod's schemas
 * included; the commands import index.ts when they run.
 */
export { readers } from './read/index.js';
export { writers } from './write/index.js';
export { reporters } from './report/index.js';
export { removePartialFilesNow } from './pipeline/sinks.js';
