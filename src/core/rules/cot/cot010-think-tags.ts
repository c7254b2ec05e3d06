import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, NO_FINDINGS } from '../../cot/analysis';

const j = JSON.stringify;
const TAG_RE = /<(\/?)think>/gi;

/**
 * text.includes('think>') || text.includes('THINK>'), searched through the rarer "k>" / "K>": a
 * search whose first character is common ('t') costs as much as several other rules together.
 */
function mentionsThink(text: string): boolean {
  for (const [tail, head] of TAILS) {
    for (let i = text.indexOf(tail, 4); i >= 0; i = text.indexOf(tail, i + 2)) if (text.startsWith(head, i - 4)) return true;
  }
  return false;
}
const TAILS: [string, string][] = [['k>', 'thin'], ['K>', 'THIN']];

/** COT010: an unclosed `<think>` or a stray `</think>` in a reasoning text. */
export const thinkTags: RecordRule = {
  id: 'COT010',
  name: 'think-tags',
  description: 'A <think> block is not closed, or a </think> has no opening tag.',
  tags: ['cot', 'structure', 'reasoning-model'],
  defaultSeverity: 'warning',
  scope: 'record',
  docs: {
    rationale:
      'Reasoning-model data wraps the hidden reasoning in <think>…</think>. An unclosed block makes the trainer (and the chat template) treat the final answer as hidden reasoning; ' +
      'a stray closing tag leaks template markup into the visible answer. If your chat template inserts the opening <think> itself and the data starts right inside the block, ' +
      'set this rule to "off" for that file.',
    bad: [j({ messages: [{ role: 'user', content: 'What is 3 + 4?' }, { role: 'assistant', content: '<think>3 + 4 = 7. The answer is 7.' }] })],
    good: [j({ messages: [{ role: 'user', content: 'What is 3 + 4?' }, { role: 'assistant', content: '<think>3 + 4 = 7.</think>The answer is 7.' }] })],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      const text = r.text;
      // the arithmetic scan has seen every '<' of most texts (all of them opening calculator annotations)
      if (!r.quick.angle || !mentionsThink(text)) continue;
      const open: number[] = [];
      TAG_RE.lastIndex = 0;
      for (let m = TAG_RE.exec(text); m; m = TAG_RE.exec(text)) {
        const at = m.index;
        const end = at + m[0].length;
        if (!m[1]) {
          if (open.length) {
            (out ??= []).push({ ...ctx.locateInString(r.field.pointer, at, end), field: r.field.pointer, message: '<think> opened again inside an open <think> block' });
          }
          open.push(at);
        } else if (open.length) {
          open.pop();
        } else {
          (out ??= []).push({ ...ctx.locateInString(r.field.pointer, at, end), field: r.field.pointer, message: '</think> without an opening <think>' });
        }
      }
      for (const at of open) {
        (out ??= []).push({ ...ctx.locateInString(r.field.pointer, at, at + 7), field: r.field.pointer, message: '<think> is never closed: everything after it, including the answer, is inside the reasoning block' });
      }
    }
    return out ?? NO_FINDINGS;
  },
};
