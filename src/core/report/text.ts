/** Text helpers shared by the report's analyses. */

/** Lowercased words (letters, digits, apostrophes inside words) of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** The first sentence (or line) of a text, at most `maxWords` words. */
export function firstSentence(text: string, maxWords = 30): string {
  const t = text.trim();
  const end = t.search(/[.?!。？！](?:\s|$)|\n/);
  const s = end >= 0 ? t.slice(0, end + 1) : t;
  const words = s.split(/\s+/);
  return words.length > maxWords ? words.slice(0, maxWords).join(' ') : s;
}

/** A one-line excerpt of at most `max` characters around `at` (start of a match), with ellipses. */
export function excerpt(text: string, at = 0, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  const pos = text.slice(0, at).replace(/\s+/g, ' ').length;
  const start = Math.max(0, Math.min(pos - 40, flat.length - max));
  const s = flat.slice(start, start + max);
  return (start > 0 ? '…' : '') + s + (start + max < flat.length ? '…' : '');
}

/** Deterministic PRNG (mulberry32), so a report is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Map counter helpers. */
export const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
export const topOf = <K>(m: Map<K, number>, n: number): [K, number][] => [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n);

/** Median of numbers (sorts a copy). */
export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
