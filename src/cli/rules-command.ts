import { ruleHelpText, RULES, type Rule } from '../cli-surface.js';
import { UsageError } from '../errors.js';
import type { CliStreams } from './run-flags.js';

function closest(code: string): string[] {
  const area = code.split('.')[0] ?? '';
  return Object.keys(RULES).filter((known) => known.startsWith(`${area}.`) || known.includes(code));
}

/** `bibpipe rules [CODE] [--json]`: the catalogue, or one rule's help. Returns the exit code. */
export function runRules(code: string | undefined, flags: { json?: boolean | undefined }, streams: CliStreams): number {
  const catalogue: Record<string, Rule> = RULES;
  if (code === undefined) {
    if (flags.json) streams.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
    else for (const [name, rule] of Object.entries(catalogue)) streams.stdout.write(`${name.padEnd(34)} ${rule.severity.padEnd(8)} ${rule.description}\n`);
    return 0;
  }
  const rule = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  if (rule === undefined) {
    const near = closest(code);
    throw new UsageError(`unknown rule "${code}"${near.length > 0 ? ` (did you mean ${near.slice(0, 5).join(', ')}?)` : ''}; run bibpipe rules for the list`);
  }
  streams.stdout.write(flags.json ? `${JSON.stringify({ code, ...rule }, null, 2)}\n` : `${ruleHelpText(code, rule)}\n`);
  return 0;
}
