import type { Role } from '../types';

/** One piece of rendered training text: what the model sees, who "said" it, and whether loss is computed on it. */
export interface Segment {
  text: string;
  /** The message the text belongs to; 'template' for text between messages that belongs to no one. */
  role: Role | 'template';
  /** true when the trainer computes loss on these tokens (the rest is masked). */
  trained: boolean;
  /** A special/control token such as <|im_start|> or [INST], kept visible. */
  special: boolean;
  /** Index of the turn in the conversation (system = -1), when the text belongs to one. */
  turn?: number;
}

export interface RenderOptions {
  /** Append the header of an assistant turn so the model answers next. */
  addGenerationPrompt?: boolean;
  /** Train on every turn's text, not only the assistant's (Axolotl `train_on_inputs`). */
  trainOnInputs?: boolean;
}

/** Text plus the special tokens inside it, split into segments of the same role/trained flags. */
export function pieces(text: string, role: Segment['role'], trained: boolean, specials: RegExp, turn?: number): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  specials.lastIndex = 0;
  for (let m = specials.exec(text); m; m = specials.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), role, trained, special: false, turn });
    out.push({ text: m[0], role, trained, special: true, turn });
    last = m.index + m[0].length;
    if (m[0].length === 0) specials.lastIndex++;
  }
  if (last < text.length) out.push({ text: text.slice(last), role, trained, special: false, turn });
  return out;
}

/** Joins adjacent segments with identical flags (fewer spans to draw). */
export function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const prev = out[out.length - 1];
    if (prev && !prev.special && !s.special && prev.role === s.role && prev.trained === s.trained && prev.turn === s.turn) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

export const renderedText = (segments: Segment[]): string => segments.map((s) => s.text).join('');
