/**
 * The canonical conversation every format maps to, and the helpers formats share to build it.
 *
 * Conventions (templates, token counts, the preview and model runs rely on them):
 *  - Leading system messages go to `Conversation.system` (joined by a blank line) and are not repeated
 *    in `turns`; a system message after the first non-system turn stays a `system` turn.
 *  - `trained` is true for assistant turns unless the record says otherwise (OpenAI `weight: 0`,
 *    LLaMA-Factory `loss_weight: 0`).
 *  - Tool calls use the OpenAI shape `{ id?, type: 'function', function: { name, arguments: string } }`.
 */
import type { Conversation, Role, Turn } from './types';

/** Maps the role names datasets use to the canonical roles. Unknown names give undefined. */
const ROLE_NAMES: Record<string, Role> = {
  user: 'user',
  human: 'user',
  prompter: 'user',
  question: 'user',
  customer: 'user',
  assistant: 'assistant',
  gpt: 'assistant',
  bot: 'assistant',
  model: 'assistant',
  chatgpt: 'assistant',
  bing: 'assistant',
  bard: 'assistant',
  ai: 'assistant',
  answer: 'assistant',
  function_call: 'assistant',
  system: 'system',
  developer: 'system',
  tool: 'tool',
  observation: 'tool',
  function: 'tool',
  ipython: 'tool',
  tool_response: 'tool',
};

export function normalizeRole(name: unknown): Role | undefined {
  if (typeof name !== 'string') return undefined;
  return ROLE_NAMES[name.trim().toLowerCase()];
}

/** Builds a turn; `trained` defaults to role === 'assistant'. */
export function makeTurn(role: Role, content: string, source?: string, extra?: Partial<Turn>): Turn {
  const t: Turn = { role, content, trained: role === 'assistant' };
  if (source !== undefined) t.source = source;
  if (extra) Object.assign(t, extra);
  return t;
}

/** Moves leading system turns into `system` (see the conventions above). */
export function buildConversation(turns: Turn[], opts?: { system?: string; tools?: unknown[] }): Conversation {
  const systems: string[] = [];
  if (opts?.system !== undefined && opts.system !== '') systems.push(opts.system);
  let i = 0;
  while (i < turns.length && turns[i].role === 'system') systems.push(turns[i++].content);
  const conv: Conversation = { turns: turns.slice(i) };
  if (systems.length) conv.system = systems.join('\n\n');
  if (opts?.tools && opts.tools.length) conv.tools = opts.tools;
  return conv;
}

/** Plain text of a conversation: the system prompt, then each turn as "role: content", blank-line separated. */
export function conversationText(c: Conversation): string {
  const parts: string[] = [];
  if (c.system) parts.push(`system: ${c.system}`);
  for (const t of c.turns) {
    let s = `${t.role}: ${t.content}`;
    if (t.toolCalls && t.toolCalls.length) s += `${t.content ? '\n' : ''}${JSON.stringify(t.toolCalls)}`;
    parts.push(s);
  }
  return parts.join('\n\n');
}

/** Parses a JSON string holding a tool list (ShareGPT/LLaMA-Factory `tools`), or passes an array through. */
export function parseTools(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed;
    if (parsed && typeof parsed === 'object') return [parsed];
  } catch {
    // not JSON: a rule reports it; the conversation simply has no tools
  }
  return undefined;
}

/**
 * A tool call written as a JSON string (ShareGPT `function_call` turn, LLaMA-Factory `tool_call` part):
 * `{"name": ..., "arguments": {...}}` or a list of them. Returns OpenAI-shaped calls, or undefined.
 */
export function parseToolCallText(text: string): unknown[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const out: unknown[] = [];
  for (const c of list) {
    if (!c || typeof c !== 'object') return undefined;
    const o = c as Record<string, unknown>;
    const fn = o.function && typeof o.function === 'object' ? (o.function as Record<string, unknown>) : o;
    if (typeof fn.name !== 'string') return undefined;
    const args = fn.arguments ?? fn.parameters ?? {};
    out.push({ type: 'function', function: { name: fn.name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } });
  }
  return out.length ? out : undefined;
}

/** A speaker marker at a line start ("Human:", "## User:") or anywhere after "###" (Guanaco writes "…### Assistant:"). */
const MARKER = /(?:(^|\n)[ \t]*(?:#{2,3}[ \t]*)?|###[ \t]*)(Human|User|Assistant|System)[ \t]*:[ \t]?/g;

/**
 * Splits a transcript written with speaker markers ("\n\nHuman: … \n\nAssistant: …" as in Anthropic
 * HH-RLHF, "### Human: … ### Assistant: …" as in OpenAssistant Guanaco) into turns. Returns undefined
 * unless the text starts with a marker (after whitespace) and has both a user and an assistant marker.
 */
export function parseTranscript(text: string): { role: Role; content: string }[] | undefined {
  const marks: { role: Role; start: number; end: number }[] = [];
  for (const m of text.matchAll(MARKER)) {
    const role = normalizeRole(m[2]);
    if (!role) continue;
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    marks.push({ role, start, end: (m.index ?? 0) + m[0].length });
  }
  if (!marks.length || text.slice(0, marks[0].start).trim() !== '') return undefined;
  if (!marks.some((m) => m.role === 'user') || !marks.some((m) => m.role === 'assistant')) return undefined;
  return marks.map((m, i) => ({ role: m.role, content: text.slice(m.end, i + 1 < marks.length ? marks[i + 1].start : text.length).trim() }));
}
