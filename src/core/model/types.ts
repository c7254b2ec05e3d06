import type { Conversation } from '../types';

export type ProviderId = 'openai-compatible' | 'ollama' | 'vscode-lm';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  model: string;
  temperature?: number;
  maxTokens?: number;
}

export interface ModelEndpoint {
  provider: Exclude<ProviderId, 'vscode-lm'>;
  baseUrl: string;
  apiKey?: string;
  /** Milliseconds without a byte from the server before giving up (default 60 s). */
  timeoutMs?: number;
}

export interface ChatResult {
  text: string;
  /** Tokens reported by the server, when it reports them. */
  usage?: { promptTokens?: number; completionTokens?: number };
  latencyMs: number;
  finishReason?: string;
}

export type ModelErrorKind = 'auth' | 'not-found' | 'rate-limit' | 'server' | 'bad-request' | 'timeout' | 'network' | 'cancelled' | 'protocol';

/** A failed model call, with a message a user can act on. */
export class ModelError extends Error {
  constructor(readonly kind: ModelErrorKind, message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'ModelError';
  }
  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}

/** The messages of a conversation up to (not including) its last assistant turn: what the model is asked. */
export function promptMessages(c: Conversation): { messages: ChatMessage[]; expected?: string } {
  const turns = [...c.turns];
  let expected: string | undefined;
  for (let i = turns.length - 1; i >= 0; i--) {
    if (turns[i].role === 'assistant') {
      expected = turns[i].content;
      turns.splice(i);
      break;
    }
  }
  return {
    messages: [...(c.system !== undefined ? [{ role: 'system' as const, content: c.system }] : []), ...turns.map((t) => ({ role: t.role, content: t.content }))],
    expected,
  };
}
