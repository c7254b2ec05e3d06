/** A fast, deterministic 64-bit (two 32-bit lanes) non-cryptographic hash of a string, as 16 hex chars. */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// hash64: the indexes' hash (not persisted anywhere, so it may change between versions, unlike hashText
// which suppressions in config files refer to). Two lanes over two UTF-16 units at a time — a Murmur3-style
// block mix and a multiply-xorshift — each finished with the Murmur3 avalanche, give a 64-bit hash: with n
// distinct inputs the chance that any two share all 64 bits is about n² / 2^65 (≈ 10⁻⁷ for 2 million
// records), which is what "exact" duplicate detection relies on.

/** The two lanes of the last `hash64` / `hash64End` (read them right after the call). */
export const HASH64 = new Uint32Array(2);
let lane1 = 0;
let lane2 = 0;

/** Starts an incremental hash (feed parts with hash64Feed, finish with hash64End). */
export function hash64Begin(): void {
  lane1 = 0x811c9dc5;
  lane2 = 0x9747b28c;
}

/** Feeds a string, and its length (so that the parts' boundaries count: "ab"+"c" ≠ "a"+"bc"). */
export function hash64Feed(s: string): void {
  let h1 = lane1;
  let h2 = lane2;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h2 = Math.imul(h2 ^ k, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    k = Math.imul(k, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h1 ^= k;
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
  }
  lane1 = h1;
  lane2 = h2;
  mixWord((i < n ? s.charCodeAt(i) : 0xffff) ^ Math.imul(n, 0x10001));
}

/** One 32-bit word into both lanes (the loop in hash64Feed does the same with the lanes in locals). */
function mixWord(k: number): void {
  let h2 = Math.imul(lane2 ^ k, 0x5bd1e995);
  h2 ^= h2 >>> 15;
  k = Math.imul(k, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const h1 = lane1 ^ k;
  lane1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
  lane2 = h2;
}

export function hash64End(): void {
  let h1 = lane1;
  let h2 = lane2;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 16;
  h2 = Math.imul(h2, 0x7feb352d);
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x846ca68b);
  h2 ^= h2 >>> 16;
  HASH64[0] = h1;
  HASH64[1] = h2;
}

/** Mixes two 32-bit words (e.g. the lanes of another hash) into an incremental hash. */
export function hash64Words(a: number, b: number): void {
  mixWord(a);
  mixWord(b);
}

// the last strings hashed whole: rules that hash the same field of a record (an answer is hashed by the
// duplicate rule and by the conflicting-outputs rule) pay for it once
const memoText = ['', ''];
const memoHash = new Uint32Array(4);
let memoNext = 0;

/** hash64 of one string, into HASH64 (remembers the last two strings: the same string again costs nothing). */
export function hash64(s: string): void {
  for (let m = 0; m < 2; m++) {
    if (memoText[m] === s && s !== '') {
      HASH64[0] = memoHash[2 * m];
      HASH64[1] = memoHash[2 * m + 1];
      return;
    }
  }
  hash64Begin();
  hash64Feed(s);
  hash64End();
  if (s.length > 64) {
    memoText[memoNext] = s;
    memoHash[2 * memoNext] = HASH64[0];
    memoHash[2 * memoNext + 1] = HASH64[1];
    memoNext ^= 1;
  }
}

/** hash64 as a 53-bit number (a Map key for the editor's indexes). */
export function hash53(s: string): number {
  hash64(s);
  return HASH64[0] * 0x200000 + (HASH64[1] >>> 11);
}
