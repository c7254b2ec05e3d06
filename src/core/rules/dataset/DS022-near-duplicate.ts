import type { FileRule, FileRuleState, FindingDraft, RecordContext, RecordEntry, TextField } from '../../types';
import { isTrimmed, promptText } from './util/text';
import { fnv } from './util/minhash';
import { lowerOf } from './util/promptHash';
import { MAX_LOAD, capacityFor, grownCapacity, slotFor } from './util/hashTable';

/**
 * Near-duplicates by MinHash: 32 hash functions over the word 3-shingles of the prompt, and of each minimum
 * only 8 bits are kept (b-bit MinHash, Li & König 2010): a signature is 32 bytes. Two signatures agree at one
 * position with probability J + (1 − J)/256 for Jaccard similarity J, so J is estimated as
 * (agreeing/32 − 1/256) / (1 − 1/256). Candidates are the pairs that agree on all 4 bytes of one of 8 bands
 * (pairs above ≈ 0.7 share a band almost always); each is then checked against the threshold.
 */
export const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
/** Members of one band bucket compared with a new record (a cap for templated files whose prompts share long runs). */
export const BUCKET_CAP = 256;
// fixed odd multipliers and offsets for the universal hash family (deterministic across runs)
const A = Uint32Array.from({ length: HASHES }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const B = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

/** The shingles' hashes of the text being signed (grows for long prompts). */
let shingles = new Uint32Array(256);

/** b-bit MinHash signature (32 bytes) of the word 3-shingles of a text, written into `out` at `at`. */
export function signature(words: string[], out: Uint8Array = new Uint8Array(HASHES), at = 0): Uint8Array {
  return signatureOf(Uint32Array.from(words, fnv), words.length, out, at);
}

/**
 * The same from the words' hashes (`count` of them in `wh`). The shingles are hashed once into a buffer, then
 * each hash function takes its minimum over them with the minimum in a register (0.8 of the time of updating 32
 * stored minima per shingle, the same minima).
 */
function signatureOf(wh: Uint32Array, count: number, out: Uint8Array, at: number): Uint8Array {
  const n = count - 2;
  if (n > shingles.length) shingles = new Uint32Array(Math.max(n, shingles.length * 2));
  const xs = shingles;
  for (let i = 0; i < n; i++) xs[i] = (Math.imul(wh[i], 0x2545f491) ^ Math.imul(wh[i + 1], 0x9e3779b9) ^ wh[i + 2]) >>> 0;
  for (let k = 0; k < HASHES; k++) {
    const a = A[k];
    const b = B[k];
    let min = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const h = (Math.imul(a, xs[i]) + b) >>> 0;
      if (h < min) min = h;
    }
    // 8 bits of each minimum, taken from all of its bits
    out[at + k] = Math.imul(min, 0x9e3779b1) >>> 24;
  }
  return out;
}

/** Characters that separate words besides whitespace: . , ; : ! ? ( ) " ' [ ] { } */
const SEPARATOR = new Uint8Array(128);
for (const ch of '.,;:!?()"\'[]{}') SEPARATOR[ch.charCodeAt(0)] = 1;

/** The words' FNV hashes of the last `scanPromptWords` (grows for long prompts). */
let wordHashes: Uint32Array = new Uint32Array(256);

function growTo(a: Uint32Array, n: number): Uint32Array {
  const b = new Uint32Array(n);
  b.set(a);
  return b;
}

/** Estimated Jaccard similarity of two b-bit signatures (in pools `p` at `i` and `q` at `j`). */
export function similarity(p: Uint8Array, i: number, q: Uint8Array, j: number): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (p[i + k] === q[j + k]) same++;
  return Math.max(0, (same / HASHES - 1 / 256) / (1 - 1 / 256));
}

/** The most positions two signatures may disagree on for an estimated similarity of at least `threshold`. */
function allowedMismatches(threshold: number): number {
  return HASHES - Math.ceil(HASHES * (threshold * (1 - 1 / 256) + 1 / 256) - 1e-9);
}

/** `similarity`, or -1 as soon as more than `maxMismatch` positions disagree (most candidates fail within a few bytes). */
function similarityAtLeast(p: Uint8Array, i: number, q: Uint8Array, j: number, maxMismatch: number): number {
  let miss = 0;
  for (let k = 0; k < HASHES; k++) if (p[i + k] !== q[j + k] && ++miss > maxMismatch) return -1;
  return Math.max(0, ((HASHES - miss) / HASHES - 1 / 256) / (1 - 1 / 256));
}

