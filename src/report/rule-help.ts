import type { Rule } from '../model/rules.js';

/** A rule's help as plain text: what `bibpipe rules CODE` prints, offline. */
export function ruleHelpText(code: string, rule: Rule): string {
  return [
    `${code} (default severity: ${rule.severity})`,
    '',
    rule.description,
    '',
    `Example: ${rule.example}`,
    '',
    `Change its severity in bibpipe.config.json: { "rules": { "${code}": "off" | "info" | "warning" | "error" } }`,
    'The whole catalogue: bibpipe rules (or docs/rules.md).',
  ].join('\n');
}
