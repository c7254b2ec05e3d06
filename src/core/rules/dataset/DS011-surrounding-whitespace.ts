import type { RecordRule } from '../../types';
import { hasSurroundingWhitespace, isBlankText, replaceStringFix } from './util/text';

export const surroundingWhitespace: RecordRule = {
  id: 'DS011',
  name: 'surrounding-whitespace',
  description: 'A text field starts or ends with spaces, tabs or blank lines.',
  tags: ['quality'],
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', properties: { allowTrailingNewline: { type: 'boolean', description: 'Accept one trailing newline (some pipelines add it on purpose).' } } },
  defaultOptions: { allowTrailingNewline: true },
  docs: {
    rationale: 'Leading and trailing whitespace is trained on: the model learns to start answers with a space or to emit stray newlines, and it changes tokenization of the first word.',
    bad: ['{"instruction": " Name a prime number.", "input": "", "output": "7  "}'],
    good: ['{"instruction": "Name a prime number.", "input": "", "output": "7"}'],
  },
  scope: 'record',
  check(ctx) {
    const out = [];
    for (const f of ctx.textFields()) {
      const t = f.text;
      if (!hasSurroundingWhitespace(t) || isBlankText(t)) continue;
      let trailing = t.length - t.trimEnd().length;
      if (ctx.options.allowTrailingNewline && /^\n$/.test(t.slice(t.length - trailing)) ) trailing = 0;
      const leading = t.length - t.trimStart().length;
      if (!leading && !trailing) continue;
      const where = leading && trailing ? 'starts and ends' : leading ? 'starts' : 'ends';
      const span = leading ? ctx.locateInString(f.pointer, 0, leading) : ctx.locateInString(f.pointer, t.length - trailing, t.length);
      const next = t.slice(leading, t.length - trailing);
      out.push({
        message: `${f.turn !== undefined ? `${f.turnRole} turn ${f.turn + 1}` : `"${f.pointer.slice(1)}"`} ${where} with whitespace`,
        field: f.pointer,
        ...span,
        fix: replaceStringFix(ctx, f, next, 'Trim the whitespace'),
      });
    }
    return out;
  },
};
