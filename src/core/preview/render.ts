/**
 * A record rendered for the prompt preview: the chat template's segments with per-role training applied, each
 * split into its tokens (text, ids, offsets) so a view can shade trained text, show specials and token
 * boundaries on hover, plus counts per role, trained/masked totals and the context-length warning.
 */
import type { Conversation, Role } from '../types';
import type { ChatTemplate } from '../templates/builtin';
import type { Segment } from '../templates/segments';
import { getTokenizer, tokenizeSegments, contextWarning, TOKENIZERS, type TokenizerId } from '../tokens/count';
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
function piecesFromBoundaries(counter: TokenCounter, text: string): PreviewToken[] {
  const ids = counter.encode(text);
  const starts = counter.boundaries(text, ids);
  if (!starts.length) return [{ start: 0, ids }];
  const exact = starts.length === ids.length;
  return starts.map((start, i) => ({ start: Math.min(start, text.length), ids: exact ? [ids[i]] : [] }));
}

export function renderForPreview(conversation: Conversation, template: ChatTemplate, options: PreviewOptions): PreviewRender {
  let segments = template.render(conversation, { trainOnInputs: options.trainOnInputs, addGenerationPrompt: false });
  if (!options.trainOnInputs) segments = applyTrainedRoles(segments, options.trainedRoles);
  const report = tokenizeSegments(segments, options.tokenizer);
  const piecesOmitted = report.total > MAX_TOKEN_SPANS;
  const tiktoken = typeof options.tokenizer === 'string' ? options.tokenizer : TOKENIZERS.find((t) => t.id === (options.tokenizer as TokenCounter).id)?.id;
  const counter = typeof options.tokenizer === 'string' ? undefined : options.tokenizer;
  const ownsSpecials = counter?.ownsSpecials === true;
  const out: PreviewSegment[] = report.segments.map((s) => {
    const seg: PreviewSegment = { text: s.text, role: s.role, trained: s.trained, special: s.special, turn: s.turn, tokens: s.tokens };
    if (piecesOmitted) return seg;
    if (s.special && !ownsSpecials) seg.pieces = [{ start: 0, ids: [] }];
    else if (tiktoken) {
      const tok = getTokenizer(tiktoken);
      seg.pieces = piecesOf(tok.encode(s.text, 'all'), s.text, (ids) => tok.decode(ids));
    } else seg.pieces = piecesFromBoundaries(counter!, s.text);
    return seg;
  });
  return {
    segments: out,
    total: report.total,
    trained: report.trained,
    masked: report.masked,
    byRole: report.byRole,
    warning: contextWarning(report.total, options.maxContextTokens),
    piecesOmitted,
  };
}
