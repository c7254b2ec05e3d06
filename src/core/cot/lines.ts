/**
 * One pass over the line starts of a reasoning text for the structure rules' pre-checks (COT008
 * step numbering, COT009 repeated steps), instead of one walk each: every line start is found once
 * (a native search for '\n'), and a line starting with a plain letter, as almost all do, costs one
 * character read for both checks.
 */

/** Some line (or the text after a literal "\n") starts with 1-3 digits and "." or ")" ("1.", "**2)**"): a list label. */
export const LINE_LABEL = 1;
/**
 * A multi-line text (real newlines, no literal "\n") whose lines are all different (case-insensitively)
 * and none of which starts like a label that could be empty or renumbered: no repeated step to look for.
 */
export const LINES_DISTINCT = 2;

/**
 * Start of the text's last line when that line is under 64 characters, found by reading back from the end
 * (where GSM8K writes "#### 72"), else -1: cheaper than any search over the whole text.
 */
export function shortLastLineStart(text: string): number {
  const n = text.length;
  let at = n;
  while (at > 0 && n - at < 64 && text.charCodeAt(at - 1) !== 10) at--;
  return at > 0 && text.charCodeAt(at - 1) !== 10 ? -1 : at;
}

/** "####" at `at`. */
export function fourHashesAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 35 && text.charCodeAt(at + 1) === 35 && text.charCodeAt(at + 2) === 35 && text.charCodeAt(at + 3) === 35;
}

/** JavaScript's \s. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * /^\s*(?:\*\*)?\d{1,3}[.)](?:\*\*)?(?:\s|$)/ at `at`, written out (a regular expression over every
 * line cost more than the rest of COT008). Like \s, the leading whitespace may span blank lines.
 */
function labelAt(text: string, at: number, n: number): boolean {
  let k = at;
  while (k < n && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === 42 && text.charCodeAt(k + 1) === 42) k += 2;
  let d = k;
  while (d < n && d - k < 4 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
  const p = text.charCodeAt(d);
  if (d > k && d - k <= 3 && (p === 46 || p === 41)) {
    let e = d + 1;
    if (e >= n || isSpace(text.charCodeAt(e))) return true;
    if (text.charCodeAt(e) === 42 && text.charCodeAt(e + 1) === 42) {
      e += 2;
      if (e >= n || isSpace(text.charCodeAt(e))) return true;
    }
  }
  return false;
}

/** Does the line content at `i` start with a label ("1.", "12)", "**", "#", "Step")? A "#### 72" line does not count. */
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

/**
 * text.indexOf('\\n', from) (a literal backslash-n), through the rare backslash: a one-character search
 * is a fast native scan, a longer pattern a slower general search.
 */
export function literalNewline(text: string, from: number): number {
  for (let i = text.indexOf('\\', from); i >= 0; i = text.indexOf('\\', i + 1)) if (text.charCodeAt(i + 1) === 110) return i;
  return -1;
}

/** Fingerprints of the lines seen so far, and where each starts (small reused buffers: no allocation per text). */
const SEEN = new Int32Array(64);
const SEEN_AT = new Int32Array(64);

function asciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * May the lines of length `len` at `a` and `b` be the same step for COT009 (whose comparison lowercases,
 * collapses runs of blanks and markup, and drops trailing punctuation)? Read side by side, case-blind: they
 * cannot once they first differ in two ASCII letters or digits, since everything before that point is the
 * same in both. Any other first difference (a blank, markup, punctuation, a non-ASCII character) counts as
 * a possible repeat, for the exact comparison to settle.
 */
function mayRepeat(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === y) continue;
    const fx = x | 32;
    const fy = y | 32;
    if (fx === fy && fx >= 97 && fx <= 122) continue;
    return !(asciiAlnum(x) && asciiAlnum(y));
  }
  return true;
}

/** LINE_LABEL and LINES_DISTINCT of `text`, as bits. */
export function lineFacts(text: string): number {
  const n = text.length;
  let nl = text.indexOf('\n');
  let lit = literalNewline(text, 0);
  let distinct = nl >= 0 && lit < 0;
  let label = false;
  let count = 0;
  const seen = SEEN;
  let at = 0;
  for (;;) {
    const c0 = text.charCodeAt(at);
    // a line starting with a letter other than s/S ("So", "Step") is neither labelled nor a list item
    const plain = (c0 >= 65 && c0 <= 90 && c0 !== 83) || (c0 >= 97 && c0 <= 122 && c0 !== 115);
    if (!label && !plain && labelAt(text, at, n)) {
      label = true;
      if (!distinct) return LINE_LABEL;
    }
    while (nl >= 0 && nl < at) nl = text.indexOf('\n', at);
    if (distinct) {
      // lines are compared without their leading and trailing blanks; lines under 12 characters are not
      let i = at;
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (!(plain && i === at) && looksLabelled(text, i)) distinct = false;
      else {
        const end = nl < 0 ? n : nl;
        let last = end;
        while (last > i && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13 || text.charCodeAt(last - 1) === 9)) last--;
        const len = last - i;
        if (len >= 12) {
          // a sampled, case-folded fingerprint: equal lines always collide; lines that collide are read side by
          // side (mayRepeat), and a possible repeat sends the text to the exact comparison
          // (samples at k/8 of the line, in integer arithmetic: a division per sample was most of this pass)
          const span = len - 1;
          let h = len;
          for (let k = 0; k < 8; k++) h = (Math.imul(h, 31) + (text.charCodeAt(i + ((span * k) >> 3)) | 32)) | 0;
          for (let k = 0; k < count; k++) {
            if (seen[k] === h && mayRepeat(text, SEEN_AT[k], i, len)) {
              distinct = false;
              break;
            }
          }
          // very many lines: let the exact comparison do it
          if (count === seen.length) distinct = false;
          else {
            SEEN_AT[count] = i;
            seen[count++] = h;
          }
        }
      }
      if (!distinct && label) return LINE_LABEL;
    }
    // the next line start: after a newline or a literal "\n", each searched once
    while (lit >= 0 && lit < at) lit = literalNewline(text, at);
    const next = nl < 0 ? lit : lit < 0 ? nl : Math.min(nl, lit);
    if (next < 0) return (label ? LINE_LABEL : 0) | (distinct ? LINES_DISTINCT : 0);
    at = next + (next === lit ? 2 : 1);
  }
}
