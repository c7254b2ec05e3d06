/**
 * The hot path: one allocation-free pass over a reasoning text that answers "is anything here
 * possibly wrong?" in doubles. Clean records (the vast majority) stop here; anything suspect goes
 * to the exact analysis (tokenizer, parser, rationals), which alone decides what is reported.
 * A fast "accept" is only given when the double-precision check leaves no doubt.
 */

export interface QuickFacts {
  /** Every annotation parsed, is right, and the number after it agrees. */
  annotationsOk: boolean;
  /** Number of `<<…>>` annotations. */
  annotations: number;
  /** An '=' outside annotations that is not immediately followed by one (an inline equation to check). */
  freeEquals: boolean;
  /** An '=' right before an annotation whose left side is not literally the annotation's expression ("6*2.5 = <<6*3=18>>"). */
  annotatedInlineDiffers: boolean;
  /** Position of the last free '=' (or -1). */
  lastFreeEquals: number;
  /** The value the text shows for the last annotation (the number after it, else its result); NaN if none. */
  lastValue: number;
  /** End of the last annotation (and of the number after it). */
  lastEnd: number;
  /**
   * The text may hold a '<' that is not the opening of a plain calculator annotation (a tag such as
   * <think>). False only when the scan saw every '<' of the text.
   */
  angle: boolean;
  /**
   * When some annotation is suspect and every annotation has the usual shape: the offsets of the
   * annotations the scan settled beyond doubt (whole numbers only, written again unchanged after
   * ">>"), which the exact analysis may skip; otherwise undefined (the exact analysis reads them all).
   */
  settled: number[] | undefined;
}

// A tiny recursive-descent evaluator over text[pos, end) in doubles. NaN for anything unexpected.
let src = '';
let pos = 0;
let end = 0;

// the last number read by readNumber: its value, where the reading stopped and where its '.' is (-1: none)
// (module state, no allocation)
let numValue = 0;
let numEnd = 0;
let numDot = -1;
/** No ',' and no '.' in the last number read. */
let numPlain = true;

/**
 * Reads a number at text[i, to): digits, ',' separators, one '.'. Sets numValue and numEnd (where the
 * reading stopped, also on failure); false for no digit or a second '.'.
 */
function readNumber(text: string, i: number, to: number): boolean {
  let seenDigit = false;
  let v = 0;
  let scale = 0; // digits after the point
  let point = false;
  numDot = -1;
  numPlain = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      v = v * 10 + (c - 48);
      if (point) scale++;
    } else if (c === 46) {
      if (point) {
        numEnd = i;
        return false;
      }
      point = true;
      numDot = i;
      numPlain = false;
    } else if (c === 44) numPlain = false;
    else break;
    i++;
  }
  numEnd = i;
  if (!seenDigit) return false;
  numValue = scale ? v / 10 ** scale : v;
  return true;
}

function skip(): void {
  // locals in the loops: module-level state is a context slot, slow to read and write per character
  let p = pos;
  const e = end;
  const s = src;
  while (p < e && s.charCodeAt(p) === 32) p++;
  pos = p;
}

function num(): number {
  const s = src;
  const e = end;
  let p = pos;
  while (p < e && s.charCodeAt(p) === 32) p++;
  const ok = readNumber(s, p, e);
  pos = numEnd;
  return ok ? numValue : NaN;
}

function primary(): number {
  skip();
  const c = src.charCodeAt(pos);
  if (c === 40) {
    pos++;
    const v = sum();
    skip();
    if (src.charCodeAt(pos) !== 41) return NaN;
    pos++;
    return v;
  }
  if (c === 45) {
    pos++;
    return -primary();
  }
  return num();
}

function power(): number {
  const base = primary();
  skip();
  if (src.charCodeAt(pos) === 42 && src.charCodeAt(pos + 1) === 42) {
    pos += 2;
    return base ** power();
  }
  if (src.charCodeAt(pos) === 94) {
    pos++;
    return base ** power();
  }
  return base;
}

function product(): number {
  let v = power();
  for (;;) {
    skip();
    const c = src.charCodeAt(pos);
    if (c === 42 && src.charCodeAt(pos + 1) !== 42) {
      pos++;
      v *= power();
    } else if (c === 47) {
      pos++;
      v /= power();
    } else return v;
  }
}

