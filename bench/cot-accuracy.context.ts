/**
 * A minimal RecordContext for the CoT benchmarks: JSON.parse for the value, jsonc-parser only
 * when a rule asks for a location (as the engine does). Kept here so the benchmarks measure the
 * rules, not the engine's bookkeeping.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Finding, FindingDraft, Format, RecordContext, RecordEntry, Rule, Span } from '../src/core/types';

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(k) ? Number(k) : k;
  });
}

/**
 * Offset of the opening quote of the string value of a top-level key ("/answer"), found with a
 * small scanner instead of a full parse (as a real locator would); -1 when it is not that simple.
 */
function topLevelStringOffset(text: string, pointer: string): number {
  if (!/^\/[^/~]+$/.test(pointer)) return -1;
  const key = pointer.slice(1);
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        const k = text.slice(i + 1, j);
        let m = j + 1;
        while (text[m] === ' ' || text[m] === ':' || text[m] === '\t') m++;
        if (k === key) return text[m] === '"' ? m : -1;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return -1;
}

/** A class (not closures) so creating one per record stays cheap, as the engine's context does. */
class BenchContext implements RecordContext {
  private tree: Node | undefined;
  private scratch: Record<symbol, unknown> | undefined;
  readonly record: RecordEntry;
  constructor(readonly text: string, value: unknown, readonly line: number, readonly format: Format | undefined, public options: Record<string, unknown>) {
    this.record = { line, endLine: line, text, value, hash: '' };
  }
  get shared(): Record<symbol, unknown> {
    return (this.scratch ??= {});
  }
  textFields() {
    return [];
  }
  conversation() {
    return undefined;
  }
  private root(): Node {
    return (this.tree ??= parseTree(this.text)!);
  }
  private span(s: number, e: number): Span {
    return { line: this.line, startColumn: s, endLine: this.line, endColumn: e };
  }
  locate(pointer: string): Span {
    const n = findNodeAtLocation(this.root(), pathOf(pointer));
    return n ? this.span(n.offset, n.offset + n.length) : this.span(0, this.text.length);
  }
  locateInString(pointer: string, start: number, end: number): Span {
    const text = this.text;
    let offset = topLevelStringOffset(text, pointer);
    if (offset < 0) {
      const n = findNodeAtLocation(this.root(), pathOf(pointer));
      if (!n || n.type !== 'string') return this.span(0, text.length);
      offset = n.offset;
    }
    // walk the raw string up to `end`, counting decoded characters (as the engine's locator does)
    let i = offset + 1;
    let decoded = 0;
    let from = -1;
    while (i < text.length && text.charCodeAt(i) !== 34) {
      if (decoded === start) from = i;
      if (decoded === end) break;
      i += text.charCodeAt(i) === 92 ? (text.charCodeAt(i + 1) === 117 ? 6 : 2) : 1;
      decoded++;
    }
    return this.span(from < 0 ? i : from, i);
  }
}

export function benchContext(text: string, value: unknown, line: number, format?: Format, options: Record<string, unknown> = {}): RecordContext {
  return new BenchContext(text, value, line, format, options);
}

export interface MiniFinding extends FindingDraft {
  ruleId: string;
}

/** Runs rules over JSONL lines (record rules per line, file rules over the whole list). */
export function runRules(rules: Rule[], lines: string[], config: { rules?: Record<string, string> } = {}): MiniFinding[][] {
  const active = rules.filter((r) => (config.rules?.[r.id] ?? r.defaultSeverity) !== 'off');
  const out: MiniFinding[][] = lines.map(() => []);
  const fileStates = active.flatMap((r) => (r.scope === 'file' ? [{ rule: r, state: r.create({ options: { ...(r.defaultOptions ?? {}) }, format: undefined, file: { detection: { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 }, blankLines: [], lineCount: lines.length, bom: false, eol: 'lf', lineText: (l) => lines[l] ?? '' } }) }] : []));
  lines.forEach((text, i) => {
    const value = JSON.parse(text) as unknown;
    const ctx = benchContext(text, value, i);
    for (const r of active) {
      if (r.scope !== 'record') continue;
      ctx.options = { ...(r.defaultOptions ?? {}) };
      for (const f of r.check(ctx)) out[i].push({ ...f, ruleId: r.id });
    }
    for (const s of fileStates) {
      ctx.options = { ...(s.rule.defaultOptions ?? {}) };
      s.state.add(ctx.record, ctx);
    }
  });
  for (const s of fileStates) for (const f of s.state.findings()) out[f.line ?? 0].push({ ...f, ruleId: s.rule.id });
  return out;
}

export type { Finding };

/** Seeded pseudo-random numbers in [0, 1) (mulberry32): the benches' injected errors and generated data repeat run to run. */
export function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
