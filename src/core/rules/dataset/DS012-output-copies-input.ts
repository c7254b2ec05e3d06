import type { RecordRule } from '../../types';

/** Whitespace-collapsed, case kept: changing case is a task of its own ("capitalise this"). */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

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
    const prompts = fields.filter((f) => (f.role === 'prompt' || f.role === 'context') && f.turn === undefined && f.text.trim().length >= 3);
    const minLength = Number(ctx.options.minLength ?? 80);
    const out = [];
    for (const r of fields.filter((f) => f.role === 'response' && f.turn === undefined)) {
      // cheap length test first: a copy is about as long as what it copies
      const candidates = prompts.filter((p) => r.text.length <= p.text.length * 1.5 + 16);
      if (!candidates.length) continue;
      const answer = squash(r.text);
      if (!answer) continue;
      for (const p of candidates) {
        const prompt = squash(p.text);
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