function sum(): number {
  let v = product();
  for (;;) {
    skip();
    const c = src.charCodeAt(pos);
    if (c === 43) {
      pos++;
      v += product();
    } else if (c === 45) {
      pos++;
      v -= product();
    } else return v;
  }
}

/** Value of text[from, to) as a plain arithmetic expression in doubles, NaN when it is anything else. */
export function quickEval(text: string, from: number, to: number): number {
  src = text;
  pos = from;
  end = to;
  const v = sum();
  skip();
  return pos === end ? v : NaN;
}

/**
 * quickEval for the shapes almost every annotation has, "24" and "48*3" (a number, or two numbers and
 * one of + - * /), without the recursive descent; anything else goes to quickEval. The same
 * arithmetic in the same order, so the result is the same double.
 */
export function fastEval(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  if (!readNumber(text, i, to)) return quickEval(text, from, to);
  const a = numValue;
  i = numEnd;
  while (i < to && text.charCodeAt(i) === 32) i++;
  if (i < to) {
    const op = text.charCodeAt(i);
    if (!(op === 43 || op === 45 || op === 47 || (op === 42 && text.charCodeAt(i + 1) !== 42))) return quickEval(text, from, to);
    i++;
    while (i < to && text.charCodeAt(i) === 32) i++;
    if (!readNumber(text, i, to)) return quickEval(text, from, to);
    const b = numValue;
    i = numEnd;
    while (i < to && text.charCodeAt(i) === 32) i++;
    if (i < to) return quickEval(text, from, to);
    const after = text.charCodeAt(to);
    // an operator right at the end: quickEval reads on past it and gives NaN
    if (after === 42 || after === 47 || after === 43 || after === 45 || after === 94) return quickEval(text, from, to);
    return op === 43 ? a + b : op === 45 ? a - b : op === 42 ? a * b : a / b;
  }
  const after = text.charCodeAt(to);
  if (after === 42 || after === 47 || after === 43 || after === 45 || after === 94) return quickEval(text, from, to);
  return a;
}

/** 10 ** -d for the usual numbers of decimals (the same doubles; Math.pow is a call). */
const NEG_POW10 = Array.from({ length: 16 }, (_, d) => 10 ** -d);

/** Written `w` (with `d` decimals) is clearly an acceptable rendering of `v`: exact, rounded or truncated. */
export function quickAccepts(v: number, w: number, d: number): boolean {
  // the usual case, a whole number written exactly (what the general test below gives for it)
  if (v === w && d === 0 && v < 1e9 && v > -1e9) return true;
  if (!Number.isFinite(v) || !Number.isFinite(w)) return false;
  const eps = 1e-9 * Math.max(1, Math.abs(v));
  const diff = v - w;
  const unit = d < NEG_POW10.length ? NEG_POW10[d] : 10 ** -d;
  if (Math.abs(diff) <= 0.5 * unit - eps) return true;
  // truncation toward zero
  return v >= 0 ? diff >= -eps && diff < unit - eps : diff <= eps && diff > -unit + eps;
}

/** x and × stand for *: the same operator character on both sides. */
function sameOperand(a: number, b: number): boolean {
  return a === b || ((a === 120 || a === 215 || a === 42) && (b === 120 || b === 215 || b === 42));
}

/** A character that would continue an expression read backwards (a digit, '.', an operator, ')', x, ×). */
function continuesExpression(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 42 || c === 47 || c === 41 || c === 120 || c === 215;
}

/**
 * Is the text right before the '=' at `eq` literally the expression of the annotation opening at
 * `open` ("48/2 = <<48/2=24>>")? Walks both backwards, ignoring spaces and '$' (x and × as *).
 * Each character is read once: this runs for every annotated '=' of a file.
 */
