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
// which suppressions in config files refer to). 64 bits, so with n distinct inputs the chance that any two
// share all of them is about n² / 2^65 (≈ 10⁻⁷ for 2 million records), which is what "exact" duplicate
// detection relies on.
//  - Strings of 32 units or more are encoded to UTF-8 by the engine (TextEncoder.encodeInto: native, much
//    faster than a charCodeAt loop) and read as 32-bit words in four independent lanes (xxHash32's round,
//    so the CPU runs the lanes' multiplications side by side instead of waiting on one chain); both output
//    words depend on every lane. UTF-8 is one-to-one except for lone surrogates (all become U+FFFD): texts
//    that differ only in which lone surrogate they hold hash alike — the JSONL engine reports those anyway.
//  - Shorter strings (keys, short fields), where the encoder call would cost more than the hashing, go
//    through two chains over UTF-16 unit pairs (Murmur3's block mix and a multiply-xorshift).

/** The two lanes of the last `hash64` / `hash64End` (read them right after the call). */
export const HASH64 = new Uint32Array(2);
let lane1 = 0;
let lane2 = 0;

const encoder = new TextEncoder();
/** Scratch space for the UTF-8 bytes of the string being hashed (3 bytes a unit at most, plus a zeroed lane round). */
let bytes = new Uint8Array(1 << 16);
let words = new Int32Array(bytes.buffer);
const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;

function fmix1(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fmix2(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The 64-bit hash of one string, into HASH64. */
function digest(s: string): void {
  const len = s.length;
  if (len < 32) {
    let h1 = 0x811c9dc5 ^ len;
    let h2 = 0x9747b28c;
    let i = 0;
    for (; i + 1 < len; i += 2) {
      let k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h2 = Math.imul(h2 ^ k, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      k = Math.imul(k, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h1 ^= k;
      h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    }
    if (i < len) {
      const k = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ k, 0x01000193);
      h2 = Math.imul(h2 ^ k, 0x5bd1e995);
    }
    HASH64[0] = fmix1(h1);
    HASH64[1] = fmix2(h2 ^ len);
    return;
  }
  const need = len * 3 + 16;
  if (need > bytes.length) {
    bytes = new Uint8Array(need + (need >> 2));
    words = new Int32Array(bytes.buffer, 0, bytes.length >> 2);
  }
  const n = encoder.encodeInto(s, bytes).written;
  // the last round reads up to 15 bytes past the end: zero them (they belong to an earlier, longer string)
  bytes.fill(0, n, n + 16);
  const w = words;
  const all = (n + 3) >> 2;
  let a = 0x24234428 ^ n;
  let b = 0x85ebca77;
  let c = 0x165667b1;
  let d = 0x61c88647;
  for (let i = 0; i < all; i += 4) {
    a = Math.imul(a + Math.imul(w[i], P2), P1);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b + Math.imul(w[i + 1], P2), P1);
    b = (b << 13) | (b >>> 19);
    c = Math.imul(c + Math.imul(w[i + 2], P2), P1);
    c = (c << 13) | (c >>> 19);
    d = Math.imul(d + Math.imul(w[i + 3], P2), P1);
    d = (d << 13) | (d >>> 19);
  }
  HASH64[0] = fmix1(((a << 1) | (a >>> 31)) + ((b << 7) | (b >>> 25)) + ((c << 12) | (c >>> 20)) + ((d << 18) | (d >>> 14)) + n);
  HASH64[1] = fmix2(((a ^ Math.imul(b, P3)) + Math.imul(c ^ ((d << 11) | (d >>> 21)), P1)) ^ len);
}

/** Starts an incremental hash (feed parts with hash64Feed, finish with hash64End). */
export function hash64Begin(): void {
  lane1 = 0x811c9dc5;
  lane2 = 0x9747b28c;
}

/** Feeds a string (its own hash, which covers its length, so that the parts' boundaries count: "ab"+"c" ≠ "a"+"bc"). */
export function hash64Feed(s: string): void {
  digest(s);
  const x = HASH64[0];
  const y = HASH64[1];
  mixWord(x);
  mixWord(y);
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
  digest(s);
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
  return lanes53();
}

/** The two lanes in HASH64 (as the last hash left them) as one 53-bit number. */
export function lanes53(): number {
  return HASH64[0] * 0x200000 + (HASH64[1] >>> 11);
}
