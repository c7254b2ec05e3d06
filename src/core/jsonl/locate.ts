/**
 * Maps JSON pointers (and character ranges inside string values) to source spans. The jsonc-parser
 * tree is built lazily, on the first question, and only for records that have a finding.
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
      const { node, exact } = nodeAt(pointer);
      if (!node) return whole();
      if (!exact || node.type !== 'string') return spanOf(node.offset, node.offset + node.length);
      const rawStart = node.offset + 1;
      const rawEnd = node.offset + node.length - 1;
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
