/**
 * MinHash over word 3-shingles with LSH banding, full 32-bit minima: the dataset report's near-duplicate clusters
 * (src/core/report/diversity.ts). Rule DS022 uses the same shingles and hash family with b-bit signatures
 * (8 bits per minimum) to keep the CLI's streaming memory small; both share `fnv`.
 */

export const HASHES = 32;
export const BANDS = 8; // 8 bands × 4 rows: pairs above ~0.7 Jaccard almost always share a band
const ROWS = HASHES / BANDS;
// fixed odd multipliers and offsets for the universal hash family (deterministic across runs)
const A = Array.from({ length: HASHES }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const B = Array.from({ length: HASHES }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The words a prompt is compared on (lowercased, split at spaces and punctuation). */
export function minhashWords(prompt: string): string[] {
  return prompt.toLowerCase().split(/[\s.,;:!?()"'[\]{}]+/).filter(Boolean);
}

/** MinHash signature of the word 3-shingles of a text (each word hashed once, shingles combined from word hashes). */
export function signature(words: string[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const wh = words.map(fnv);
  for (let i = 0; i + 3 <= wh.length; i++) {
    const x = (Math.imul(wh[i], 0x2545f491) ^ Math.imul(wh[i + 1], 0x9e3779b9) ^ wh[i + 2]) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      const h = (Math.imul(A[k], x) + B[k]) >>> 0;
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

/** The LSH key of band `b` of a signature. */
export function bandKey(sig: Uint32Array, b: number): number {
  let h = Math.imul(b + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193);
  return h >>> 0;
}

/** Estimated Jaccard similarity of two signatures (share of equal minima). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Signatures of many records in one growing typed-array pool (128 bytes per record). */
export class SignaturePool {
  private pool = new Uint32Array(HASHES * 1024);
  size = 0;

  /** Stores a signature and returns its slot. */
  push(sig: Uint32Array): number {
    if ((this.size + 1) * HASHES > this.pool.length) {
      const bigger = new Uint32Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool.set(sig, this.size * HASHES);
    return this.size++;
  }

  get(slot: number): Uint32Array {
    return this.pool.subarray(slot * HASHES, slot * HASHES + HASHES);
  }
}
