/**
 * Diversity of the instructions: root verbs with their objects (on a seeded random sample of prompts, since
 * part-of-speech tagging is the slow part), distinct-1 / distinct-2 over prompts and responses, and clusters of
 * near-duplicate prompts (the MinHash/LSH index of rule DS022). Streaming: add() one record at a time.
 */
import { BANDS, bandKey, signature, similarity, SignaturePool } from '../rules/dataset/util/minhash';
import { DistinctCounter, hash32, mix } from './hll';
import { rootVerb } from './verbs';
import { bump, excerpt, firstSentence, prng, topOf } from './text';
import type { DiversityReport, ReportInput } from './types';

const MIN_WORDS = 8;

class DistinctN {
  readonly uni = new DistinctCounter();
  readonly bi = new DistinctCounter();

  add(words: string[]): void {
    let prev = 0;
    for (let i = 0; i < words.length; i++) {
      const h = hash32(words[i]);
      this.uni.add(h);
      if (i) this.bi.add(mix(prev, h));
      prev = h;
    }
  }
}

export class DiversityAnalysis {
  private prompts = 0;
  private readonly sample: { line: number; text: string }[] = [];
  private readonly random = prng(0x5eed);
  private readonly promptN = new DistinctN();
  private readonly responseN = new DistinctN();
  private readonly pool = new SignaturePool();
  private readonly slotLine: number[] = [];
  private readonly slotPrompt = new Map<number, string>();
  private readonly buckets = new Map<number, number | number[]>();

  constructor(private readonly verbSample = 2000, private readonly threshold = 0.8) {}

  add(r: ReportInput): void {
    this.promptN.add(r.promptWords);
    this.responseN.add(r.responseWords);
    if (!r.prompt.trim()) return;
    this.prompts++;
    // reservoir sampling (Algorithm R): every prompt has the same chance to be parsed, memory is the sample
    if (this.sample.length < this.verbSample) this.sample.push({ line: r.line, text: firstSentence(r.instruction, 30) });
    else {
      const j = Math.floor(this.random() * this.prompts);
      if (j < this.verbSample) this.sample[j] = { line: r.line, text: firstSentence(r.instruction, 30) };
    }
    // the prompt's words (already split for distinct-n) are the MinHash shingles' words
    const words = r.promptWords;
    if (words.length < MIN_WORDS) return;
    const slot = this.pool.push(signature(words));
    this.slotLine.push(r.line);
    let collides = false;
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(this.pool.get(slot), b);
      const cur = this.buckets.get(key);
      if (cur === undefined) this.buckets.set(key, slot);
      else if (Array.isArray(cur)) cur.push(slot);
      else this.buckets.set(key, [cur, slot]);
      collides ||= cur !== undefined;
    }
    // an excerpt only for prompts that share a band with an earlier one: every cluster has at least one
    if (collides) this.slotPrompt.set(slot, excerpt(r.prompt, 0, 120));
  }

  private clusters(): DiversityReport['nearDuplicates'] {
    const parent = new Int32Array(this.pool.size).map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const bucket of this.buckets.values()) {
      if (!Array.isArray(bucket)) continue;
      // compare each member with the bucket's first and with its predecessor: linear in the bucket's size
      for (let i = 1; i < bucket.length; i++) {
        for (const j of i > 1 ? [0, i - 1] : [0]) {
          if (find(bucket[i]) === find(bucket[j])) continue;
          if (similarity(this.pool.get(bucket[i]), this.pool.get(bucket[j])) >= this.threshold) parent[find(bucket[i])] = find(bucket[j]);
        }
      }
    }
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.pool.size; i++) {
      const root = find(i);
      const g = groups.get(root);
      if (g) g.push(i);
      else groups.set(root, [i]);
    }
    const clusters = [...groups.values()].filter((c) => c.length > 1);
    clusters.sort((a, b) => b.length - a.length || a[0] - b[0]);
    return {
      threshold: this.threshold,
      clusters: clusters.length,
      records: clusters.reduce((n, c) => n + c.length, 0),
      largest: clusters.slice(0, 10).map((c) => {
        const slots = [...c].sort((a, b) => a - b);
        const shown = slots.find((s) => this.slotPrompt.has(s));
        return { size: c.length, lines: slots.slice(0, 20).map((s) => this.slotLine[s]), prompt: shown === undefined ? '' : this.slotPrompt.get(shown)! };
      }),
    };
  }

  result(): DiversityReport {
    const verbs = new Map<string, number>();
    const nouns = new Map<string, Map<string, number>>();
    let withVerb = 0;
    const cache = new Map<string, ReturnType<typeof rootVerb>>();
    for (const { text } of this.sample) {
      const key = text.toLowerCase();
      let vn = cache.get(key);
      if (!cache.has(key)) cache.set(key, (vn = rootVerb(text)));
      if (!vn) continue;
      withVerb++;
      bump(verbs, vn.verb);
      if (vn.noun) bump(nouns.get(vn.verb) ?? nouns.set(vn.verb, new Map()).get(vn.verb)!, vn.noun);
    }
    return {
      topVerbs: topOf(verbs, 20).map(([verb, count]) => ({ verb, count, nouns: topOf(nouns.get(verb) ?? new Map<string, number>(), 6).map(([noun, c]) => ({ noun, count: c })) })),
      verbSample: { parsed: this.sample.length, prompts: this.prompts, withVerb },
      distinct1: round(this.promptN.uni.ratio()),
      distinct2: round(this.promptN.bi.ratio()),
      responses: { distinct1: round(this.responseN.uni.ratio()), distinct2: round(this.responseN.bi.ratio()) },
      estimated: this.promptN.bi.estimated || this.responseN.bi.estimated,
      nearDuplicates: this.clusters(),
    };
  }
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
