import { z } from 'zod';
import { jsonDepthProblem } from '../json-syntax.js';

// The baseline file's shape; the matching (baseline.ts) runs without zod on every validate.

/**
 * A baseline: the findings a legacy catalogue already has, so that a CI gate fails only on
 * new ones. A finding is known by its rule, its record id and its field, never by its line or
 * position: a re-export in another order still matches. Records without an id (unreadable
 * ones) are known by their input file instead. The same key may be known several times
 * (`count`); a run with more of them has that many more new findings.
 */
export const BaselineEntrySchema = z.object({
  rule: z.string(),
  /** The record id; absent for findings about the run or about a record without an id. */
  record: z.string().optional(),
  field: z.string().optional(),
  /** The input file, for findings about a record without an id. */
  file: z.string().optional(),
  count: z.number().int().positive(),
});
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

export const BaselineSchema = z.object({
  baseline: z.literal('bibpipe'),
  version: z.literal(1),
  findings: z.array(BaselineEntrySchema),
});
export type Baseline = z.infer<typeof BaselineSchema>;


/** Parses a baseline file's text; throws an Error naming the problem. */
export function parseBaseline(text: string): Baseline {
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep !== undefined) throw new Error(`not a bibpipe baseline (${tooDeep}; a baseline needs a few levels)`);
  const result = BaselineSchema.safeParse(JSON.parse(text));
  if (!result.success) {
    const problem = result.error.issues[0];
    throw new Error(`not a bibpipe baseline (${problem ? `${problem.path.join('.') || 'top level'}: ${problem.message}` : 'invalid'})`);
  }
  return result.data;
}
