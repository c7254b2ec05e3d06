import type { FindingDraft, RecordRule, TextEdit } from '../../types';
import { analyzeRecord, fix, NO_FINDINGS, replaceEdit } from '../../cot/analysis';
import { LINE_LABEL, isSpace } from '../../cot/lines';
import type { Step } from '../../cot/steps';

const j = JSON.stringify;

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
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      // quick test: a line starting like a list label (the shared line pass), or a "Step N" label —
      // /(?:^|\n|\\n)\s*(?:\*\*)?\d{1,3}[.)](?:\*\*)?(?:\s|$)|step\s+\d/i written out
      if (!(r.lineFacts & LINE_LABEL) && !stepNumberWord(r.text, 'p') && !stepNumberWord(r.text, 'P')) continue;
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
            (out ??= []).push({
              ...ctx.locateInString(r.field.pointer, s.label!.start, s.label!.end), field: r.field.pointer, message,
              fix: fix(`Renumber from ${what.toLowerCase()} ${p + 1}`, edits),
            });
            break;
          }
          prev = s;
        }
      }
    }
    return out ?? NO_FINDINGS;
  },
};
