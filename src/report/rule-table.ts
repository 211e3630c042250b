import { RULES, ruleDocsAnchor } from '../validate/rules.js';

export const RULE_TABLE_START = '<!-- rules:start -->';
export const RULE_TABLE_END = '<!-- rules:end -->';

/** GFM table cells end at an unescaped `|`, even inside a code span. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The rule catalogue as a Markdown table, one row per code with its docs anchor. */
export function ruleTableMarkdown(): string {
  const rows = Object.entries(RULES).map(
    ([code, rule]) => `| <a id="${ruleDocsAnchor(code)}"></a>\`${code}\` | ${rule.severity} | ${cell(rule.description)} | ${cell(rule.example.includes('`') ? rule.example : `\`${rule.example}\``)} |`,
  );
  return ['| Code | Default severity | What it means | Example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the markers, or undefined when the document has no (well-ordered) markers. */
export function extractRuleTable(document: string): string | undefined {
  const start = document.indexOf(RULE_TABLE_START);
  const end = document.indexOf(RULE_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return document.slice(start + RULE_TABLE_START.length, end).trim();
}

/** The document with the generated table between its markers (unchanged elsewhere). */
export function replaceRuleTable(document: string): string | undefined {
  const start = document.indexOf(RULE_TABLE_START);
  const end = document.indexOf(RULE_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${document.slice(0, start + RULE_TABLE_START.length)}\n${ruleTableMarkdown()}\n${document.slice(end)}`;
}