interface Prompt {
  /** words in `wordHashes` (valid until the next promptOf) */
  count: number;
  exact: number;
}

function promptOf(ctx: RecordContext, minWords: number): Prompt | undefined {
  const fields = ctx.textFields();
  const p = scanPromptWords(fields, true) ?? scanPromptWords([{ role: 'prompt', text: promptText(fields).toLowerCase() }], false)!;
  return p.count < minWords || p.count < 3 ? undefined : p;
}

/**
 * One pass over a record's prompt fields (as promptText joins them: a newline between two), lowercased unit by
 * unit when `lower`: the FNV hash of each word — the same words as splitting the lowercased text at runs of
 * whitespace and the SEPARATOR characters — into `wordHashes`, and the FNV hash of the whole text. No joined
 * or lowercased copy is made; undefined (the caller lowercases the joined text and scans that) at a unit whose
 * lowercase depends on more than itself (lowerOf).
 */
function scanPromptWords(fields: readonly Pick<TextField, 'role' | 'text'>[], lower: boolean): Prompt | undefined {
  let count = 0;
  let exact = 0x811c9dc5;
  let h = 0x811c9dc5;
  let inWord = false;
  let first = true;
  for (const f of fields) {
    if (f.role !== 'prompt' && f.role !== 'context' && f.role !== 'system') continue;
    const t = f.text;
    for (let i = first ? 0 : -1; i < t.length; i++) {
      // -1: the newline before a field that is not the first
      let c = i < 0 ? 10 : t.charCodeAt(i);
      if (lower && c >= 65) {
        if (c >= 128) {
          c = lowerOf(c);
          if (c < 0) return undefined;
        } else if (c <= 90) c += 32;
      }
      exact = Math.imul(exact ^ c, 0x01000193);
      if ((c < 128 && SEPARATOR[c] === 1) || isTrimmed(c)) {
        if (inWord) {
          if (count === wordHashes.length) wordHashes = growTo(wordHashes, count * 2);
          wordHashes[count++] = h >>> 0;
          inWord = false;
          h = 0x811c9dc5;
        }
        continue;
      }
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    }
    first = false;
  }
  if (inWord) {
    if (count === wordHashes.length) wordHashes = growTo(wordHashes, count * 2);
    wordHashes[count++] = h >>> 0;
  }
  return { count, exact: exact >>> 0 };
}

function bandKey(sig: Uint8Array, at: number, b: number): number {
  const o = at + b * ROWS;
  return (sig[o] | (sig[o + 1] << 8) | (sig[o + 2] << 16) | (sig[o + 3] << 24)) >>> 0;
}

function finding(line: number, first: number, sim: number, endColumn: number, endLine = line): FindingDraft {
  return {
    message: `prompt nearly identical to line ${first + 1} (≈${Math.round(sim * 100)} % similar)`,
    line, startColumn: 0, endLine, endColumn,
    related: [{ message: 'the similar prompt', line: first }],
  };
}

export const nearDuplicate: FileRule = {
  id: 'DS022',
  name: 'near-duplicate',
  description: 'Prompts that are almost the same (MinHash over word 3-grams, estimated Jaccard similarity above a threshold).',
  tags: ['quality', 'duplicates'],
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', properties: { threshold: { type: 'number', minimum: 0.5, maximum: 1 }, minWords: { type: 'integer', minimum: 3 } } },
  defaultOptions: { threshold: 0.9, minWords: 8 },
  docs: {
    rationale: 'Near-duplicate instructions (templated generations, light paraphrases) make the model memorise phrasings instead of generalising, and hide evaluation leaks. Short prompts (under minWords words) are not compared.',
    bad: ['{"instruction": "Write a short poem about the sea at night and the moon above it.", "input": "", "output": "a"}\n{"instruction": "Write a short poem about the sea at night and the moon above it!", "input": "", "output": "b"}'],
    good: ['{"instruction": "Write a short poem about the sea at night and the moon above it.", "input": "", "output": "a"}\n{"instruction": "Explain how a refrigerator moves heat out of its inside.", "input": "", "output": "b"}'],
  },
  scope: 'file',
  create(env) {
    const threshold = Number(env.options.threshold ?? 0.9);
    const minWords = Number(env.options.minWords ?? 8);
    return env.streaming ? streamingIndex(threshold, minWords) : incrementalIndex(threshold, minWords);
  },
};

