import { z } from 'zod';
import type { RecordWriter, WriterOptionMeta } from '../../src/index.js';

/**
 * A writer that only the tests register: one title per line after a prefix the run chooses.
 * It is the whole cost of a new output format with an option: this file, and one line that
 * registers it (here `registerWriter(titlesWriter)`, for a built-in format a line in the
 * registry of src/write/index.ts). Its option reaches the CLI, the run state and merge from
 * the declaration below alone.
 */
const TITLES_OPTIONS = z.object({
  titlesPrefix: z.string().max(8, 'a titles prefix is at most 8 characters').default('- ').meta({
    flag: '--titles-prefix <text>', description: 'titles: text before each title',
  } satisfies WriterOptionMeta),
});
type TitlesOptions = z.input<typeof TITLES_OPTIONS>;

export const titlesWriter: RecordWriter<TitlesOptions> = {
  name: 'titles',
  description: 'one title per line (a test-only format)',
  fileName: 'titles.txt',
  mediaType: 'text/plain',
  options: TITLES_OPTIONS,
  requiresRecords: true,
  accepts: () => undefined,
  open(options) {
    const prefix = options.titlesPrefix ?? '- ';
    return { start: () => '', write: (record) => `${prefix}${record.title ?? ''}\n`, end: () => '' };
  },
};