function sameAsAnnotation(text: string, eq: number, open: number, annEq: number): boolean {
  if (annEq < 0) return true;
  let i = eq - 1;
  let j = annEq - 1;
  const lo = open + 1;
  for (;;) {
    // before the text's start, -1: neither a space nor an expression character (an integer, not NaN: the
    // comparisons below then stay integer comparisons)
    let ci = i >= 0 ? text.charCodeAt(i) : -1;
    while (ci === 32 || ci === 36) ci = --i >= 0 ? text.charCodeAt(i) : -1;
    let cj = text.charCodeAt(j);
    while (j > lo && (cj === 32 || cj === 36)) cj = text.charCodeAt(--j);
    if (j <= lo) {
      // the annotation's expression is used up: the text must not continue the expression
      return !continuesExpression(ci);
    }
    if (ci !== cj && !sameOperand(ci, cj)) return false;
    i--;
    j--;
  }
}

/**
 * text.indexOf(' equals ') (or lastIndexOf), found through the rare "q": a search led by a common
 * character (' ') costs more than the whole rest of the scan.
 */
function wordedEquals(text: string, last: boolean): number {
  let at = -1;
  // a one-character search is a fast native scan; a longer pattern is not
  for (let i = text.indexOf('q'); i >= 0; i = text.indexOf('q', i + 1)) {
    if (
      i >= 2 && text.charCodeAt(i - 1) === 101 && text.charCodeAt(i - 2) === 32 &&
      text.charCodeAt(i + 1) === 117 && text.charCodeAt(i + 2) === 97 && text.charCodeAt(i + 3) === 108 && text.charCodeAt(i + 4) === 115 && text.charCodeAt(i + 5) === 32
    ) {
      at = i - 2;
      if (!last) break;
      i += 5;
    }
  }
  return at;
}

// what annotationShape read (module state, no allocation)
let shapeEq = -1;
let shapeClose = -1;
let shapeDot = -1;
let shapeLeft = NaN;
let shapeRight = NaN;
/** Every number of the annotation is a plain digit run. */
let shapePlain = true;
// the expression "a" or "a op b" as read: the operands, their digit counts and the operator (0: none)
let shapeA = 0;
let shapeADigits = 0;
let shapeOp = 0;
let shapeB = 0;
let shapeBDigits = 0;

/**
 * Reads `digits` digits back from `i` (a plain digit run ending there) and says whether they spell `value`
 * (equal counts and values: the same digits). Sets backAt to the position before them.
 */
let backAt = 0;
function digitsBackAre(text: string, i: number, digits: number, value: number): boolean {
  if (digits > 15) return false;
  let v = 0;
  let scale = 1;
  for (let d = 0; d < digits; d++, i--) {
    const c = i >= 0 ? text.charCodeAt(i) : -1;
    if (c < 48 || c > 57) return false;
    v += (c - 48) * scale;
    scale *= 10;
  }
  const c = i >= 0 ? text.charCodeAt(i) : -1;
  backAt = i;
  return v === value && !(c >= 48 && c <= 57);
}

function skipBlanksBack(text: string, i: number): number {
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 36) break;
    i--;
  }
  return i;
}

/**
 * sameAsAnnotation for the annotation annotationShape just read with plain operands: the text before the
 * '=' at `eq` read back once and compared by digits and value, not character by character against the
 * annotation. True when it is the same expression (blanks and '$' aside, x and × as *); false when this
 * quick reading cannot tell, and the general walk decides.
 */
function sameAsShape(text: string, eq: number): boolean {
  let i = skipBlanksBack(text, eq - 1);
  if (shapeOp !== 0) {
    if (!digitsBackAre(text, i, shapeBDigits, shapeB)) return false;
    i = skipBlanksBack(text, backAt);
    const c = i >= 0 ? text.charCodeAt(i) : -1;
    if (!(c === shapeOp || (shapeOp === 42 && (c === 120 || c === 215)))) return false;
    i = skipBlanksBack(text, i - 1);
  }
  if (!digitsBackAre(text, i, shapeADigits, shapeA)) return false;
  i = skipBlanksBack(text, backAt);
  const c = i >= 0 ? text.charCodeAt(i) : -1;
  // the text must not continue the expression (the general walk's last test)
  return !continuesExpression(c);
}

/**
 * The annotation body starting at `i` in the shape almost all have, "a=r>>" or "a op b=r>>" (plain
 * numbers, op one of + - * /, spaces allowed), read in one walk: sets shapeEq, shapeClose (the first
 * '>'), shapeDot (the result's '.'), shapeLeft and shapeRight to exactly what the general walk and
 * fastEval give for it. False for any other shape (the caller then takes the general path).
 */
