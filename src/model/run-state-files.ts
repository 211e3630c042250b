/** The run state's file names and constants, apart from its zod shapes: a run that writes no state never loads zod. */
export const RUN_STATE_JSON = 'run-state.json';
export const RUN_STATE_BIN = 'run-state.bin';

/** Bytes on each side of a cut that both shards at that cut hash. */
export const JOINT_WINDOW = 4096;
