import type { FindingDraft, RecordRule, TextEdit } from '../../types';
import { analyzeRecord, fix, replaceEdit } from '../../cot/analysis';
import type { Step } from '../../cot/steps';

const j = JSON.stringify;
/** Quick test: some line starts with a number and "." or ")", or a "Step N" label appears. */
const LABEL_HINT = /(?:^|\n|\\n)\s*(?:\*\*)?\d{1,3}[.)](?:\*\*)?(?:\s|$)|step\s+\d/i;

/** Cheap pre-check for LABEL_HINT: a "tep" somewhere, or a line that starts with a digit. */
function hasLabelHint(text: string): boolean {
  if (text.indexOf('tep') < 0 && text.indexOf('TEP') < 0) {
    let at = 0;
    let found = false;
    for (;;) {
      let k = at;
      while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 42) k++;
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) {
        found = true;
        break;
      }
      const nl = text.indexOf('\n', at);
      const lit = text.indexOf('\\n', at);
      const next = nl < 0 ? lit : lit < 0 ? nl : Math.min(nl, lit);
      if (next < 0) break;
      at = next + (next === lit ? 2 : 1);
    }
    if (!found) return false;
  }
  return LABEL_HINT.test(text);
}

/** COT008: gaps or repeats in "Step 1/2/4" or "1. 2. 2." numbering. */
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
