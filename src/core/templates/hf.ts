/**
 * Hugging Face chat templates (the Jinja `chat_template` of a tokenizer_config.json), rendered with
 * @huggingface/jinja. The real rendering is the output. To know which characters belong to which message,
 * the template is rendered again with each content replaced by a sentinel; the text between sentinels is
 * the template's own. A template that trims or rewrites contents (Llama 3's `| trim`, reasoning models that
 * drop old <think> blocks) fails that check, and contents are then found by searching the output in order.
 * Only runs in trusted workspaces (the extension checks): a template is user-supplied code.
 */
import { Template } from '@huggingface/jinja';
import type { Conversation } from '../types';
import type { ChatTemplate } from './builtin';
import { pieces, mergeSegments, type RenderOptions, type Segment } from './segments';

export interface TokenizerConfig {
  chat_template?: string | { name: string; template: string }[];
  bos_token?: string | { content: string };
  eos_token?: string | { content: string };
  added_tokens_decoder?: Record<string, { content: string; special?: boolean }>;
}

const tokenText = (t: TokenizerConfig['bos_token']): string => (typeof t === 'string' ? t : t?.content ?? '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TemplateError extends Error {}

/** A ChatTemplate from a tokenizer_config.json object. Throws TemplateError with a readable message. */
export function templateFromTokenizerConfig(config: TokenizerConfig, label = 'tokenizer_config.json', name = 'default'): ChatTemplate {
  let source = config.chat_template;
  if (Array.isArray(source)) source = (source.find((t) => t.name === name) ?? source[0])?.template;
  if (typeof source !== 'string' || !source) throw new TemplateError(`${label} has no chat_template`);
  let compiled: Template;
  try {
    compiled = new Template(source);
  } catch (e) {
    throw new TemplateError(`the chat_template in ${label} does not parse: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bos = tokenText(config.bos_token);
  const eos = tokenText(config.eos_token);
  const specialTokens = new Set<string>([bos, eos].filter(Boolean));
  for (const t of Object.values(config.added_tokens_decoder ?? {})) if (t.special !== false && t.content) specialTokens.add(t.content);
  const specials = specialTokens.size
    ? new RegExp([...specialTokens].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'g')
    : /(?!)/g;
  return {
    id: `hf:${label}`,
    label: `${label} (chat_template)`,
    render(c: Conversation, options: RenderOptions = {}): Segment[] {
      const messages = [
        ...(c.system !== undefined ? [{ role: 'system', content: c.system }] : []),
        ...c.turns.map((t) => ({ role: t.role, content: t.content })),
      ];
      const meta = [...(c.system !== undefined ? [{ turn: -1, trained: false }] : []), ...c.turns.map((t, i) => ({ turn: i, trained: t.role === 'assistant' && t.trained }))];
      const context = { bos_token: bos, eos_token: eos, add_generation_prompt: options.addGenerationPrompt === true, tools: c.tools };
      let rendered: string;
      try {
        rendered = compiled.render({ ...context, messages });
      } catch (e) {
        throw new TemplateError(`the chat_template in ${label} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      const placements = placeBySentinels(rendered) ?? placeBySearch(rendered);
      const out: Segment[] = [];
      let last = 0;
      let prev = -1; // the message whose content came last
      for (const { i, start, end } of placements) {
        out.push(...between(rendered.slice(last, start), prev, i));
        out.push(...pieces(rendered.slice(start, end), messages[i].role as Segment['role'], options.trainOnInputs === true || meta[i].trained, specials, meta[i].turn));
        last = end;
        prev = i;
      }
      out.push(...between(rendered.slice(last), prev, -1));
      return mergeSegments(out);

      /**
       * Where each message's content lies in the output: render again with each content replaced by a
       * sentinel, and put the contents back; valid only when that gives exactly the real output (a
       * template that trims, edits or inspects contents does not). undefined otherwise.
       */
      function placeBySentinels(real: string): { i: number; start: number; end: number }[] | undefined {
        const mark = (i: number) => `\u0001${i}\u0002`;
        let marked: string;
        try {
          marked = compiled.render({ ...context, messages: messages.map((m, i) => ({ ...m, content: mark(i) })) });
        } catch {
          return undefined;
        }
        const found: { i: number; start: number; end: number }[] = [];
        let rebuilt = '';
        let last = 0;
        // eslint-disable-next-line no-control-regex -- the sentinels are control characters on purpose
        const re = /\u0001(\d+)\u0002/g;
        for (let m = re.exec(marked); m; m = re.exec(marked)) {
          const i = Number(m[1]);
          rebuilt += marked.slice(last, m.index);
          found.push({ i, start: rebuilt.length, end: rebuilt.length + messages[i].content.length });
          rebuilt += messages[i].content;
          last = m.index + m[0].length;
        }
        rebuilt += marked.slice(last);
        return rebuilt === real ? found : undefined;
      }

      /** Fallback: find each message's content (or its trimmed text) in order; a message the template rewrote stays unattributed. */
      function placeBySearch(real: string): { i: number; start: number; end: number }[] {
        const found: { i: number; start: number; end: number }[] = [];
        let cursor = 0;
        messages.forEach((m, i) => {
          for (const text of [m.content, m.content.trim()]) {
            const at = text ? real.indexOf(text, cursor) : -1;
            if (at >= 0) {
              found.push({ i, start: at, end: at + text.length });
              cursor = at + text.length;
              return;
            }
          }
        });
        return found;
      }

      /** Template text between two messages: up to the first special token after an assistant reply closes it (trained); the rest opens the next message. */
      function between(text: string, before: number, after: number): Segment[] {
        const segs: Segment[] = [];
        let rest = text;
        if (before >= 0 && meta[before].trained) {
          specials.lastIndex = 0;
          const m = specials.exec(rest);
          const end = m ? m.index + m[0].length : 0;
          if (end) segs.push(...pieces(rest.slice(0, end), messages[before].role as Segment['role'], true, specials, meta[before].turn));
          rest = rest.slice(end);
        }
        const role: Segment['role'] = after >= 0 ? (messages[after].role as Segment['role']) : 'template';
        segs.push(...pieces(rest, role, options.trainOnInputs === true, specials, after >= 0 ? meta[after].turn : undefined));
        return segs;
      }
    },
  };
}
