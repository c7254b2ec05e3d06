/**
 * A Hugging Face `tokenizer.json` (BPE, WordPiece, Unigram; byte-level or metaspace) as a TokenCounter,
 * through @huggingface/tokenizers: pure JavaScript, nothing downloaded, the user points to the file.
 * The caller reads the file (the core does no I/O) and passes the parsed JSON.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type { TokenCounter } from './counter';

export class TokenizerFileError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @param tokenizerJson the parsed tokenizer.json
 * @param tokenizerConfig the parsed tokenizer_config.json next to it, when there is one (special-token settings)
 * @param label how to name it in messages and pickers (usually the file's path)
 */
export function hfTokenCounter(tokenizerJson: unknown, tokenizerConfig: unknown = {}, label = 'tokenizer.json'): TokenCounter {
  if (!isObject(tokenizerJson) || !isObject(tokenizerJson.model)) {
    throw new TokenizerFileError(`${label} is not a Hugging Face tokenizer.json (it needs a "model" object with a "type" such as BPE, WordPiece or Unigram)`);
  }
  let tok: Tokenizer;
  try {
    tok = new Tokenizer(tokenizerJson, isObject(tokenizerConfig) ? tokenizerConfig : {});
    tok.encode('a', { add_special_tokens: false });
  } catch (e) {
    throw new TokenizerFileError(`${label} cannot be loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
  const decode = (ids: number[]) => tok.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  return {
    id: `hf:${label}`,
    label: `${label} (Hugging Face tokenizer)`,
    ownsSpecials: true,
    encode: (text) => (text ? tok.encode(text, { add_special_tokens: false }).ids : []),
    boundaries(text, ids) {
      // the library gives no offsets: find each token's decoded text in order; bytes of one character
      // (byte-level BPE) are decoded together and get one boundary
      const out: number[] = [];
      let offset = 0;
      let pending: number[] = [];
      for (const id of ids) {
        pending.push(id);
        const piece = decode(pending);
        if (piece.includes('\uFFFD') && pending.length < 4 && !text.includes('\uFFFD')) continue;
        pending = [];
        const near = (p: string) => {
          const at = p ? text.indexOf(p, offset) : -1;
          return at >= 0 && at - offset <= 8 ? at : -1;
        };
        let at = near(piece);
        let len = piece.length;
        if (at < 0) {
          const trimmed = piece.trimStart(); // a metaspace decoder's leading space
          at = near(trimmed);
          len = trimmed.length;
        }
        if (at < 0) {
          out.push(Math.min(offset, text.length));
          continue;
        }
        out.push(at);
        offset = at + len;
      }
      return out;
    },
  };
}