/**
 * The editor's index (records come and go): per record its signature in a typed-array pool and a hash of its
 * prompt; per band key the record or records in it. A record is reported against the earliest line it shares
 * a band with and is similar enough to (as the streaming index does).
 */
function incrementalIndex(threshold: number, minWords: number): FileRuleState {
  const maxMismatch = allowedMismatches(threshold);
  let pool = new Uint8Array(HASHES * 1024);
  let used = 0;
  const SLOT = Symbol('minhash');
  const slotOf = (e: RecordEntry) => (e as unknown as Record<symbol, number | undefined>)[SLOT];
  const exactOf = new Map<number, number>();
  const free: number[] = [];
  const buckets = new Map<number, RecordEntry | RecordEntry[]>();
  const key = (slot: number, b: number) => bandKey(pool, slot * HASHES, b) * BANDS + b;
  return {
    add(entry, ctx) {
      const p = promptOf(ctx, minWords);
      if (!p) return;
      let slot = free.pop();
      if (slot === undefined) {
        if ((used + 1) * HASHES > pool.length) {
          const bigger = new Uint8Array(pool.length * 2);
          bigger.set(pool);
          pool = bigger;
        }
        slot = used++;
      }
      signatureOf(wordHashes, p.count, pool, slot * HASHES);
      exactOf.set(slot, p.exact);
      (entry as unknown as Record<symbol, number>)[SLOT] = slot;
      for (let b = 0; b < BANDS; b++) {
        const k = key(slot, b);
        const cur = buckets.get(k);
        if (cur === undefined) buckets.set(k, entry);
        else if (Array.isArray(cur)) cur.push(entry);
        else buckets.set(k, [cur, entry]);
      }
    },
    remove(entry) {
      const slot = slotOf(entry);
      if (slot === undefined) return;
      for (let b = 0; b < BANDS; b++) {
        const k = key(slot, b);
        const cur = buckets.get(k);
        if (cur === entry) buckets.delete(k);
        else if (Array.isArray(cur)) {
          const rest = cur.filter((e) => e !== entry);
          buckets.set(k, rest.length === 1 ? rest[0] : rest);
        }
      }
      exactOf.delete(slot);
      free.push(slot);
      delete (entry as unknown as Record<symbol, unknown>)[SLOT];
    },
    findings() {
      const out: FindingDraft[] = [];
      const done = new Set<RecordEntry>();
      const sorted = new Map<number, RecordEntry[]>();
      for (const [k, bucket] of buckets) if (Array.isArray(bucket)) sorted.set(k, [...bucket].sort((a, b) => a.line - b.line));
      for (const members of sorted.values()) {
        for (const e of members) {
          if (done.has(e)) continue;
          done.add(e);
          const se = slotOf(e)!;
          let best: RecordEntry | undefined;
          let bestSim = 0;
          for (let b = 0; b < BANDS; b++) {
            const list = sorted.get(key(se, b));
            if (!list) continue;
            for (let j = 0; j < list.length && j < BUCKET_CAP; j++) {
              const f = list[j];
              if (f.line >= e.line || (best && f.line >= best.line)) break;
              const sf = slotOf(f)!;
              // identical prompts are DS020 (same record) or DS021 (different answer), not near-duplicates
              if (exactOf.get(sf) === exactOf.get(se)) continue;
              const sim = similarityAtLeast(pool, se * HASHES, pool, sf * HASHES, maxMismatch);
              if (sim < threshold) continue;
              best = f;
              bestSim = sim;
              break;
            }
          }
          if (best) out.push(finding(e.line, best.line, bestSim, e.endLine === e.line ? e.text.length : 1, e.endLine));
        }
      }
      return out;
    },
  };
}

/** Fixed-size pages of signatures, prompt hashes and lines: the pool grows without copying. */
class SignaturePool {
  static readonly PAGE = 1 << 15;
  readonly sigs: Uint8Array[] = [];
  readonly exact: Uint32Array[] = [];
  readonly lines: Int32Array[] = [];
  size = 0;
  add(count: number, exact: number, line: number): number {
    const page = this.size >>> 15;
    if (page === this.sigs.length) {
      this.sigs.push(new Uint8Array(SignaturePool.PAGE * HASHES));
      this.exact.push(new Uint32Array(SignaturePool.PAGE));
      this.lines.push(new Int32Array(SignaturePool.PAGE));
    }
    const i = this.size & (SignaturePool.PAGE - 1);
    signatureOf(wordHashes, count, this.sigs[page], i * HASHES);
    this.exact[page][i] = exact;
    this.lines[page][i] = line;
    return this.size++;
  }
  page(slot: number): Uint8Array {
    return this.sigs[slot >>> 15];
  }
  offset(slot: number): number {
    return (slot & (SignaturePool.PAGE - 1)) * HASHES;
  }
  exactOf(slot: number): number {
    return this.exact[slot >>> 15][slot & (SignaturePool.PAGE - 1)];
  }
  lineOf(slot: number): number {
    return this.lines[slot >>> 15][slot & (SignaturePool.PAGE - 1)];
  }
}

