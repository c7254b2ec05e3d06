import type { FindingDraft, RecordContext, RecordRule } from '../../types';
import { type ReasoningAnalysis, analyzeRecord, fix, NO_FINDINGS } from '../../cot/analysis';
import { LINES_DISTINCT } from '../../cot/lines';
import { stepContent } from '../../cot/steps';

const j = JSON.stringify;

function normalize(s: string): string {
  return s.toLowerCase().replace(/^(?:step\s+\d+\s*[:.)-]?|\d+[.)])\s*/, '').replace(/[\s*_`]+/g, ' ').replace(/[.!?;,]+$/, '').trim();
}

/** COT009: a step that repeats an earlier one word for word, or a numbered step with no content. */
export const repeatedStep: RecordRule = {
  id: 'COT009',
  name: 'repeated-step',
  description: 'A reasoning step repeats an earlier step word for word, or a numbered step is empty.',
  tags: ['cot', 'structure'],
  defaultSeverity: 'warning',
  scope: 'record',
  docs: {
    rationale:
      'Copied steps are a common artefact of generation loops and of merging records; they teach the model to repeat itself and inflate the apparent length of the reasoning. ' +
      'An empty "Step 3:" says a step was lost. Short steps (under 12 characters) are not compared. The quick fix deletes the repeated copy.',
    bad: [j({ question: 'How many clips?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips.\n#### 72' })],
    good: [j({ question: 'How many clips?', answer: 'Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips.\n#### 72' })],
  },
  check(ctx) {
    let out: FindingDraft[] | undefined;
    for (const r of analyzeRecord(ctx).reasonings) {
      // hot path (the shared line pass): a multi-line text whose lines all differ, none labelled — unless the
      // final answer is stated at the end of a line of reasoning, which may repeat an earlier line before it
      if (r.text.length < 24 || (r.lineFacts & LINES_DISTINCT && !answerEndsALine(r.text, r.final))) continue;
      // general responses (songs with a chorus, code, forms) repeat lines on purpose: only reasoning counts
      if (r.field.role !== 'rationale' && (r.text.includes('```') || !r.reasons())) continue;
      out = repeatedSteps(ctx, r, out);
    }
    return out ?? NO_FINDINGS;
  },
};

/**
 * Does the final-answer statement end a line of reasoning ("… = 42 pages. The final answer is 42.")? Then
 * that line differs from an earlier copy of its reasoning part, and the line pass cannot rule out a repeat.
 * A short lead-in ("So", "Therefore,") is not reasoning.
 */
function answerEndsALine(text: string, final: { markerStart: number } | undefined): boolean {
  return final !== undefined && final.markerStart - (text.lastIndexOf('\n', final.markerStart - 1) + 1) >= 12;
}

function span(s: { line: number; startColumn: number; endLine: number; endColumn: number }) {
  return { line: s.line, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn };
}

/**
 * The findings of one reasoning the line pass could not clear, added to `out` (the record's so far). A
 * function of its own: the closures in it would otherwise make every call of check allocate their context.
 */
function repeatedSteps(ctx: RecordContext, r: ReasoningAnalysis, out: FindingDraft[] | undefined): FindingDraft[] | undefined {
  const steps = r.steps;
  if (steps.length < 2) {
    if (steps.length === 1 && steps[0].label && !stepContent(r.text, steps[0])) {
      (out ??= []).push({ ...ctx.locateInString(r.field.pointer, steps[0].start, steps[0].end), field: r.field.pointer, message: `step ${steps[0].label.num} is empty` });
    }
    return out;
  }
  const seen = new Map<string, number>();
  const final = r.final;
  steps.forEach((s, i) => {
    if (s.label && !stepContent(r.text, s)) {
      (out ??= []).push({ ...ctx.locateInString(r.field.pointer, s.start, s.end), field: r.field.pointer, message: `${s.label.kind === 'step' ? 'Step' : 'item'} ${s.label.num} is empty` });
      return;
    }
    // the step that also states the final answer ("… = 42 pages. The final answer is 42."): what comes
    // before that sentence is compared, and only that is deleted
    let end = s.end;
    if (final && final.markerStart > s.start && final.markerStart < s.end) {
      const before = r.text.slice(s.start, final.markerStart);
      const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
      // no full stop: a capital "The final answer …" still starts a sentence ("… 624 pages a year The final answer is 624.")
      const cut = stop >= 0 ? stop + 1 : /^[A-Z]/.test(r.text.slice(final.markerStart, final.markerStart + 1)) ? before.trimEnd().length : -1;
      // (a step that is only the statement, or no sentence boundary: the whole step, as any other)
      if (cut > 0) end = s.start + cut;
    }
    const key = normalize(end === s.end ? s.text : r.text.slice(s.start, end));
    if (key.length < 12 || !(/[a-z]/.test(key) || key.includes('='))) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    // delete the copy together with the separator before it
    const prevEnd = steps[i - 1].end;
    (out ??= []).push({
      ...ctx.locateInString(r.field.pointer, s.start, end), field: r.field.pointer,
      message: `this step repeats step ${first + 1} word for word`,
      fix: fix('Delete the repeated step', [{ ...span(ctx.locateInString(r.field.pointer, prevEnd, end)), text: '' }]),
    });
  });
  return out;
}
