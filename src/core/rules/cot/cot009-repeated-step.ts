import type { FindingDraft, RecordRule } from '../../types';
import { analyzeRecord, fix } from '../../cot/analysis';
import { stepContent } from '../../cot/steps';

const j = JSON.stringify;

/**
 * Hot path: a multi-line text whose lines are all different (case-insensitively), none of which
 * starts with a label that could be empty or renumbered. Single-line texts need the sentence split.
 */
/** Fingerprints of the lines seen so far (a small reused buffer: no allocation per record). */
const SEEN = new Int32Array(64);

/** Does the line starting at `i` start with a label ("1.", "12)", "**", "#", "Step")? A "#### 72" line does not count. */
function looksLabelled(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) {
    let k = i;
    while (k < i + 3 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const p = text.charCodeAt(k);
    const after = text.charCodeAt(k + 1);
    return (p === 46 || p === 41) && (Number.isNaN(after) || after === 32 || after === 10 || after === 9);
  }
  if (c === 42) return text.charCodeAt(i + 1) === 42;
  if (c === 35) return !(text.charCodeAt(i + 1) === 35 && text.charCodeAt(i + 2) === 35 && text.charCodeAt(i + 3) === 35);
  if (c === 83 || c === 115) {
    return (text.charCodeAt(i + 1) | 32) === 116 && (text.charCodeAt(i + 2) | 32) === 101 && (text.charCodeAt(i + 3) | 32) === 112 && !((text.charCodeAt(i + 4) | 32) >= 97 && (text.charCodeAt(i + 4) | 32) <= 122);
  }
  return false;
}

function quickDistinctLines(text: string): boolean {
  if (text.indexOf('\n') < 0 || text.indexOf('\\n') >= 0) return false;
  const seen = SEEN;
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i <= n) {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const start = i;
    if (looksLabelled(text, i)) return false;
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13 || text.charCodeAt(last - 1) === 9)) last--;
    const len = last - start;
    if (len >= 12) {
      // a sampled, case-folded fingerprint: equal lines always collide; a collision sends the text
      // to the exact comparison, so a false match costs time, never a wrong finding
      let h = len;
      for (let k = 0; k < 8; k++) h = (h * 31 + (text.charCodeAt(start + ((len - 1) * k) / 7 | 0) | 32)) | 0;
      for (let k = 0; k < count; k++) if (seen[k] === h) return false;
      if (count === seen.length) return false; // very many lines: let the exact comparison do it
      seen[count++] = h;
    }
    i = end + 1;
  }
  return true;
}

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
    const out: FindingDraft[] = [];
    for (const r of analyzeRecord(ctx).reasonings) {
      if (r.text.length < 24 || quickDistinctLines(r.text)) continue;
      // general responses (songs with a chorus, code, forms) repeat lines on purpose: only reasoning counts
      if (r.field.role !== 'rationale' && (r.text.includes('```') || !r.reasons())) continue;
      const steps = r.steps;
      if (steps.length < 2) {
        if (steps.length === 1 && steps[0].label && !stepContent(r.text, steps[0])) {
          out.push({ ...ctx.locateInString(r.field.pointer, steps[0].start, steps[0].end), field: r.field.pointer, message: `step ${steps[0].label.num} is empty` });
        }
        continue;
      }
      const seen = new Map<string, number>();
      steps.forEach((s, i) => {
        if (s.label && !stepContent(r.text, s)) {
          out.push({ ...ctx.locateInString(r.field.pointer, s.start, s.end), field: r.field.pointer, message: `${s.label.kind === 'step' ? 'Step' : 'item'} ${s.label.num} is empty` });
          return;
        }
        const key = normalize(s.text);
        if (key.length < 12 || !(/[a-z]/.test(key) || key.includes('='))) return;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return;
        }
        // delete the copy together with the separator before it
        const prevEnd = steps[i - 1].end;
        out.push({
          ...ctx.locateInString(r.field.pointer, s.start, s.end), field: r.field.pointer,
          message: `this step repeats step ${first + 1} word for word`,
          fix: fix('Delete the repeated step', [{ ...span(ctx.locateInString(r.field.pointer, prevEnd, s.end)), text: '' }]),
        });
      });
    }
    return out;
  },
};

function span(s: { line: number; startColumn: number; endLine: number; endColumn: number }) {
  return { line: s.line, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn };
}
