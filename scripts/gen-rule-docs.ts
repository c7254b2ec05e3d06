/**
 * Writes docs/rules/<ID>.md for every rule from its metadata (description, severity, options,
 * rationale, bad and good examples) and docs/rules/README.md as the index. `npm run docs:rules`.
 * test/unit/rules/docs.test.ts fails when the files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/core/rules/index';
import type { Rule } from '../src/core/types';

export function ruleDoc(rule: Rule): string {
  const lines = [`# ${rule.id} ${rule.name}`, '', rule.description, '', `- Default severity: **${rule.defaultSeverity}**`, `- Scope: ${rule.scope === 'file' ? 'whole file' : 'each record'}`];
  if (rule.tags.length) lines.push(`- Tags: ${rule.tags.join(', ')}`);
  lines.push('', '## Why', '', rule.docs.rationale, '');
  const props = (rule.optionsSchema?.properties ?? {}) as Record<string, { type?: string; description?: string }>;
  if (Object.keys(props).length) {
    lines.push('## Options', '', '| option | type | default | description |', '|---|---|---|---|');
    for (const [k, v] of Object.entries(props)) lines.push(`| \`${k}\` | ${v.type ?? ''} | \`${JSON.stringify(rule.defaultOptions?.[k])}\` | ${v.description ?? ''} |`);
    lines.push('', `Set them in \`.instructlint.jsonc\`: \`"rules": { "${rule.id}": ["${rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity}", ${JSON.stringify(rule.defaultOptions ?? {})}] }\``, '');
  }
  if (rule.docs.bad.length) lines.push('## Reported', '', ...rule.docs.bad.flatMap((b) => ['```jsonl', b, '```', '']));
  if (rule.docs.good.length) lines.push('## Not reported', '', ...rule.docs.good.flatMap((g) => ['```jsonl', g, '```', '']));
  lines.push('## Turning it off', '', `\`"rules": { "${rule.id}": "off" }\` in \`.instructlint.jsonc\`, or for one record: \`"suppressions": [{ "rule": "${rule.id}", "record": "id:<the record's id>" }]\`.`, '');
  return lines.join('\n');
}

export function indexDoc(rules: Rule[]): string {
  return ['# Rules', '', '| id | name | default | description |', '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.name} | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} |`), ''].join('\n');
}

export function allDocs(): Record<string, string> {
  const out: Record<string, string> = { 'README.md': indexDoc(allRules) };
  for (const r of allRules) out[`${r.id}.md`] = ruleDoc(r);
  return out;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'docs', 'rules');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(allDocs())) writeFileSync(join(dir, name), text);
  console.log(`wrote ${Object.keys(allDocs()).length} files to docs/rules`);
}
