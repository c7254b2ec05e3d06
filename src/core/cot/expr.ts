/**
 * A safe arithmetic evaluator: a real tokenizer and a Pratt parser over
 * + - × * x ÷ / ^ ** % ( ) { } \times \cdot \div \frac{a}{b} \boxed{…}, evaluated on exact
 * rationals. No eval, no Function. The tokenizer keeps offsets so callers can point at any part.
 */
import { mayHaveMixedNumbers, mergeMixedNumbers } from './mixed';
import { type Rational, add, div, mul, neg, parseDecimal, pow, rat, R_HUNDRED, sub } from './rational';

export type TokenKind = 'num' | 'op' | 'lp' | 'rp' | 'eq' | 'word' | 'other' | 'frac' | 'boxed' | 'nl' | 'ann' | 'unit';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** True when whitespace (or a transparent token) separates this token from the previous one. */
  space: boolean;
  /** num: the value as written (percent already divided by 100). */
  value?: Rational;
  /** num: digits after the decimal point as written (for rounding tolerance). */
  decimals?: number;
  /** num: written with a percent sign. */
  percent?: boolean;
  /** num: written with a thousands separator. */
  grouped?: boolean;
  /** num: followed by a unit ("16 feet", "20 minutes / day"). */
  unitAfter?: boolean;
  /** num: the unit's words ("minutes day"). */
  unit?: string;
  /** num: an integer part with a leading zero ("0900", "007"): a time or a code, not a quantity. */
  leadingZero?: boolean;
  /** num: a mixed number merged from a whole number and a fraction ("2 1/2", "3½", "2\\frac{1}{2}"; see mixed.ts). */
  mixed?: 'space' | 'vulgar' | 'latex';
  /** op: the canonical operator (+ - * / ^); lp/rp: the bracket; word: the word; other: the character. */
  text?: string;
}

/**
 * A token with every field present, in one order: all tokens share one shape, so the parser's and the unit
 * pass's property reads stay monomorphic (optional fields added later gave each kind of token several shapes,
 * and the functions reading them were deoptimized again and again while a file warmed up).
 */
