/**
 * Refusals and model tics in the responses ("As an AI language model", "I'm sorry, but", "I cannot", …): a count
 * per pattern and the first examples (line + excerpt, so a view can open the record). Extra patterns come from
 * `report.patterns` in .instructlint.jsonc.
 */
import { excerpt } from './text';
import type { ArtifactReport, ReportConfig, ReportInput } from './types';

export interface ArtifactPattern {
  id: string;
  /** Shown to users: the phrase the pattern finds. */
  pattern: string;
  kind: 'refusal' | 'tic';
  re: RegExp;
}

export const DEFAULT_PATTERNS: ArtifactPattern[] = [
  { id: 'as-an-ai', pattern: 'As an AI (language model)', kind: 'tic', re: /\bas an? (?:ai|artificial intelligence)\b(?: (?:language )?model| assistant)?/i },
  { id: 'sorry-but', pattern: "I'm sorry, but", kind: 'refusal', re: /\bI(?:'m|’m| am) sorry,? but\b/i },
  { id: 'i-cannot', pattern: 'I cannot / I can\'t', kind: 'refusal', re: /\bI (?:cannot|can't|can’t|can not)\b/i },
  { id: 'unable', pattern: "I'm unable to / I'm not able to", kind: 'refusal', re: /\bI(?:'m|’m| am) (?:unable|not able) to\b/i },
  { id: 'no-personal', pattern: "I don't have personal opinions / feelings", kind: 'tic', re: /\bI (?:do not|don't|don’t) have (?:personal|feelings|emotions|opinions|beliefs|the ability)\b/i },
  { id: 'knowledge-cutoff', pattern: 'knowledge cutoff / as of my last update', kind: 'tic', re: /\b(?:knowledge cut-?off|as of my (?:last|latest) (?:knowledge )?update)\b/i },
  { id: 'model-names', pattern: 'OpenAI / ChatGPT / GPT-4 named', kind: 'tic', re: /\b(?:OpenAI|ChatGPT|GPT-?[34](?:\.5)?)\b/ },
  { id: 'important-to-note', pattern: "It's important to note", kind: 'tic', re: /\bit(?:'s|’s| is) (?:important|worth) (?:to note|noting|to remember)\b/i },
  { id: 'hope-this-helps', pattern: 'I hope this helps', kind: 'tic', re: /\bI hope (?:this|that|it) helps\b/i },
  { id: 'certainly', pattern: 'Certainly! / Sure! / Of course! (opening)', kind: 'tic', re: /^\s*(?:certainly|sure|absolutely|of course)(?:[!,.]| here)/i },
  { id: 'delve', pattern: 'delve / tapestry / testament to', kind: 'tic', re: /\b(?:delve|delves|delving|tapestry|a testament to)\b/i },
];

const MAX_EXAMPLES = 8;

export function compilePatterns(config?: ReportConfig): ArtifactPattern[] {
  const extra = (config?.patterns ?? []).map((p) => ({ id: p.id, pattern: p.pattern, kind: p.kind ?? 'tic', re: new RegExp(p.pattern, 'i') }));
  return [...DEFAULT_PATTERNS, ...extra];
}

export class ArtifactAnalysis {
  private readonly counts: number[];
  private readonly examples: ArtifactReport['examples'][];

  constructor(private readonly patterns: ArtifactPattern[] = DEFAULT_PATTERNS) {
    this.counts = patterns.map(() => 0);
    this.examples = patterns.map(() => []);
  }

  add(r: ReportInput): void {
    if (!r.response) return;
    for (let i = 0; i < this.patterns.length; i++) {
      const m = this.patterns[i].re.exec(r.response);
      if (!m) continue;
      this.counts[i]++;
      if (this.examples[i].length < MAX_EXAMPLES) this.examples[i].push({ line: r.line, text: excerpt(r.response, m.index) });
    }
  }

  result(): ArtifactReport[] {
    return this.patterns
      .map((p, i) => ({ id: p.id, pattern: p.pattern, kind: p.kind, count: this.counts[i], examples: this.examples[i] }))
      .sort((a, b) => b.count - a.count);
  }
}
