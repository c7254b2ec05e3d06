/**
 * Built-in chat templates, written from the models' published templates. Each renders a Conversation
 * into segments: the assistant's replies (and the end-of-turn token that closes them) are trained,
 * everything else is masked unless `trainOnInputs`.
 */
import type { Conversation, Turn } from '../types';
import { pieces, mergeSegments, type RenderOptions, type Segment } from './segments';

export interface ChatTemplate {
  id: string;
  label: string;
  render(conversation: Conversation, options?: RenderOptions): Segment[];
}

interface Style {
  specials: RegExp;
  bos?: string;
  /** Text before a message's content. */
  open(role: Turn['role'] | 'system', index: number, first: boolean): string;
  /** Text after a message's content (trained for assistant turns: the model must learn to stop). */
  close(role: Turn['role'] | 'system', index: number): string;
  generation: string;
  /** Templates without a system role fold the system prompt into the first user message. */
  foldSystem?: (system: string, user: string) => string;
  /** Default system prompt when the conversation has none. */
  defaultSystem?: string;
  /** The published template trims each message's content (`message['content'] | trim`). */
  trimContent?: boolean;
}

function renderWith(style: Style, c: Conversation, options: RenderOptions = {}): Segment[] {
  const out: Segment[] = [];
  const trainAll = options.trainOnInputs === true;
  if (style.bos) out.push(...pieces(style.bos, 'template', false, style.specials));
  const turns: { role: Turn['role'] | 'system'; content: string; trained: boolean; turn: number }[] = [];
  const system = c.system ?? style.defaultSystem;
  let pendingSystem: string | undefined;
  if (system !== undefined) {
    if (style.foldSystem) pendingSystem = system;
    else turns.push({ role: 'system', content: system, trained: false, turn: -1 });
  }
  c.turns.forEach((t, i) => {
    let content = t.content;
    if (pendingSystem !== undefined && t.role === 'user') {
      content = style.foldSystem!(pendingSystem, content);
      pendingSystem = undefined;
    }
    turns.push({ role: t.role, content, trained: t.trained, turn: i });
  });
  turns.forEach((t, k) => {
    const trained = trainAll || (t.role === 'assistant' && t.trained);
    out.push(...pieces(style.open(t.role, k, k === 0), t.role, trainAll, style.specials, t.turn));
    out.push(...pieces(style.trimContent ? t.content.trim() : t.content, t.role, trained, style.specials, t.turn));
    out.push(...pieces(style.close(t.role, k), t.role, trained, style.specials, t.turn));
  });
  if (options.addGenerationPrompt) out.push(...pieces(style.generation, 'assistant', false, style.specials));
  return mergeSegments(out);
}

const template = (id: string, label: string, style: Style): ChatTemplate => ({ id, label, render: (c, o) => renderWith(style, c, o) });

export const chatml = template('chatml', 'ChatML (Qwen, OpenHermes, Yi)', {
  specials: /<\|im_start\|>|<\|im_end\|>/g,
  open: (role) => `<|im_start|>${role}\n`,
  close: () => '<|im_end|>\n',
  generation: '<|im_start|>assistant\n',
});

export const llama3 = template('llama3', 'Llama 3 / 3.1 Instruct', {
  specials: /<\|begin_of_text\|>|<\|start_header_id\|>|<\|end_header_id\|>|<\|eot_id\|>/g,
  bos: '<|begin_of_text|>',
  open: (role) => `<|start_header_id|>${role}<|end_header_id|>\n\n`,
  close: () => '<|eot_id|>',
  generation: '<|start_header_id|>assistant<|end_header_id|>\n\n',
  trimContent: true,
});

export const mistral = template('mistral', 'Mistral Instruct (v0.1–v0.3)', {
  specials: /<s>|<\/s>|\[INST\]|\[\/INST\]/g,
  bos: '<s>',
  open: (role) => (role === 'user' ? '[INST] ' : ''),
  close: (role) => (role === 'user' ? ' [/INST]' : role === 'assistant' ? '</s>' : ''),
  generation: '',
  foldSystem: (system, user) => `${system}\n\n${user}`,
});

export const gemma = template('gemma', 'Gemma / Gemma 2 Instruct', {
  specials: /<bos>|<start_of_turn>|<end_of_turn>/g,
  bos: '<bos>',
  open: (role) => `<start_of_turn>${role === 'assistant' ? 'model' : role}\n`,
  close: () => '<end_of_turn>\n',
  generation: '<start_of_turn>model\n',
  foldSystem: (system, user) => `${system}\n\n${user}`,
  trimContent: true,
});

export const vicuna = template('vicuna', 'Vicuna v1.1', {
  specials: /<\/s>/g,
  open: (role) => (role === 'system' ? '' : role === 'user' ? 'USER: ' : 'ASSISTANT: '),
  close: (role) => (role === 'system' ? ' ' : role === 'assistant' ? '</s>' : ' '),
  generation: 'ASSISTANT:',
  defaultSystem:
    "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions.",
});

const ALPACA_PREAMBLE = 'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n';

export const alpaca = template('alpaca', 'Alpaca (Stanford prompt)', {
  specials: /<\/s>/g,
  open: (role) => (role === 'system' ? '' : role === 'user' ? '### Instruction:\n' : '### Response:\n'),
  close: (role) => (role === 'assistant' ? '</s>' : '\n\n'),
  generation: '### Response:\n',
  defaultSystem: ALPACA_PREAMBLE.trimEnd(),
});

export const builtinTemplates: ChatTemplate[] = [chatml, llama3, mistral, gemma, alpaca, vicuna];

export function getTemplate(id: string): ChatTemplate | undefined {
  return builtinTemplates.find((t) => t.id === id);
}
