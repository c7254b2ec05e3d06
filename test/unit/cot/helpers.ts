/**
 * A small RecordContext builder for COT rule tests (independent of the engine): locate and
 * locateInString through jsonc-parser, findings as plain objects with the source text they cover.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { FileRule, Finding, FindingDraft, Format, RecordContext, RecordEntry, RecordRule, Span, TextField } from '../../../src/core/types';

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(k) ? Number(k) : k;
  });
}

/** Source offset of each decoded UTF-16 unit of the JSON string starting at `offset` (the opening quote). */
function decodedToSource(text: string, offset: number): number[] {
  const map: number[] = [];
  let i = offset + 1;
  while (i < text.length && text[i] !== '"') {
    map.push(i);
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  map.push(i);
  return map;
}

export interface TestContextOptions {
  line?: number;
  format?: Format;
  textFields?: TextField[];
  options?: Record<string, unknown>;
}

export function makeContext(text: string, opts: TestContextOptions = {}): RecordContext {
  const line = opts.line ?? 0;
  const value = JSON.parse(text) as unknown;
  const record: RecordEntry = { line, endLine: line, text, value, hash: String(text.length) };
  let tree: Node | undefined;
  const root = () => (tree ??= parseTree(text)!);
  const span = (start: number, end: number): Span => ({ line, startColumn: start, endLine: line, endColumn: end });
  return {
    record,
    shared: {},
    format: opts.format,
    options: opts.options ?? {},
    textFields: () => opts.textFields ?? [],
    conversation: () => undefined,
    locate(pointer, part) {
      const node = findNodeAtLocation(root(), pathOf(pointer));
      if (!node) return span(0, text.length);
      if (part === 'key' && node.parent?.type === 'property') {
        const k = node.parent.children![0];
        return span(k.offset, k.offset + k.length);
      }
      return span(node.offset, node.offset + node.length);
    },
    locateInString(pointer, start, end) {
      const node = findNodeAtLocation(root(), pathOf(pointer));
      if (!node || node.type !== 'string') return span(0, text.length);
      const map = decodedToSource(text, node.offset);
      return span(map[Math.min(start, map.length - 1)], map[Math.min(end, map.length - 1)]);
    },
  };
}

/** Runs a record rule on one JSONL line; each finding comes with the source text it covers. */
export function runRule(rule: RecordRule, line: string, opts: TestContextOptions = {}): (FindingDraft & { covered: string })[] {
  const ctx = makeContext(line, opts);
  if (rule.defaultOptions) ctx.options = { ...rule.defaultOptions, ...ctx.options };
  return rule.check(ctx).map((f) => ({ ...f, covered: f.startColumn !== undefined ? line.slice(f.startColumn, f.endColumn) : '' }));
}

/** Runs a file rule over JSONL lines. */
export function runFileRule(rule: FileRule, lines: string[], opts: TestContextOptions = {}): (FindingDraft & { covered: string })[] {
  const state = rule.create({
    options: { ...(rule.defaultOptions ?? {}), ...(opts.options ?? {}) }, format: opts.format,
    file: {
      detection: { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 }, blankLines: [], lineCount: lines.length,
      bom: false, eol: 'lf', lineText: (l) => lines[l] ?? '',
    },
  });
  lines.forEach((l, i) => {
    const ctx = makeContext(l, { ...opts, line: i });
    if (rule.defaultOptions) ctx.options = { ...rule.defaultOptions, ...ctx.options };
    state.add(ctx.record, ctx);
  });
  return state.findings().map((f) => ({ ...f, covered: f.line !== undefined && f.startColumn !== undefined ? lines[f.line].slice(f.startColumn, f.endColumn) : '' }));
}

/** Applies a fix's edits (single-line, same line) to a JSONL line. */
export function applyFix(line: string, f: Pick<Finding, 'fix'> | FindingDraft): string {
  const edits = [...(f.fix?.edits ?? [])].sort((a, b) => b.startColumn - a.startColumn);
  let out = line;
  for (const e of edits) out = out.slice(0, e.startColumn) + e.text + out.slice(e.endColumn);
  return out;
}

export const jsonl = (o: unknown): string => JSON.stringify(o);
