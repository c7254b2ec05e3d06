import type { FindingDraft, RecordRule, TextField } from '../../types';
// whitespace-collapsed, case kept: changing case is a task of its own ("capitalise this")
import { isBlankText, squash } from './util/text';

export const outputCopiesInput: RecordRule = {
  id: 'DS012',
  name: 'output-copies-input',
  description: 'The answer repeats the instruction or input instead of answering it.',
  tags: ['quality'],
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', properties: { minLength: { type: 'integer', minimum: 1, description: 'Shortest prompt (characters) whose copy inside a longer answer is reported.' } } },
  defaultOptions: { minLength: 80 },
  docs: {
    rationale: 'An answer that echoes the prompt teaches the model to parrot. Usually a generation or formatting bug (the prompt pasted into the output column). Copying a short prompt inside a longer answer is normal and not reported.',
    bad: ['{"instruction": "Rewrite the sentence in the passive voice.", "input": "The cat chased the mouse.", "output": "The cat chased the mouse."}'],
    good: ['{"instruction": "Rewrite the sentence in the passive voice.", "input": "The cat chased the mouse.", "output": "The mouse was chased by the cat."}'],
  },
  scope: 'record',
  check(ctx) {
    const fields = ctx.textFields();
    let prompts: TextField[] | undefined;
    let longest = 0;
    for (const f of fields) {
      if ((f.role !== 'prompt' && f.role !== 'context') || f.turn !== undefined || f.text.length < 3 || isBlankText(f.text)) continue;
      (prompts ??= []).push(f);
      longest = Math.max(longest, f.text.length);
    }
    if (!prompts) return [];
    const minLength = Number(ctx.options.minLength ?? 80);
    const out: FindingDraft[] = [];
    for (const r of fields) {
      // cheap length test first: a copy is about as long as what it copies
      if (r.role !== 'response' || r.turn !== undefined || r.text.length > longest * 1.5 + 16) continue;
      const answer = squash(r.text);
      if (!answer) continue;
      for (const p of prompts) {
        if (r.text.length > p.text.length * 1.5 + 16) continue;
        const prompt = squash(p.text);
        if (prompt.length < 3) continue;
        const same = answer === prompt;
        if (same || (prompt.length >= minLength && answer.includes(prompt) && answer.length < prompt.length * 1.2)) {
          out.push({ message: `the answer ${same ? 'is the same as' : 'copies'} the ${p.pointer.slice(1)}`, field: r.pointer, ...ctx.locate(r.pointer, 'value') });
          break;
        }
      }
    }
    return out;
  },
};
