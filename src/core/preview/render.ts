/**
 * A record rendered for the prompt preview: the chat template's segments with per-role training applied, each
 * split into its tokens (text, ids, offsets) so a view can shade trained text, show specials and token
 * boundaries on hover, plus counts per role, trained/masked totals and the context-length warning.
 */
import type { Conversation, Role } from '../types';
import type { ChatTemplate } from '../templates/builtin';
import type { Segment } from '../templates/segments';
import { getTokenizer, tiktokenCounter, contextWarning, TOKENIZERS, type TokenizerId } from '../tokens/count';
import type { TokenCounter } from '../tokens/counter';

export interface PreviewToken {
  /** Offset in the segment's text where the token starts (UTF-16). */
  start: number;
  /** The ids of this piece (several when one character takes several byte tokens; empty when the tokenizer cannot say). */
  ids: number[];
}

export interface PreviewSegment extends Segment {
  tokens: number;
  /** The token pieces (absent past `MAX_TOKEN_SPANS` tokens in the record: the text is then drawn whole). */
  pieces?: PreviewToken[];
}

export interface PreviewRender {
  segments: PreviewSegment[];
  total: number;
  trained: number;
  masked: number;
  byRole: Record<string, number>;
  warning?: string;
  /** True when the record had too many tokens to draw each one. */
  piecesOmitted: boolean;
}

export interface PreviewOptions {
  /** cl100k_base / o200k_base, or any TokenCounter (a Hugging Face tokenizer.json). */
  tokenizer: TokenizerId | TokenCounter;
  trainOnInputs: boolean;
  /** Roles whose text is trained besides the assistant's replies ('assistant' absent: replies are masked too). */
  trainedRoles: Role[];
  maxContextTokens: number;
}

/** Past this many tokens a record's tokens are not drawn one by one (the DOM would get slow); counts stay exact. */
export const MAX_TOKEN_SPANS = 20000;

/**
 * Per-role training on top of a template's rendering: text of a role in `roles` is trained; assistant text
 * is trained only when 'assistant' is in `roles` (and the template trained it: a `weight: 0` turn stays masked).
 */
export function applyTrainedRoles(segments: Segment[], roles: readonly Role[]): Segment[] {
  const set = new Set(roles);
  return segments.map((s) => {
    if (s.role === 'template') return s;
    if (s.role === 'assistant') return set.has('assistant') ? s : { ...s, trained: false };
    return set.has(s.role) ? { ...s, trained: true } : s;
  });
}

/** Token pieces of a text: ids grouped so that each piece decodes to whole characters of the text. */
function piecesOf(ids: number[], text: string, decode: (ids: number[]) => string): PreviewToken[] {
  const out: PreviewToken[] = [];
  let at = 0;
  let group: number[] = [];
  for (const id of ids) {
    group.push(id);
    const piece = decode(group);
    if (piece.includes('\uFFFD') && text.slice(at, at + piece.length) !== piece) continue;
    out.push({ start: at, ids: group });
    at += piece.length;
    group = [];
  }
  if (group.length) out.push({ start: at, ids: group });
  return out;
}

/** Pieces from a counter's boundaries: ids one to one when there are as many boundaries as ids, else unknown per piece. */
function piecesFromBoundaries(counter: TokenCounter, text: string, ids: number[]): PreviewToken[] {
  const starts = counter.boundaries(text, ids);
  if (!starts.length) return [{ start: 0, ids }];
  const exact = starts.length === ids.length;
  return starts.map((start, i) => ({ start: Math.min(start, text.length), ids: exact ? [ids[i]] : [] }));
}

export function renderForPreview(conversation: Conversation, template: ChatTemplate, options: PreviewOptions): PreviewRender {
  let segments = template.render(conversation, { trainOnInputs: options.trainOnInputs, addGenerationPrompt: false });
  if (!options.trainOnInputs) segments = applyTrainedRoles(segments, options.trainedRoles);
  const counter = typeof options.tokenizer === 'string' ? tiktokenCounter(options.tokenizer) : options.tokenizer;
  const tiktoken = TOKENIZERS.find((t) => t.id === counter.id)?.id;
  const tok = tiktoken ? getTokenizer(tiktoken) : undefined;
  // each segment is encoded once; the counts follow tokenizeSegments (a template special token the
  // tokenizer does not own counts as one token of the model's vocabulary)
  const encoded = segments.map((s) => (s.special && !counter.ownsSpecials ? undefined : counter.encode(s.text)));
  const total = encoded.reduce((n, ids) => n + (ids ? ids.length : 1), 0);
  const piecesOmitted = total > MAX_TOKEN_SPANS;
  const out: PreviewRender = { segments: [], total, trained: 0, masked: 0, byRole: {}, warning: contextWarning(total, options.maxContextTokens), piecesOmitted };
  segments.forEach((s, i) => {
    const ids = encoded[i];
    const tokens = ids ? ids.length : 1;
    const seg: PreviewSegment = { text: s.text, role: s.role, trained: s.trained, special: s.special, turn: s.turn, tokens };
    if (!piecesOmitted) {
      if (!ids) seg.pieces = [{ start: 0, ids: [] }];
      else if (tok) seg.pieces = piecesOf(ids, s.text, (x) => tok.decode(x));
      else seg.pieces = piecesFromBoundaries(counter, s.text, ids);
    }
    out.segments.push(seg);
    if (s.trained) out.trained += tokens;
    else out.masked += tokens;
    out.byRole[s.role] = (out.byRole[s.role] ?? 0) + tokens;
  });
  return out;
}
