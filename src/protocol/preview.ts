/**
 * Messages between the prompt preview's webview (webview/preview) and its host (src/extension/preview).
 * The host validates every webview message with `isPreviewRequest`.
 */
import type { PreviewRender } from '../core/preview/render';
import type { AnswerCheck } from '../core/preview/answers';
import { isMessage } from './common';

export interface Choice {
  id: string;
  label: string;
}

/** Picker value that asks the host to pick a Hugging Face tokenizer_config.json. */
export const PICK_HF_TEMPLATE = 'hf:pick';
/** Picker value that asks the host to pick a Hugging Face tokenizer.json. */
export const PICK_HF_TOKENIZER = 'hf:pick-tokenizer';

export interface PreviewSettingsView {
  template: string;
  templates: Choice[];
  tokenizer: string;
  tokenizers: Choice[];
  trainOnInputs: boolean;
  trainedRoles: string[];
  maxContextTokens: number;
  /** The configured model, e.g. "llama3 · http://127.0.0.1:11434" (never the key). */
  model: string;
}

export interface RecordSource {
  file: string;
  /** 1-based line of the record. */
  line: number;
  format: string;
}

/** Why a run failed, and what the user can do about it. */
export type RunAction = 'setApiKey' | 'selectModel' | 'openSettings' | 'retry';

export type PreviewToView =
  | { type: 'settings'; settings: PreviewSettingsView }
  /** The webview stores it with setState, so the panel comes back the same after a reload. */
  | { type: 'state'; state: PreviewState }
  | { type: 'render'; source: RecordSource; render: PreviewRender; expected?: string; runnable: boolean }
  | { type: 'empty'; message: string; source?: RecordSource }
  | { type: 'templateError'; message: string }
  | { type: 'runStart'; runId: number; model: string; prompt?: string; expected?: string }
  | { type: 'runDelta'; runId: number; text: string }
  | { type: 'runDone'; runId: number; answer: string; latencyMs: number; completionTokens?: number; check: AnswerCheck }
  | { type: 'runError'; runId: number; message: string; actions: RunAction[] }
  | { type: 'runCancelled'; runId: number };

export type PreviewRequest =
  | { type: 'ready' }
  | { type: 'setTemplate'; id: string }
  | { type: 'setTokenizer'; id: string }
  | { type: 'setTrainOnInputs'; value: boolean }
  | { type: 'run' }
  | { type: 'cancel' }
  | { type: 'action'; action: RunAction }
  | { type: 'showRecord' };

const ACTIONS: readonly RunAction[] = ['setApiKey', 'selectModel', 'openSettings', 'retry'];

/** Checks the shape of everything the webview sends (the host trusts nothing from it). */
export function isPreviewRequest(m: unknown): m is PreviewRequest {
  if (!isMessage(m, ['ready', 'setTemplate', 'setTokenizer', 'setTrainOnInputs', 'run', 'cancel', 'action', 'showRecord'])) return false;
  const o = m as unknown as Record<string, unknown>;
  switch (o.type) {
    case 'setTemplate':
    case 'setTokenizer':
      return typeof o.id === 'string' && o.id.length < 200;
    case 'setTrainOnInputs':
      return typeof o.value === 'boolean';
    case 'action':
      return typeof o.action === 'string' && (ACTIONS as readonly string[]).includes(o.action);
    default:
      return true;
  }
}

/** What the webview keeps with setState (and the serializer hands back after a reload). */
export interface PreviewState {
  template?: string;
  /** Path of the tokenizer_config.json of a Hugging Face template. */
  hfConfig?: string;
  tokenizer?: string;
  /** Path of the Hugging Face tokenizer.json when `tokenizer` is 'hf'. */
  tokenizerFile?: string;
  trainOnInputs?: boolean;
  /** The followed document and line. */
  uri?: string;
  line?: number;
}