export function makeToken(kind: TokenKind, start: number, end: number, space: boolean, text?: string): Token {
  return { kind, start, end, space, value: undefined, decimals: undefined, percent: undefined, grouped: undefined, unitAfter: undefined, unit: undefined, leadingZero: undefined, mixed: undefined, text };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;

/** LaTeX commands starting with "n" (so a literal backslash-n line break is not mistaken for one). */
const LATEX_N = /^(?:neq?|newline|nabla|not|ni|nu|neg|nmid|nleq|ngeq|notin)$/;

export interface TokenizeOptions {
  /** Treat `<<…>>` calculator annotations as one opaque 'ann' token (text mode). */
  annotations?: boolean;
}

/** Tokenizes text[from, to). Whitespace is dropped (recorded on the next token); newlines become 'nl'. */
export function tokenize(text: string, from = 0, to = text.length, options: TokenizeOptions = {}): Token[] {
  const out: Token[] = [];
  let space = true;
  let i = from;
  // each token is made with its `space` (a property added afterwards would give every token a second shape)
  const push = (t: Token) => {
    out.push(t);
    space = false;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === 10) {
      push(makeToken('nl', i, i + 1, space));
      space = true;
      i++;
      continue;
    }
    // numbers, with an optional currency sign before them
    let numStart = i;
    let j = i;
    if ((c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) && j + 1 < to && (isDigit(text.charCodeAt(j + 1)) || (text.charCodeAt(j + 1) === 46 && isDigit(text.charCodeAt(j + 2))))) {
      j++;
    } else if (c === 36 && space && j + 2 < to && text.charCodeAt(j + 1) === 32 && isDigit(text.charCodeAt(j + 2))) {
      // "$500 - $ 155": a dollar sign set apart from its number by a space
      j += 2;
    }
    const d0 = text.charCodeAt(j);
    if (isDigit(d0) || (d0 === 46 && j + 1 < to && isDigit(text.charCodeAt(j + 1)) && !(out.length && !space && out[out.length - 1].kind === 'num'))) {
      numStart = j;
      let k = j;
      while (k < to && isDigit(text.charCodeAt(k))) k++;
      let grouped = false;
      // thousands groups: ",ddd" repeated, only after 1-3 leading digits, not followed by another digit
      if (k - j >= 1 && k - j <= 3) {
        let g = k;
        while (g + 3 < to + 1 && text.charCodeAt(g) === 44 && isDigit(text.charCodeAt(g + 1)) && isDigit(text.charCodeAt(g + 2)) && isDigit(text.charCodeAt(g + 3)) && !(g + 4 < to && isDigit(text.charCodeAt(g + 4)))) {
          g += 4;
          grouped = true;
        }
        k = g;
      }
      let decimals = 0;
      if (k + 1 < to && text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1))) {
        let e = k + 1;
        while (e < to && isDigit(text.charCodeAt(e))) e++;
        decimals = e - k - 1;
        k = e;
      }
      let value = parseDecimal(text.slice(numStart, k))!;
      let percent = false;
      // "8.333...%", "0.66…": a repeating decimal, compared by truncation
      if (decimals > 0 && (text.startsWith('...', k) || text[k] === '…')) k += text[k] === '…' ? 1 : 3;
      let end = k;
      if (text.charCodeAt(k) === 37) {
        percent = true;
        end = k + 1;
      } else if (text.charCodeAt(k) === 92 && text.charCodeAt(k + 1) === 37) {
        percent = true;
        end = k + 2;
      }
      if (percent) {
        value = div(value, R_HUNDRED)!;
        decimals += 2;
      }
      const tok = makeToken('num', i, end, space);
      tok.value = value;
      tok.decimals = decimals;
      if (percent) tok.percent = true;
      if (grouped) tok.grouped = true;
      if (text.charCodeAt(numStart) === 48 && k > numStart + 1 && isDigit(text.charCodeAt(numStart + 1))) tok.leadingZero = true;
      push(tok);
      i = end;
      continue;
    }
    if (options.annotations && c === 60 && text.charCodeAt(i + 1) === 60) {
      const close = text.indexOf('>>', i + 2);
      if (close >= 0 && close < to && text.lastIndexOf('\n', close) < i) {
        // transparent for the text around it: it neither separates nor joins tokens
        push(makeToken('ann', i, close + 2, space));
        space = true;
        i = close + 2;
        continue;
      }
    }
    if (isLetter(c)) {
      let k = i + 1;
      while (k < to && isLetter(text.charCodeAt(k))) k++;
      push(makeToken('word', i, k, space, text.slice(i, k)));
      i = k;
      continue;
    }
    if (c === 92) {
      // LaTeX command or escaped character
      let k = i + 1;
      while (k < to && isLetter(text.charCodeAt(k))) k++;
      const name = text.slice(i + 1, k);
      if (name.length === 0) {
        const n = text[i + 1];
        if (n === ',' || n === ';' || n === '!' || n === ' ' || n === ':' || n === '(' || n === ')' || n === '[' || n === ']') {
          space = true;
          i += 2;
          continue;
        }
        if (n === '$') {
          i += 2;
          continue;
        }
        push(makeToken('other', i, i + 1, space, '\\'));
        i++;
        continue;
      }
      if (name[0] === 'n' && !LATEX_N.test(name)) {
        // a literal "\n" escape left in the text: a line break
        push(makeToken('nl', i, i + 2, space));
        space = true;
        i += 2;
        continue;
      }
      if (name === 't' || (name[0] === 't' && !/^(?:times|text|tfrac|textbf|textit|to|theta|tau|tan)$/.test(name))) {
        space = true;
        i += 2;
        continue;
      }
      if (name === 'times' || name === 'cdot' || name === 'ast') push(makeToken('op', i, k, space, '*'));
      else if (name === 'div') push(makeToken('op', i, k, space, '/'));
      else if (name === 'frac' || name === 'dfrac' || name === 'tfrac') push(makeToken('frac', i, k, space));
      else if (name === 'boxed') push(makeToken('boxed', i, k, space));
      else if (name === 'left' || name === 'right' || name === 'quad' || name === 'qquad') space = true;
      else push(makeToken('word', i, k, space, name));
      i = k;
      continue;
    }
    const ch = text[i];
    // a list bullet ("- 4 + 6 = 10", "* step", "+ item") at the start of a line is not an operator
    // ("- 14 + 3" may also be a spaced minus: the equation finder tries both readings for '-')
    if ((ch === '*' || ch === '+') && text.charCodeAt(i + 1) === 32 && (out.length === 0 || out[out.length - 1].kind === 'nl') && space) {
      push(makeToken('other', i, i + 1, space, '•'));
      i++;
      space = true;
      continue;
    }
    switch (ch) {
      case '+':
        push(makeToken('op', i, i + 1, space, '+'));
        break;
      case '-':
      case '\u2212':
        push(makeToken('op', i, i + 1, space, '-'));
        break;
      case '\u2013':
        // an en dash with spaces around it is a minus ("97 – 12"); without, a range ("3–4")
        push(space && (text[i + 1] === ' ') ? makeToken('op', i, i + 1, space, '-') : makeToken('other', i, i + 1, space, ch));
        break;
      case '*':
        if (text[i + 1] === '*') {
          // "2**3" is a power; "**bold**" is markdown
          const tight = i > from && (isDigit(text.charCodeAt(i - 1)) || text[i - 1] === ')') && (isDigit(text.charCodeAt(i + 2)) || text[i + 2] === '(');
          push(tight ? makeToken('op', i, i + 2, space, '^') : makeToken('other', i, i + 2, space, '**'));
          i += 2;
          continue;
        }
        push(makeToken('op', i, i + 1, space, '*'));
        break;
      case '×':
      case '·':
      case '∙':
      case '⋅':
      case '∗':
        push(makeToken('op', i, i + 1, space, '*'));
        break;
      case '/':
      case '÷':
        push(makeToken('op', i, i + 1, space, '/'));
        break;
      case '^':
        push(makeToken('op', i, i + 1, space, '^'));
        break;
      case '(':
      case '{':
        push(makeToken('lp', i, i + 1, space, ch));
        break;
      case ')':
      case '}':
        push(makeToken('rp', i, i + 1, space, ch));
        break;
      case '=': {
        const prev = text[i - 1];
        const next = text[i + 1];
        const compound = next === '=' || next === '>' || prev === '=' || prev === '<' || prev === '>' || prev === '!' || prev === ':';
        push(compound ? makeToken('other', i, i + 1, space, '=') : makeToken('eq', i, i + 1, space));
        break;
      }
      default: {
        // keep surrogate pairs together
        const cp = text.codePointAt(i)!;
        const len = cp > 0xffff ? 2 : 1;
        push(makeToken('other', i, i + len, space, text.slice(i, i + len)));
        i += len;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Words that can stand for an operator. A Map: looking up any word of a text in an object literal also finds
 * Object.prototype's names ("constructor") and, for a string sliced from the text, costs a string-table lookup. */
const WORD_OPS = new Map<string, string>([['x', '*'], ['X', '*'], ['times', '*'], ['plus', '+'], ['minus', '-'], ['of', '*']]);

/**
 * Turns words between two operands into operators: "5 x 3", "3 times 4", "20% of 50", "1/4 of 20".
 * "x" next to a letter or with no number on both sides stays a word (a variable); "of" is only
 * multiplication after a percent or a fraction.
 */
export function resolveWordOperators(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const prev0 = tokens[i - 1];
    const operandBefore = prev0.kind === 'num' || prev0.kind === 'rp';
    // "150 divided by 5", "3 multiplied by 4": the "by" becomes part of the operator
    if ((t.text === 'divided' || t.text === 'multiplied') && operandBefore && tokens[i + 1].kind === 'word' && tokens[i + 1].text === 'by' && tokens[i + 2] && (tokens[i + 2].kind === 'num' || tokens[i + 2].kind === 'lp')) {
      t.text = t.text === 'divided' ? '/' : '*';
      t.kind = 'op';
      tokens[i + 1].kind = 'unit';
      continue;
    }
    // "150 divided by 5 equals 30"
    if (t.text === 'equals' && operandBefore && (tokens[i + 1].kind === 'num' || tokens[i + 1].kind === 'lp')) {
      t.kind = 'eq';
      continue;
    }
    const op = WORD_OPS.get(t.text!);
    if (!op) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const prevOperand = prev.kind === 'num' || prev.kind === 'rp';
    const nextOperand = next.kind === 'num' || next.kind === 'lp' || next.kind === 'frac';
    if (!prevOperand || !nextOperand) continue;
    if (t.text === 'of') {
      const fraction = prev.kind === 'num' && i >= 3 && tokens[i - 2].kind === 'op' && tokens[i - 2].text === '/' && tokens[i - 3].kind === 'num';
      if (!(prev.percent || fraction) || !t.space || !next.space) continue;
    } else if (t.text === 'x' || t.text === 'X') {
      // "5x3" and "5 x 3" are products; "5x 3" or "5 x3" are too. "2x" followed by a non-number is algebra (handled by the caller).
    } else if (!t.space || !next.space) continue;
    t.kind = 'op';
    t.text = op;
  }
}

// ---------------------------------------------------------------------------------------------
// Parser

export type Expr =
  | { type: 'num'; value: Rational; token: Token }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: string; left: Expr; right: Expr }
  | { type: 'group'; arg: Expr };

