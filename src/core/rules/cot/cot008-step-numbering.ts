import type { FindingDraft, RecordRule, TextEdit } from '../../types';
import { analyzeRecord, fix, replaceEdit } from '../../cot/analysis';
import type { Step } from '../../cot/steps';

const j = JSON.stringify;
/**
 * Quick test: some line starts with a number and "." or ")" ("1.", "**2)**"), or a "Step N" label
 * appears — /(?:^|\n|\\n)\s*(?:\*\*)?\d{1,3}[.)](?:\*\*)?(?:\s|$)|step\s+\d/ (step, Step or STEP),
 * written out without a regular expression: a regex scan of every text cost more than the rest
 * of the rule.
 */
function hasLabelHint(text: string): boolean {
  return stepNumberWord(text, 'p') || stepNumberWord(text, 'P') || labelAtLineStart(text);
}

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A line (or the text after a literal "\n") starting with 1-3 digits and "." or ")". */
function labelAtLineStart(text: string): boolean {
  const n = text.length;
  let nl = text.indexOf('\n');
  let lit = text.indexOf('\\n');
  let at = 0;
  for (;;) {
    let k = at;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 42 && text.charCodeAt(k + 1) === 42) k += 2;
    let d = k;
    while (d < n && d - k < 4 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
    const p = text.charCodeAt(d);
    if (d > k && d - k <= 3 && (p === 46 || p === 41)) {
      let e = d + 1;
      if (e >= n || isSpace(text.charCodeAt(e))) return true;
      if (text.charCodeAt(e) === 42 && text.charCodeAt(e + 1) === 42) {
        e += 2;
        if (e >= n || isSpace(text.charCodeAt(e))) return true;
      }
    }
    // the next line start: after a newline or a literal "\n", each searched once
    while (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    while (lit >= 0 && lit < at) lit = text.indexOf('\\n', at);
    const next = nl < 0 ? lit : lit < 0 ? nl : Math.min(nl, lit);
    if (next < 0) return false;
    at = next + (next === lit ? 2 : 1);
  }
}

/**
 * "step 3" / "Step 3" / "STEP 3": "tep" or "TEP" after an s/S, then whitespace and a digit. Found
 * through the rarer last letter ('p' or 'P', one native search each) rather than a search for "tep".
 */
function stepNumberWord(text: string, p: 'p' | 'P'): boolean {
  const t = p === 'p' ? 116 : 84;
  const e = p === 'p' ? 101 : 69;
  for (let i = text.indexOf(p, 3); i >= 0; i = text.indexOf(p, i + 1)) {
    if (text.charCodeAt(i - 1) !== e || text.charCodeAt(i - 2) !== t) continue;
    const s = text.charCodeAt(i - 3);
    if (s !== 115 && s !== 83) continue;
    let k = i + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (k > i + 1 && c >= 48 && c <= 57) return true;
  }
  return false;
}

export const stepNumbering: RecordRule = {
  id: 'COT008',
  name: 'step-numbering',
  description: 'Numbered steps skip or repeat a number ("Step 1, Step 2, Step 4"; "1. 2. 2.").',
  tags: ['cot', 'structure'],
  defaultSeverity: 'warning',
  scope: 'record',
  docs: {
    rationale:
      'A gap or a repeat in step numbers usually means a step was deleted, duplicated or pasted from another record; the model learns sloppy structure, ' +
      'and the missing step may be the one that made the reasoning valid. A list that restarts at 1 is a new list and is fine. ' +
      'The quick fix renumbers the steps from the first wrong one.',
    bad: [j({ question: 'How many?', rationale: 'Step 1: 3 + 4 = 7.\nStep 2: 7 × 2 = 14.\nStep 4: 14 - 1 = 13.', answer: '13' })],
    good: [j({ question: 'How many?', rationale: 'Step 1: 3 + 4 = 7.\nStep 2: 7 × 2 = 14.\nStep 3: 14 - 1 = 13.', answer: '13' })],
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const r of analyzeRecord(ctx).reasonings) {
      if (!hasLabelHint(r.text)) continue;
      if (r.field.role !== 'rationale' && !r.reasons()) continue;
      const labeled = r.steps.filter((s) => s.label);
      if (labeled.length < 2) continue;
      for (const kind of ['step', 'list'] as const) {
        const run = labeled.filter((s) => s.label!.kind === kind);
        let prev: Step | undefined;
        for (let i = 0; i < run.length; i++) {
          const s = run[i];
          const n = s.label!.num;
          if (!prev || n === 1) {
            prev = s;
            continue;
          }
          const p = prev.label!.num;
          if (n !== p + 1) {
            const what = kind === 'step' ? 'Step' : 'item';
            const message = n === p ? `${what} ${n} is numbered twice` : n > p ? `${what} numbering jumps from ${p} to ${n}` : `${what} numbering goes back from ${p} to ${n}`;
            // renumber this label and the rest of the run until the list restarts at 1
            const edits: TextEdit[] = [];
            let expected = p + 1;
            for (let k = i; k < run.length && !(k > i && run[k].label!.num === 1); k++, expected++) {
              const lab = run[k].label!;
              if (lab.num !== expected) edits.push(replaceEdit(ctx, r.field.pointer, lab.start, lab.end, String(expected)));
            }
            out.push({
              ...ctx.locateInString(r.field.pointer, s.label!.start, s.label!.end), field: r.field.pointer, message,
              fix: fix(`Renumber from ${what.toLowerCase()} ${p + 1}`, edits),
            });
            break;
          }
          prev = s;
        }
      }
    }
    return out;
  },
};
