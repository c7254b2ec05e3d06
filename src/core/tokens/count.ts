/**
 * Token counts with a real BPE tokenizer that works offline: js-tiktoken with its bundled ranks
 * (cl100k_base: GPT-3.5/4; o200k_base: GPT-4o). Segments are encoded one by one, so a count is exact
 * per segment and the total may differ by a token or two at segment joins from encoding the whole text.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import type { Segment } from '../templates/segments';
import type { TokenCounter } from './counter';

export type TokenizerId = 'cl100k_base' | 'o200k_base';
export const TOKENIZERS: { id: TokenizerId; label: string }[] = [
  { id: 'cl100k_base', label: 'cl100k_base (GPT-4, GPT-3.5)' },
  { id: 'o200k_base', label: 'o200k_base (GPT-4o)' },
];

const cache = new Map<TokenizerId, Tiktoken>();

/** Loads the ranks on first use (they are large: only the chosen one is parsed). */
export function getTokenizer(id: TokenizerId = 'cl100k_base'): Tiktoken {
  let t = cache.get(id);
  if (!t) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, the ranks are megabytes
    const ranks = id === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base');
    t = new Tiktoken(ranks.default ?? ranks);
    cache.set(id, t);
  }
  return t;
}

export interface TokenizedSegment extends Segment {
  tokens: number;
  /** Start offsets (in UTF-16 units, within the segment's text) of each token, for boundaries on hover. */
  boundaries: number[];
}

export interface TokenReport {
  segments: TokenizedSegment[];
  total: number;
  trained: number;
  masked: number;
  byRole: Record<string, number>;
}

/** Offsets where each token starts, by decoding token by token (a token that splits a character is merged into the next). */
function boundariesOf(tok: Tiktoken, ids: number[], text: string): number[] {
  const out: number[] = [];
  let offset = 0;
  let pending: number[] = [];
  for (const id of ids) {
    pending.push(id);
    const piece = tok.decode(pending);
    if (piece.includes('\uFFFD') && !text.slice(offset).startsWith(piece)) continue;
    out.push(offset);
    offset += piece.length;
    pending = [];
  }
  return out;
}

const counters = new Map<TokenizerId, TokenCounter>();

/** cl100k / o200k as a TokenCounter. */
export function tiktokenCounter(id: TokenizerId = 'cl100k_base'): TokenCounter {
  let c = counters.get(id);
  if (!c) {
    const tok = getTokenizer(id);
    c = {
      id,
      label: TOKENIZERS.find((t) => t.id === id)!.label,
      ownsSpecials: false,
      encode: (text) => tok.encode(text, 'all'),
      boundaries: (text, ids) => boundariesOf(tok, ids, text),
    };
    counters.set(id, c);
  }
  return c;
}

const counterOf = (t: TokenizerId | TokenCounter): TokenCounter => (typeof t === 'string' ? tiktokenCounter(t) : t);

export function countTokens(text: string, tokenizer: TokenizerId | TokenCounter = 'cl100k_base'): number {
  return counterOf(tokenizer).encode(text).length;
}

export function tokenizeSegments(segments: Segment[], tokenizer: TokenizerId | TokenCounter = 'cl100k_base', withBoundaries = false): TokenReport {
  const tok = counterOf(tokenizer);
  const report: TokenReport = { segments: [], total: 0, trained: 0, masked: 0, byRole: {} };
  for (const s of segments) {
    // a special token of the chat template is one token of the model's vocabulary; a stand-in BPE that
    // does not know it (cl100k for a Llama template) would split it, so it counts as one
    const stand = s.special && !tok.ownsSpecials;
    const ids = stand ? [0] : tok.encode(s.text);
    const seg: TokenizedSegment = { ...s, tokens: ids.length, boundaries: withBoundaries ? (stand ? [0] : tok.boundaries(s.text, ids)) : [] };
    report.segments.push(seg);
    report.total += ids.length;
    if (s.trained) report.trained += ids.length;
    else report.masked += ids.length;
    report.byRole[s.role] = (report.byRole[s.role] ?? 0) + ids.length;
  }
  return report;
}

/** A warning when a record does not fit the configured context length, else undefined. */
export function contextWarning(total: number, maxTokens: number): string | undefined {
  if (!maxTokens || total <= maxTokens) return undefined;
  return `this record is ${total.toLocaleString('en-US')} tokens, over the context length of ${maxTokens.toLocaleString('en-US')}: the trainer will truncate it (the end of the answer is lost) or drop it`;
}