const BINDING: Record<string, [number, number]> = { '+': [10, 11], '-': [10, 11], '*': [20, 21], '/': [20, 21], '^': [41, 40] };
const UNARY_BP = 30;
const TIGHT_FRACTION: [number, number] = [35, 36];

class Parser {
  pos: number;
  constructor(readonly toks: Token[], from: number, readonly end: number, readonly tightFractions = true) {
    this.pos = from;
  }
  peek(): Token | undefined {
    return this.pos < this.end ? this.toks[this.pos] : undefined;
  }
  expr(minBp: number): Expr | undefined {
    let left = this.prefix();
    if (!left) return undefined;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      let op: string | undefined;
      if (t.kind === 'op') op = t.text!;
      else if (t.kind === 'lp' || t.kind === 'frac') op = 'implicit'; // 2(3+4)
      else break;
      if (op === 'implicit') {
        const [lbp, rbp] = BINDING['*'];
        if (lbp < minBp) break;
        const right = this.expr(rbp);
        if (!right) return undefined;
        left = { type: 'bin', op: '*', left, right };
        continue;
      }
      // "6 km / 1/30 hour": a fraction written tight ("1/30") binds before spaced operators
      const next = this.pos + 1 < this.end ? this.toks[this.pos + 1] : undefined;
      const tight = this.tightFractions && op === '/' && !t.space && next && !next.space && next.kind === 'num' && left.type === 'num';
      const bp = tight ? TIGHT_FRACTION : BINDING[op];
      if (!bp || bp[0] < minBp) break;
      this.pos++;
      const right = this.expr(bp[1]);
      if (!right) return undefined;
      left = { type: 'bin', op, left, right };
    }
    return left;
  }
  prefix(): Expr | undefined {
    const t = this.peek();
    if (!t) return undefined;
    this.pos++;
    switch (t.kind) {
      case 'num':
        return { type: 'num', value: t.value!, token: t };
      case 'op':
        if (t.text === '-' || t.text === '+') {
          const arg = this.expr(UNARY_BP);
          if (!arg) return undefined;
          return t.text === '-' ? { type: 'neg', arg } : arg;
        }
        return undefined;
      case 'lp': {
        const inner = this.expr(0);
        const close = this.peek();
        if (!inner || !close || close.kind !== 'rp' || !matching(t.text!, close.text!)) return undefined;
        this.pos++;
        return { type: 'group', arg: inner };
      }
      case 'frac': {
        const a = this.braced();
        const b = a && this.braced();
        if (!a || !b) return undefined;
        return { type: 'group', arg: { type: 'bin', op: '/', left: a, right: b } };
      }
      case 'boxed': {
        const a = this.braced();
        return a && { type: 'group', arg: a };
      }
      default:
        return undefined;
    }
  }
  braced(): Expr | undefined {
    const open = this.peek();
    if (!open) return undefined;
    if (open.kind === 'num' && open.decimals === 0 && !open.percent) {
      // \frac12 = 1/2: single digits without braces
      this.pos++;
      return { type: 'num', value: open.value!, token: open };
    }
    if (open.kind !== 'lp' || open.text !== '{') return undefined;
    this.pos++;
    const inner = this.expr(0);
    const close = this.peek();
    if (!inner || !close || close.kind !== 'rp' || close.text !== '}') return undefined;
    this.pos++;
    return inner;
  }
}

