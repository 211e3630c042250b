import { z } from 'zod';

/** Where a record (or a problem) was found in its input. */
export const SourcePositionSchema = z.object({
  /** Input path as given by the user, `-` for stdin, or a URL for a live source. */
  file: z.string(),
  /** 1-based line where the record (or the problem) starts, when the input is line-based. */
  line: z.number().int().positive().optional(),
  /** 0-based byte offset into the (decompressed) input, when known. */
  byteOffset: z.number().int().nonnegative().optional(),
  /** 1-based ordinal of the record within its input. */
  ordinal: z.number().int().positive().optional(),
});
export type SourcePosition = z.infer<typeof SourcePositionSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * A finding about the data. Data problems are values, not exceptions (see STYLE.md):
 * readers, validators and normalizers return these and the pipeline decides what to do.
 */
export const IssueSchema = z.object({
  /** Stable `area.problem` code from the rule catalogue (src/model/rules.ts). */
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  recordId: z.string().optional(),
  source: SourcePositionSchema.optional(),
  field: z.string().optional(),
  actual: z.unknown().optional(),
  /** For a finding about two records (a duplicate): the other one, the first seen with the same key. */
  related: SourcePositionSchema.extend({ recordId: z.string().optional() }).optional(),
  expected: z.string().optional(),
  /**
   * With a baseline (`bibpipe validate --baseline`): `new` when the baseline does not know the
   * finding, `unchanged` when it does (SARIF's words).
   */
  baselineState: z.enum(['new', 'unchanged']).optional(),
});
export type Issue = z.infer<typeof IssueSchema>;
