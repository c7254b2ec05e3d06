/**
 * Maps JSON pointers (and character ranges inside string values) to source spans. The jsonc-parser
 * tree is built lazily, on the first question, and only for records that have a finding. A range in the
 * string of a top-level key (what the CoT and most DS findings point into) is found by a scan of the
 * record's top level instead, without a tree.
 */
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Span } from '../types';

export interface Locator {
  locate(pointer: string, part?: 'key' | 'value'): Span;
  locateInString(pointer: string, start: number, end: number): Span;
}

/** "/messages/2/content" -> ['messages', 2, 'content'] (RFC 6901 unescaping). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** End of the JSON string whose opening quote is at `q`: the offset of its closing quote, or -1. */
function stringEnd(text: string, q: number): number {
  for (let i = text.indexOf('"', q + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}

function skipBlanks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/** End (exclusive) of the JSON value starting at `i`, or -1. */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) {
    const e = stringEnd(text, i);
    return e < 0 ? -1 : e + 1;
  }
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let k = i; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d === 34) {
        k = stringEnd(text, k);
        if (k < 0) return -1;
      } else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        if (--depth === 0) return k + 1;
      }
    }
    return -1;
  }
  // a number, true, false or null: up to the next delimiter
  let k = i;
  for (;;) {
    const d = text.charCodeAt(k);
    if (Number.isNaN(d) || d === 44 || d === 125 || d === 93 || d === 32 || d === 9 || d === 10 || d === 13) return k > i ? k : -1;
    k++;
  }
}

/**
 * Offset and end of the string value of the top-level key `key` of the JSON object in `text`, the first
 * such key as the tree finds it; undefined when the value is not a string or the text is not that simple
 * (a key written with escapes, no object): the tree then decides.
 */
export function topLevelString(text: string, key: string): { start: number; end: number } | undefined {
  let i = skipBlanks(text, 0);
  if (text.charCodeAt(i) !== 123) return undefined;
  i = skipBlanks(text, i + 1);
  while (text.charCodeAt(i) === 34) {
    const ke = stringEnd(text, i);
    if (ke < 0) return undefined;
    const raw = ke - i - 1;
    const same = raw === key.length && text.startsWith(key, i + 1);
    // a key written with an escape may spell `key` once decoded
    if (!same && raw > key.length) for (let k = i + 1; k < ke; k++) if (text.charCodeAt(k) === 92) return undefined;
    i = skipBlanks(text, ke + 1);
    if (text.charCodeAt(i) !== 58) return undefined;
    i = skipBlanks(text, i + 1);
    const ve = valueEnd(text, i);
    if (ve < 0) return undefined;
    if (same) return text.charCodeAt(i) === 34 ? { start: i, end: ve } : undefined;
    i = skipBlanks(text, ve);
    if (text.charCodeAt(i) !== 44) return undefined;
    i = skipBlanks(text, i + 1);
  }
  return undefined;
}

/** A pointer to a top-level key ("/answer") that JSON writes as it is: the key, else undefined. */
function topLevelKey(pointer: string): string | undefined {
  if (pointer.length < 2 || pointer.charCodeAt(0) !== 47) return undefined;
  for (let i = 1; i < pointer.length; i++) {
    const c = pointer.charCodeAt(i);
    if (c === 47 || c === 126 || c === 92 || c === 34 || c < 32) return undefined;
  }
  return pointer.slice(1);
}

export function createLocator(text: string, origin: { line: number; column: number } = { line: 0, column: 0 }): Locator {
  let root: Node | undefined | null = null;
  let lineStarts: number[] | undefined;
  const tree = (): Node | undefined => {
    if (root === null) {
      try {
        root = parseTree(text, [], { disallowComments: true }) ?? undefined;
      } catch {
        root = undefined; // absurd nesting: fall back to the whole record
      }
    }
    return root;
  };
  const position = (offset: number): { line: number; column: number } => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const col = offset - lineStarts[lo];
    return { line: origin.line + lo, column: lo === 0 ? origin.column + col : col };
  };
  const spanOf = (start: number, end: number): Span => {
    const a = position(start);
    const b = position(end);
    return { line: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  };
  /** The node at the pointer, or its nearest existing ancestor. */
  const nodeAt = (pointer: string): { node: Node | undefined; exact: boolean } => {
    const r = tree();
    if (!r) return { node: undefined, exact: false };
    const segs = pointerSegments(pointer);
    for (let n = segs.length; n >= 0; n--) {
      const node = n === 0 ? r : findNodeAtLocation(r, segs.slice(0, n));
      if (node) return { node, exact: n === segs.length };
    }
    return { node: r, exact: false };
  };
  const whole = (): Span => spanOf(0, text.length);
  return {
    locate(pointer, part = 'value') {
      const { node, exact } = nodeAt(pointer);
      if (!node) return whole();
      if (exact && part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]) {
        const key = node.parent.children[0];
        return spanOf(key.offset, key.offset + key.length);
      }
      if (!exact && node.type === 'object') {
        // a missing key: point at the opening brace of the object that should hold it
        return spanOf(node.offset, node.offset + 1);
      }
      return spanOf(node.offset, node.offset + node.length);
    },
    locateInString(pointer, start, end) {
      let rawStart: number;
      let rawEnd: number;
      const key = topLevelKey(pointer);
      const fast = key === undefined ? undefined : topLevelString(text, key);
      if (fast) {
        rawStart = fast.start + 1;
        rawEnd = fast.end - 1;
      } else {
        const { node, exact } = nodeAt(pointer);
        if (!node) return whole();
        if (!exact || node.type !== 'string') return spanOf(node.offset, node.offset + node.length);
        rawStart = node.offset + 1;
        rawEnd = node.offset + node.length - 1;
      }
      // walk the raw string, counting decoded UTF-16 units
      let decoded = 0;
      let i = rawStart;
      let from = -1;
      let to = -1;
      while (i <= rawEnd) {
        if (decoded === start && from < 0) from = i;
        if (decoded === end) {
          to = i;
          break;
        }
        if (i === rawEnd) break;
        if (text.charCodeAt(i) === 92 /* \ */) i += text[i + 1] === 'u' ? 6 : 2;
        else i += 1;
        decoded += 1;
      }
      if (from < 0) from = rawEnd;
      if (to < 0) to = rawEnd;
      return spanOf(from, Math.max(from, to));
    },
  };
}
