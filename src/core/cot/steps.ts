/**
 * Splits a rationale into steps: one per line; "Step 1:" labels (also several on one line);
 * numbered list items ("1.", "2)"); a single-paragraph rationale into sentences.
 * A literal "\n" escape left in the text counts as a line break.
 */
export interface StepLabel {
  kind: 'step' | 'list';
  num: number;
  /** Offsets of the number inside the label ("Step 12:" -> the "12"). */
  start: number;
  end: number;
}

export interface Step {
  /** Offsets of the step's content (label included, surrounding whitespace excluded). */
  start: number;
  end: number;
  text: string;
  /** 0-based line of the text the step starts on. */
  line: number;
  label?: StepLabel;
  /** Offsets of the content after the label. */
  contentStart: number;
}

const STEP_LABEL_RE = /(?:^|(?<=[\s.;:,*#]))(?:\*\*|#{1,4}\s*)?Step\s+(\d{1,3})\s*(?:[:.)\-–—]|\*\*)/gi;
const LIST_RE = /^(\s*)(?:\*\*)?(\d{1,3})([.)])(?:\*\*)?(?=\s|$)/;
const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|approx|No|Fig|e\.g|i\.e|U\.S|Inc|Ltd|Co|Mt)|\b[A-Z])$/;

interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const re = /\r?\n|\\n(?!(?:eq|e\b|ewline|abla|ot|u\b|eg|mid|leq|geq|otin|i\b))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** "vitamin K." ends a sentence; "John D." and "W. S." are initials. */
function afterLowerWord(text: string, dot: number): boolean {
  const letter = dot - 1;
  if (!/[A-Z]/.test(text[letter] ?? '') || /[A-Za-z]/.test(text[letter - 1] ?? '')) return false;
  const m = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, letter - 30), letter));
  return !!m && /^[a-z]/.test(m[1]) && m[1].length > 1;
}

/** Sentence ranges inside [start, end). */
export function splitSentences(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const next = text[i + 1];
    if (i + 1 < end && next !== ' ' && next !== '\t') continue;
    // the next sentence starts with a capital, a digit, a quote or a currency sign
    let k = i + 1;
    while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k < end && !/[A-Z0-9"'“$(*]/.test(text[k])) continue;
    if (c === '.' && ABBREV.test(text.slice(Math.max(s, i - 6), i)) && !afterLowerWord(text, i)) continue;
    out.push({ start: s, end: i + 1 });
    s = i + 1;
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

export function splitSteps(text: string): Step[] {
  const out: Step[] = [];
  const ls = lines(text);
  const nonEmpty = ls.filter((l) => /\S/.test(text.slice(l.start, l.end)));
  ls.forEach((l, lineNo) => {
    if (!nonEmpty.includes(l)) {
      return;
    }
    // "Step N" labels, possibly several on a line
    STEP_LABEL_RE.lastIndex = l.start;
    const labels: { at: number; num: number; numStart: number; numEnd: number; contentStart: number }[] = [];
    const lineText = text.slice(l.start, l.end);
    if (/step/i.test(lineText)) {
      const re = new RegExp(STEP_LABEL_RE.source, 'gi');
      for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
        const at = l.start + m.index;
        const numStart = at + m[0].indexOf(m[1], m[0].search(/step/i) + 4);
        labels.push({ at, num: Number(m[1]), numStart, numEnd: numStart + m[1].length, contentStart: at + m[0].length });
      }
    }
    if (labels.length) {
      if (labels[0].at > l.start && /\S/.test(text.slice(l.start, labels[0].at))) {
        const [s, e] = trimmed(text, l.start, labels[0].at);
        out.push({ start: s, end: e, text: text.slice(s, e), line: lineNo, contentStart: s });
      }
      labels.forEach((lab, k) => {
        const [s, e] = trimmed(text, lab.at, k + 1 < labels.length ? labels[k + 1].at : l.end);
        out.push({
          start: s, end: e, text: text.slice(s, e), line: lineNo, contentStart: lab.contentStart,
          label: { kind: 'step', num: lab.num, start: lab.numStart, end: lab.numEnd },
        });
      });
      return;
    }
    const list = LIST_RE.exec(lineText);
    const [s, e] = trimmed(text, l.start, l.end);
    if (list) {
      const numStart = l.start + list[1].length + (lineText.slice(list[1].length).startsWith('**') ? 2 : 0);
      out.push({
        start: s, end: e, text: text.slice(s, e), line: lineNo, contentStart: l.start + list[0].length,
        label: { kind: 'list', num: Number(list[2]), start: numStart, end: numStart + list[2].length },
      });
      return;
    }
    if (nonEmpty.length === 1) {
      for (const sent of splitSentences(text, s, e)) {
        const [a, b] = trimmed(text, sent.start, sent.end);
        if (b > a) out.push({ start: a, end: b, text: text.slice(a, b), line: lineNo, contentStart: a });
      }
      return;
    }
    out.push({ start: s, end: e, text: text.slice(s, e), line: lineNo, contentStart: s });
  });
  return out;
}

/** The content of a step after its label, trimmed (empty for "Step 3:" with nothing after it). */
export function stepContent(text: string, step: Step): string {
  return text.slice(step.contentStart, step.end).replace(/^[\s*:.)\-–—]+/, '').trim();
}