function annotationShape(text: string, i: number, n: number): boolean {
  while (i < n && text.charCodeAt(i) === 32) i++;
  if (!readNumber(text, i, n)) return false;
  let v = numValue;
  let plain = numPlain;
  shapeA = v;
  shapeADigits = numEnd - i;
  shapeOp = 0;
  i = numEnd;
  while (i < n && text.charCodeAt(i) === 32) i++;
  let c = text.charCodeAt(i);
  if (c !== 61) {
    if (!(c === 43 || c === 45 || c === 47 || (c === 42 && text.charCodeAt(i + 1) !== 42))) return false;
    shapeOp = c;
    i++;
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (!readNumber(text, i, n)) return false;
    const b = numValue;
    plain = plain && numPlain;
    shapeB = b;
    shapeBDigits = numEnd - i;
    i = numEnd;
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) !== 61) return false;
    v = c === 43 ? v + b : c === 45 ? v - b : c === 42 ? v * b : v / b;
  }
  shapeEq = i;
  i++;
  while (i < n && text.charCodeAt(i) === 32) i++;
  if (!readNumber(text, i, n)) return false;
  const dot = numDot;
  const w = numValue;
  i = numEnd;
  while (i < n && text.charCodeAt(i) === 32) i++;
  c = text.charCodeAt(i);
  if (c !== 62 || text.charCodeAt(i + 1) !== 62) return false;
  shapeClose = i;
  shapeDot = dot;
  shapeLeft = v;
  shapeRight = w;
  shapePlain = plain && numPlain;
  return true;
}

/** Offsets of the settled annotations of the text being scanned (a reused buffer). */
const SETTLED = new Int32Array(64);

// without an '=' the scan stops at once: it has not looked for '<'
const NO_FACTS: QuickFacts = { annotationsOk: true, annotations: 0, annotatedInlineDiffers: false, freeEquals: false, lastFreeEquals: -1, lastValue: NaN, lastEnd: -1, angle: true, settled: undefined };