function matching(open: string, close: string): boolean {
  return (open === '(' && close === ')') || (open === '{' && close === '}');
}

/** Parses tokens[from, end) as one complete expression; undefined when they are not exactly one. */
export function parseTokens(tokens: Token[], from = 0, end = tokens.length, tightFractions = true): Expr | undefined {
  if (from >= end) return undefined;
  const p = new Parser(tokens, from, end, tightFractions);
  const e = p.expr(0);
  return e && p.pos === end ? e : undefined;
}

export interface EvalOptions {
  /** Read "50%" as 50 instead of 0.5 (people write "20 + 5 = 25%"). */
  percentAsNumber?: boolean;
  /** Read "a / b / c" as a / (b / c). */
  rightAssociativeDivision?: boolean;
}

/** Exact value, or undefined (division by zero, non-integer or huge exponent). */
export function evaluate(e: Expr, options: EvalOptions = {}): Rational | undefined {
  switch (e.type) {
    case 'num':
      return options.percentAsNumber && e.token.percent ? mul(e.value, R_HUNDRED) : e.value;
    case 'neg': {
      const v = evaluate(e.arg, options);
      return v && neg(v);
    }
    case 'group':
      return evaluate(e.arg, options);
    case 'bin': {
      if (options.rightAssociativeDivision && e.op === '/' && e.left.type === 'bin' && e.left.op === '/') {
        // (a / b) / c read as a / (b / c), once at this level
        const a = evaluate(e.left.left, options);
        const b = evaluate(e.left.right, options);
        const c = evaluate(e.right, options);
        const bc = b && c && div(b, c);
        return a && bc ? div(a, bc) : undefined;
      }
      const a = evaluate(e.left, options);
      if (!a) return undefined;
      const b = evaluate(e.right, options);
      if (!b) return undefined;
      switch (e.op) {
        case '+': return add(a, b);
        case '-': return sub(a, b);
        case '*': return mul(a, b);
        case '/': return div(a, b);
        case '^': return pow(a, b);
      }
      return undefined;
    }
  }
}

