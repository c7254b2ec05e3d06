/** `instruct-studio report --format md`: the report as GitHub-flavoured Markdown, for pull requests. */
import type { DatasetReport } from '../../core/report/types';

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '–');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function table(head: string[], rows: (string | number)[][]): string {
  if (!rows.length) return '_none_\n';
  return `| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? fmt(c) : cell(c))).join(' | ')} |`).join('\n')}\n`;
}

export function reportMarkdown(r: DatasetReport, shownPath: string): string {
  const d = r.diversity;
  const out: string[] = [];
  out.push(`## Dataset report: \`${shownPath}\``);
  out.push(`**${fmt(r.records)} records** · format ${r.format ?? 'unknown'}${r.invalid ? ` · ${fmt(r.invalid)} lines are not valid JSON (first: line ${r.invalidLines.join(', ')}) — run \`instruct-lint\`` : ''}\n`);
  out.push('### How varied are the instructions?');
  out.push(`- distinct-1 **${d.distinct1}**, distinct-2 **${d.distinct2}** over prompts (responses: ${d.responses.distinct1} / ${d.responses.distinct2})${d.estimated ? ' — HyperLogLog estimates' : ''}`);
  out.push(`- near-duplicate prompts (MinHash ≥ ${d.nearDuplicates.threshold}): **${fmt(d.nearDuplicates.records)} records in ${fmt(d.nearDuplicates.clusters)} clusters**`);
  out.push(`- root verbs from ${fmt(d.verbSample.parsed)} of ${fmt(d.verbSample.prompts)} prompts (seeded random sample); ${pct(d.verbSample.withVerb, d.verbSample.parsed)} have a verb or question word\n`);
  out.push(table(['verb', 'prompts', 'share', 'top objects'], d.topVerbs.slice(0, 15).map((v) => [v.verb, v.count, pct(v.count, d.verbSample.parsed), v.nouns.map((n) => `${n.noun} (${n.count})`).join(', ')])));
  if (d.nearDuplicates.largest.length) out.push(table(['cluster size', 'lines', 'prompt'], d.nearDuplicates.largest.slice(0, 5).map((c) => [c.size, c.lines.slice(0, 8).join(', ') + (c.size > 8 ? ', …' : ''), c.prompt])));
  out.push('### What dominates?');
  if (r.categories.length) out.push(`Categories (\`${r.categoryField}\`):\n\n` + table(['category', 'records', 'share'], r.categories.slice(0, 15).map((c) => [c.category, c.count, pct(c.count, r.records)])));
  out.push('Languages:\n\n' + table(['language', 'records', 'share'], r.languages.slice(0, 10).map((l) => [l.lang, l.count, pct(l.count, r.records)])));
  out.push('Lengths (≈ tokens, characters / 4):\n\n' + table(['role', 'median', 'max'], Object.entries(r.lengths).map(([role, h]) => [role, h.median, h.max])));
  if (r.lengthOutliers.length) out.push('Categories with much shorter or longer responses:\n\n' + table(['category', 'records', 'median ≈ tokens', 'overall median', 'ratio'], r.lengthOutliers.map((o) => [o.category, o.records, o.medianTokens, o.overallMedian, `${o.ratio}×`])));
  out.push('### Model tics, refusals and bias signals');
  const found = r.artifacts.filter((a) => a.count > 0);
  out.push(table(['pattern', 'kind', 'records', 'first examples'], found.map((a) => [a.pattern, a.kind, a.count, a.examples.slice(0, 2).map((e) => `line ${e.line}: ${e.text}`).join(' · ')])));
  const g = r.demographics;
  out.push(`Demographic words${g.genderRatio !== undefined ? ` — masculine : feminine = **${g.genderRatio} : 1**` : ''}. ${g.caveat}\n`);
  out.push(table(['group', 'words', 'occurrences', 'records', 'most frequent'], g.groups.flatMap((grp) => grp.members.filter((m) => m.count).map((m) => [grp.name, m.group, m.count, m.records, m.terms.slice(0, 4).map((t) => `${t.term} (${t.count})`).join(', ')]))));
  out.push('### What leaked from evaluation sets?');
  if (!r.contamination.length) out.push('_No evaluation files given (`--eval FILE` or `evalFiles` in .instructlint.jsonc)._\n');
  for (const c of r.contamination) {
    out.push(`- \`${c.evalFile}\` (${fmt(c.evalRecords)} records): **${fmt(c.exact)} same prompts, ${fmt(c.ngram)} sharing a 13-word sequence**`);
    if (c.pairs.length) out.push('\n' + table(['training line', 'eval line', 'match', 'prompt'], c.pairs.slice(0, 20).map((p) => [p.line, p.evalLine, p.kind === 'exact' ? 'same prompt' : '13-gram', p.text])));
  }
  return out.join('\n') + '\n';
}
