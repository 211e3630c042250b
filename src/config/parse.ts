import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { prototypeKeyPath } from '../json-syntax.js';
import { ConfigSchema, type Config } from './schema.js';

/** Checks parsed JSON as a config; `file` names the config in the UsageError. */
export function parseConfig(json: unknown, file: string): Config {
  const prototypeKey = prototypeKeyPath(json);
  if (prototypeKey !== undefined) throw new UsageError(`Invalid config ${file}: the key "${prototypeKey}" is not allowed (__proto__ is never a rule code, field or option)`);
  const result = ConfigSchema.safeParse(json);
  if (!result.success) throw new UsageError(`Invalid config ${file}: ${configProblems(result.error)}`);
  return result.data;
}

/** Every problem on one line, each naming its key: `key "rules.doi.invalid": Invalid option: ...`. */
function configProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.map(String).join('.');
      const message = issue.message.replaceAll(/\s*\n\s*/g, ' ');
      return key === '' ? message : `key "${key}": ${message}`;
    })
    .join('; ');
}

