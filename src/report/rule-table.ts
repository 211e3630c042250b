import { isFixedRule, RULES, ruleDocsAnchor } from '../model/rules.js';
import { extractSection } from './markdown-sections.js';


/** GFM table cells end at an unescaped `|`, even inside a code span. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The rule catalogue as a Markdown table, one row per code with its docs anchor. */
export function ruleTableMarkdown(): string {
  const rows = Object.entries(RULES).map(
    ([code, rule]) => `| <a id="${ruleDocsAnchor(code)}"></a>\`${code}\` | ${rule.severity}${isFixedRule(code) ? ' (fixed)' : ''} | ${cell(rule.description)} | ${cell(rule.example.includes('`') ? rule.example : `\`${rule.example}\``)} |`,
  );
  return ['| Code | Default severity | What it means | Example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the markers, or undefined when the document has no (well-ordered) markers. */
export function extractRuleTable(document: string): string | undefined {
  return extractSection(document, 'rules');
}
