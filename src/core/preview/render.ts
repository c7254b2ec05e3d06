/**
 * A record rendered for the prompt preview: the chat template's segments with per-role training applied, each
 * split into its tokens (text, ids, offsets) so a view can shade trained text, show specials and token
 * boundaries on hover, plus counts per role, trained/masked totals and the context-length warning.
 */
import type { Conversation, Role } from '../types';
import type { ChatTemplate } from '../templates/builtin';
import type { Segment } from '../templates/segments';
import { getTokenizer, tokenizeSegments, contextWarning, type TokenizerId } from '../tokens/count';

export interface PreviewToken {
  /** Offset in the segment's text where the token starts (UTF-16). */
  start: number;
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
  tokenizer: TokenizerId;
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

export function renderForPreview(conversation: Conversation, template: ChatTemplate, options: PreviewOptions): PreviewRender {
  let segments = template.render(conversation, { trainOnInputs: options.trainOnInputs, addGenerationPrompt: false });
  if (!options.trainOnInputs) segments = applyTrainedRoles(segments, options.trainedRoles);
  const report = tokenizeSegments(segments, options.tokenizer);
  const piecesOmitted = report.total > MAX_TOKEN_SPANS;
  const tok = getTokenizer(options.tokenizer);
  const out: PreviewSegment[] = report.segments.map((s) => {
    const seg: PreviewSegment = { text: s.text, role: s.role, trained: s.trained, special: s.special, turn: s.turn, tokens: s.tokens };
    if (!piecesOmitted) seg.pieces = s.special ? [{ start: 0, ids: [] }] : piecesOf(tok.encode(s.text, 'all'), s.text, (ids) => tok.decode(ids));
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
