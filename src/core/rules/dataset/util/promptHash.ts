/**
 * The hash of a record's normalized prompt (`normalize(promptText(fields))`: lowercased, whitespace runs as one
 * space, trimmed) computed in one pass over the prompt fields, without building the joined, lowercased and
 * squashed copies. Texts with a character whose lowercase is not one UTF-16 unit of its own (İ, final Σ,
 * surrogate pairs) take the string path; both paths hash the same units the same way, so equal normalized
 * prompts always get equal hashes.
 */
import type { TextField } from '../../../types';
import { HASH64 } from '../../../jsonl/hash';
import { isTrimmed, normalize, promptText } from './text';

/** Lowercase of a non-ASCII unit + 1, COMPLEX when it is not one unit on its own; 0 until first asked. */
const LOWER = new Uint16Array(65536);
const COMPLEX = 0xffff;

/** The lowercase of a non-ASCII unit when toLowerCase maps it to one unit regardless of context, else -1. */
export function lowerOf(c: number): number {
  let l = LOWER[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    // Σ lowercases by context (σ or final ς); a surrogate lowercases as part of its pair
    l = s.length !== 1 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff) ? COMPLEX : s.charCodeAt(0) + 1;
    LOWER[c] = l;
  }
  return l === COMPLEX ? -1 : l - 1;
}

const SEED1 = 0x811c9dc5;
const SEED2 = 0x9747b28c;

/** The two lanes' final mix (with the unit count), into HASH64. */
function finish(h1: number, h2: number, units: number): void {
  h1 ^= units;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  HASH64[0] = h1 ^ (h1 >>> 16);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x7feb352d);
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x846ca68b);
  HASH64[1] = h2 ^ (h2 >>> 16);
}

/**
 * Hashes the normalized prompt into HASH64; false (HASH64 untouched) when it is empty. The fields with the
 * prompt, context and system roles are read in order as if joined by newlines, as promptText joins them.
 * Each unit goes into two lanes (FNV-1a and a Murmur-style multiply-xorshift), as hashString does.
 */
export function hashNormalizedPrompt(fields: TextField[]): boolean {
  let h1 = SEED1;
  let h2 = SEED2;
  let units = 0;
  let space = false;
  let first = true;
  for (const f of fields) {
    if (f.role !== 'prompt' && f.role !== 'context' && f.role !== 'system') continue;
    // the newline between two fields is whitespace like any other
    if (!first && units > 0) space = true;
    first = false;
    const t = f.text;
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (isTrimmed(c)) {
        space = units > 0;
        continue;
      }
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
      } else {
        c = lowerOf(c);
        if (c < 0) return hashString(normalize(promptText(fields)));
      }
      if (space) {
        h1 = Math.imul(h1 ^ 32, 0x01000193);
        h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        units++;
        space = false;
      }
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      units++;
    }
  }
  if (units === 0) return false;
  finish(h1, h2, units);
  return true;
}

/** The same hash of an already normalized text (the slow path). */
function hashString(s: string): boolean {
  if (s === '') return false;
  let h1 = SEED1;
  let h2 = SEED2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  finish(h1, h2, s.length);
  return true;
}
