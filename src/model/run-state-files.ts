/** The run state's file names, apart from its zod shapes: a run that writes no state never loads zod. */
export const RUN_STATE_JSON = 'run-state.json';
export const RUN_STATE_BIN = 'run-state.bin';
