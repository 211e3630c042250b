import { z } from 'zod';
import { RecordTypeSchema } from '../model/record.js';
import { modelFieldNames, resolveModelField } from '../model/fields.js';
import { isFixedRule, RULES } from '../model/rules.js';

export const RuleLevelSchema = z.enum(['off', 'info', 'warning', 'error']);
export type RuleLevel = z.infer<typeof RuleLevelSchema>;

const LEVELS: readonly unknown[] = RuleLevelSchema.options;

/** Checked by hand so that an unknown code and a bad level are both named in one message. */
const RuleLevelsSchema = z
  .record(z.string(), z.unknown())
  .superRefine((levels, context) => {
    for (const [code, level] of Object.entries(levels)) {
      if (!Object.hasOwn(RULES, code)) {
        context.addIssue({ code: 'custom', path: [code], message: `unknown rule "${code}" (run \`bibpipe rules\` for the list)` });
      } else if (!LEVELS.includes(level)) {
        context.addIssue({ code: 'custom', path: [code], message: `level ${JSON.stringify(level)} is not one of ${RuleLevelSchema.options.join(', ')}` });
      } else if (isFixedRule(code) && level !== 'error') {
        context.addIssue({
          code: 'custom',
          path: [code],
          message: `rule "${code}" is always an error and cannot be set to ${JSON.stringify(level)}: a record that cannot be read or has no id has nothing to convert, so it is always rejected (remove the key)`,
        });
      }
    }
  })
  .transform((levels) => levels as Record<string, RuleLevel>);

export const FillRateRuleSchema = z.strictObject({
  field: z.string().refine((field) => resolveModelField(field) !== undefined, {
    message: `not a field of the normalized record; use one of ${modelFieldNames().join(', ')} or a dotted path such as published.year`,
  }),
  type: RecordTypeSchema.optional(),
  minimum: z.number().min(0).max(1, 'a share between 0 and 1 (0.95 for 95%)'),
});

/** `bibpipe.config.json` / `.bibpiperc` / `.bibpiperc.json`. Unknown keys are errors (typos must not pass silently). */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Severity per rule code; `off` removes the rule's findings. */
  rules: RuleLevelsSchema.default({}),
  /** Local fields profile (JSON), relative to the config file. */
  profile: z.string().min(1).optional(),
  /** Minimum fill rates of normalized-record fields, checked once at the end of a run. */
  fillRates: z.array(FillRateRuleSchema).default([]),
  /** Record ids whose findings are left out of reports and counts. */
  ignore: z.array(z.string().min(1)).default([]),
  /** Fail (exit 1) when there are more warnings than this. */
  maxWarnings: z.number().int().min(0).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