export function quickScan(text: string): QuickFacts {
  let eqAt = text.indexOf('=');
  if (eqAt < 0) {
    // "150 divided by 5 equals 30": a worded equation goes to the exact path
    const w = wordedEquals(text, false);
    return w < 0 ? NO_FACTS : { ...NO_FACTS, freeEquals: true, lastFreeEquals: w };
  }
  const n = text.length;
  let annotationsOk = true;
  let annotations = 0;
  let freeEquals = false;
  let annotatedInlineDiffers = false;
  let lastFreeEquals = -1;
  let lastValue = NaN;
  let lastEnd = -1;
  let angle = false;
  // annotations settled beyond doubt (offsets in SETTLED), and whether every annotation had the usual shape
  let settledCount = 0;
  let allShaped = true;
  let from = 0;
  for (;;) {
    // a one-character search is much cheaper than a two-character one
    let open = text.indexOf('<', from);
    while (open >= 0 && text.charCodeAt(open + 1) !== 60) {
      angle = true;
      open = text.indexOf('<', open + 1);
    }
    const segEnd = open < 0 ? n : open;
    // inside the annotation: its '=' signs, the first '.' of the result and the closing ">>"; for the
    // usual shape ("48*3=144", "24=24") read and evaluated in the same walk (annotationShape)
    let close = -1;
    let eq = -1;
    let eq2 = -1;
    let dot = -1;
    let v = NaN;
    let w = NaN;
    let shaped = false;
    if (open >= 0) {
      if (annotationShape(text, open + 2, n)) {
        shaped = shapePlain;
        close = shapeClose;
        eq = shapeEq;
        dot = shapeDot;
        v = shapeLeft;
        w = shapeRight;
      } else {
        // anything else (this walk may pass over a '<'): one walk instead of several searches (an
        // annotation is a few characters long)
        angle = true;
        allShaped = false;
        for (let i = open + 2; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === 62) {
            if (text.charCodeAt(i + 1) === 62) {
              close = i;
              break;
            }
          } else if (c === 61) {
            if (eq < 0) eq = i;
            else if (eq2 < 0) eq2 = i;
          } else if (c === 46 && eq >= 0 && dot < 0) dot = i;
        }
        if (close >= 0 && eq >= 0 && eq2 < 0) {
          v = fastEval(text, open + 2, eq);
          w = fastEval(text, eq + 1, close);
        }
      }
    }
    // '=' signs between `from` and the next annotation
    while (eqAt >= 0 && eqAt < segEnd) {
      if (eqAt >= from) {
        let k = eqAt + 1;
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 36)) k++;
        if (!(text.charCodeAt(k) === 60 && text.charCodeAt(k + 1) === 60)) {
          freeEquals = true;
          lastFreeEquals = eqAt;
        } else {
          if (!annotatedInlineDiffers && !(shaped && sameAsShape(text, eqAt)) && !sameAsAnnotation(text, eqAt, k, eq >= 0 || close < 0 ? eq : text.indexOf('=', close))) annotatedInlineDiffers = true;
          // k is this segment's annotation (only spaces and '$' lie between): the next '=' is its own
          if (eq >= 0) {
            eqAt = eq;
            continue;
          }
        }
      }
      eqAt = text.indexOf('=', eqAt + 1);
    }
    if (open < 0) break;
    if (close < 0) {
      angle = true;
      allShaped = false;
      break;
    }
    annotations++;
    if (eq < 0 || eq2 >= 0) {
      annotationsOk = false;
      allShaped = false;
    } else {
      const d = dot < 0 ? 0 : close - dot - 1;
      let settled = shaped && v < 1e15 && v > -1e15;
      if (!quickAccepts(v, w, d)) {
        annotationsOk = false;
        settled = false;
      }
      lastValue = w;
      // the number written right after ">>"
      let a = close + 2;
      if (text.charCodeAt(a) === 36) a++;
      let b = a;
      let dotAfter = -1;
      let digitsOnly = true;
      // the same characters as the result, compared in the same walk ("<<48/2=24>>24")
      const shift = eq + 1 - a;
      let same = true;
      while (b < n) {
        const c = text.charCodeAt(b);
        if (c >= 48 && c <= 57) {
          if (same && text.charCodeAt(b + shift) !== c) same = false;
          b++;
        } else if (c === 44 || (c === 45 && b === a)) {
          if (same && text.charCodeAt(b + shift) !== c) same = false;
          digitsOnly = false;
          b++;
        } else if (c === 46 && b + 1 < n && text.charCodeAt(b + 1) >= 48 && text.charCodeAt(b + 1) <= 57) {
          if (same && text.charCodeAt(b + shift) !== c) same = false;
          if (dotAfter < 0) dotAfter = b;
          digitsOnly = false;
          b++;
        } else break;
      }
      if (b > a) {
        if (text.charCodeAt(b) === 37) {
          annotationsOk = false; // "85%": let the exact analysis judge the unit
          settled = false;
        }
        if (same && b - a === close - eq - 1) {
          // "<<48/2=24>>24": the same characters, the same number
          lastValue = w;
        } else {
          settled = false;
          const after = fastEval(text, a, b);
          const da = dotAfter < 0 ? 0 : b - dotAfter - 1;
          if (!(after === w || quickAccepts(w, after, da) || quickAccepts(v, after, da))) annotationsOk = false;
          lastValue = after;
        }
        lastEnd = b;
      } else {
        settled = false;
        lastEnd = close + 2;
      }
      // a plain whole-number annotation, right, and repeated digit for digit after it: the exact
      // analysis can only agree (see ReasoningAnalysis.suspectAnnotations)
      if (settled && digitsOnly) {
        if (settledCount < SETTLED.length) SETTLED[settledCount] = open;
        settledCount++;
      }
    }
    from = close + 2;
    if (eqAt >= 0 && eqAt < from) eqAt = text.indexOf('=', from);
  }
  const worded = wordedEquals(text, true);
  if (worded >= 0) {
    freeEquals = true;
    if (worded > lastFreeEquals) lastFreeEquals = worded;
  }
  const settled = !annotationsOk && allShaped && settledCount > 0 && settledCount <= SETTLED.length ? Array.from(SETTLED.subarray(0, settledCount)) : undefined;
  return { annotationsOk, annotations, annotatedInlineDiffers, freeEquals, lastFreeEquals, lastValue, lastEnd, angle, settled };
}
