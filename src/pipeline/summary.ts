import { z } from 'zod';

/** What a run did: `read = converted + rejected`, always. Written as `summary.json`. */
export const RunSummarySchema = z.object({
  read: z.number().int(),
  converted: z.number().int(),
  rejected: z.number().int(),
  written: z.record(z.string(), z.number().int()),
  skipped: z.record(z.string(), z.number().int()),
  issues: z.record(z.string(), z.number().int()),
  /** Issues by severity, for CI gates. */
  severities: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** True when the run was interrupted (SIGINT/SIGTERM): outputs were not committed. */
  interrupted: z.boolean().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;