/** One band's table: band key -> the first record (slot + 1) with it; the key is read back from the pool. 4 bytes a slot. */
class BandTable {
  private slots = new Int32Array(capacityFor(1000));
  private size = 0;
  constructor(private readonly pool: SignaturePool, private readonly band: number) {}
  private keyOf(slot: number): number {
    return bandKey(this.pool.page(slot), this.pool.offset(slot), this.band);
  }
  /** The first record with this slot's band key, or -1 after adding this slot as the first. */
  firstOrAdd(slot: number): number {
    const k = this.keyOf(slot);
    const cap = this.slots.length;
    let i = slotFor(Math.imul(k, 0x9e3779b1), cap);
    for (let s = this.slots[i]; s !== 0; s = this.slots[i]) {
      if (this.keyOf(s - 1) === k) return s - 1;
      if (++i === cap) i = 0;
    }
    this.slots[i] = slot + 1;
    if (++this.size > cap * MAX_LOAD) this.grow();
    return -1;
  }
  private grow(): void {
    const old = this.slots;
    const cap = grownCapacity(old.length);
    this.slots = new Int32Array(cap);
    for (const s of old) {
      if (s === 0) continue;
      let i = slotFor(Math.imul(this.keyOf(s - 1), 0x9e3779b1), cap);
      while (this.slots[i] !== 0) if (++i === cap) i = 0;
      this.slots[i] = s;
    }
  }
}

/**
 * The CLI's index (records only added, in line order): signatures in pages, 8 band tables of 4-byte slots,
 * and, only for band keys shared by several records, the list of the later ones. Each new record is compared
 * when it arrives with the records it shares a band with, earliest first.
 */
function streamingIndex(threshold: number, minWords: number): FileRuleState {
  const maxMismatch = allowedMismatches(threshold);
  const pool = new SignaturePool();
  // not sized from the file's record count: only prompts of minWords words or more enter them (often a part of
  // the records), and tables sized for every record cost ~45 MB more peak RSS on a 1 GB file
  const bands = Array.from({ length: BANDS }, (_, b) => new BandTable(pool, b));
  // band key (first slot × BANDS + band) -> the later slots with it: one slot as a number (most shared keys
  // have one or two records), more as an array (a number costs nothing, a grown array ~150 bytes)
  const more = new Map<number, number | number[]>();
  const found: FindingDraft[] = [];
  return {
    add(entry, ctx) {
      const p = promptOf(ctx, minWords);
      if (!p) return;
      const slot = pool.add(p.count, p.exact, entry.line);
      const sig = pool.page(slot);
      const at = pool.offset(slot);
      let best = -1;
      let bestSim = 0;
      for (let b = 0; b < BANDS; b++) {
        const first = bands[b].firstOrAdd(slot);
        if (first < 0) continue;
        const k = first * BANDS + b;
        const got = more.get(k);
        const later = typeof got === 'number' ? [got] : got;
        for (let j = -1; j < (later ? Math.min(later.length, BUCKET_CAP - 1) : 0); j++) {
          const f = j < 0 ? first : later![j];
          if (best >= 0 && f >= best) break;
          if (pool.exactOf(f) === p.exact) continue;
          const sim = similarityAtLeast(sig, at, pool.page(f), pool.offset(f), maxMismatch);
          if (sim < threshold) continue;
          best = f;
          bestSim = sim;
          break;
        }
        // a bucket is compared up to BUCKET_CAP members: later ones are never read, so they are not kept
        if (got === undefined) more.set(k, slot);
        else if (typeof got === 'number') more.set(k, [got, slot]);
        else if (got.length < BUCKET_CAP - 1) got.push(slot);
      }
      if (best >= 0) found.push(finding(entry.line, pool.lineOf(best), bestSim, entry.text.length));
    },
    remove() {
      throw new Error('a streaming index cannot remove records');
    },
    findings() {
      return found;
    },
  };
}