/** Fast approximate value in doubles (the hot path's first check); NaN when undefined. */
export function evaluateFloat(e: Expr): number {
  switch (e.type) {
    case 'num':
      return e.token.percent ? Number(e.value.n) / Number(e.value.d) : e.value.d === BigInt(1) ? Number(e.value.n) : Number(e.value.n) / Number(e.value.d);
    case 'neg':
      return -evaluateFloat(e.arg);
    case 'group':
      return evaluateFloat(e.arg);
    case 'bin': {
      const a = evaluateFloat(e.left);
      const b = evaluateFloat(e.right);
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return b === 0 ? NaN : a / b;
        case '^': return Number.isInteger(b) && Math.abs(b) <= 64 ? a ** b : NaN;
      }
      return NaN;
    }
  }
}

/** True when the expression has at least one binary operator (a bare "5" is not a computation). */
export function hasOperator(e: Expr): boolean {
  if (e.type === 'bin') return true;
  if (e.type === 'group' || e.type === 'neg') return hasOperator(e.arg);
  return false;
}

export function hasPercent(e: Expr): boolean {
  if (e.type === 'num') return !!e.token.percent;
  if (e.type === 'bin') return hasPercent(e.left) || hasPercent(e.right);
  return hasPercent(e.arg);
}

const SHOW_OP: Record<string, string> = { '+': '+', '-': '-', '*': '×', '/': '/', '^': '^' };

/** Canonical text for messages: "48 / 2", "(3 + 4) × 2". */
export function formatExpr(e: Expr, source: string): string {
  switch (e.type) {
    case 'num':
      return source.slice(e.token.start, e.token.end);
    case 'neg':
      return `-${formatExpr(e.arg, source)}`;
    case 'group':
      return `(${formatExpr(e.arg, source)})`;
    case 'bin':
      return `${formatExpr(e.left, source)} ${SHOW_OP[e.op]} ${formatExpr(e.right, source)}`;
  }
}

/** Evaluates a standalone arithmetic string ("48/2", "3 × (4 + 1)", "\\frac{3}{4}"); undefined if it is not one. */
export function evaluateString(text: string): Rational | undefined {
  // "2\\frac{1}{2}", "4 1/2": mixed numbers, not products or two numbers
  const toks = mayHaveMixedNumbers(text) ? mergeMixedNumbers(tokenize(text), text) : tokenize(text);
  resolveWordOperators(toks);
  const e = parseTokens(toks);
  return e && evaluate(e);
}

export { rat };
