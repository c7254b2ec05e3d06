/**
 * Applies findings' fixes to a file's text. Edits are located by (line, column) and applied from the
 * end so earlier offsets stay valid; an edit overlapping one already taken is skipped (a second
 * --fix run picks it up). Everything outside the edits, BOM and line endings included, is kept byte for byte.
 */
import { splitLines } from '../core/jsonl/lines';
import type { Finding } from '../core/types';

export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { lines, eols } = splitLines(text);
  const starts: number[] = [];
  let offset = bom;
  for (let i = 0; i < lines.length; i++) {
    starts.push(offset);
    offset += lines[i].length + eols[i].length;
  }
  starts.push(offset); // a position just past the last line (for whole-line deletions of the last line)
  const at = (line: number, column: number) => Math.min(text.length, (starts[Math.min(line, starts.length - 1)] ?? text.length) + column);
  const edits: { start: number; end: number; text: string; finding: number }[] = [];
  findings.forEach((f, i) => {
    for (const e of f.fix?.edits ?? []) {
      const line = e.line ?? f.line;
      edits.push({ start: at(line, e.startColumn), end: at(e.endLine ?? line, e.endColumn), text: e.text, finding: i });
    }
  });
  // group edits by finding: a fix is applied whole or not at all
  const byFinding = new Map<number, typeof edits>();
  for (const e of edits) byFinding.set(e.finding, [...(byFinding.get(e.finding) ?? []), e]);
  const taken: { start: number; end: number }[] = [];
  const chosen: typeof edits = [];
  for (const group of byFinding.values()) {
    if (group.some((e) => taken.some((t) => e.start < t.end && t.start < e.end) || (e.start === e.end && taken.some((t) => t.start === e.start)))) continue;
    for (const e of group) {
      taken.push(e);
      chosen.push(e);
    }
  }
  chosen.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of chosen) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: byFinding.size - [...byFinding.values()].filter((g) => !g.every((e) => chosen.includes(e))).length };
}
