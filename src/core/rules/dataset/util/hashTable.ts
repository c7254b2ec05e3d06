/**
 * Compact indexes for the streaming (CLI) pass of the duplicate rules, where records are only added and
 * lines never move. Open addressing with linear probing over typed arrays: no object, Map entry or boxed
 * number per record, so a million records cost a few megabytes instead of hundreds.
 */

/** Capacity grows ×2 when the table is this full. */
const MAX_LOAD = 0.75;

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * 64-bit key (two 32-bit halves) -> the first line it was seen on, plus one 32-bit value stored with it.
 * 16 bytes per slot.
 */
export class FirstSeenTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** line + 1; 0 marks an empty slot */
  private lines: Int32Array;
  private values: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.lines = new Int32Array(cap);
    this.values = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /**
   * Looks the key up; when absent, stores it with `line` and `value` and returns -1. When present, returns
   * its slot (read `lineAt` / `valueAt`), leaving the first line and value as they were.
   */
  firstOrAdd(hi: number, lo: number, line: number, value = 0): number {
    hi >>>= 0;
    lo >>>= 0;
    let i = mix(lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.lines[i] !== 0) {
      if (this.hi[i] === hi && this.lo[i] === lo) return i;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.lines[i] = line + 1;
    this.values[i] = value;
    if (++this.size > this.capacity * MAX_LOAD) this.grow();
    return -1;
  }

  lineAt(slot: number): number {
    return this.lines[slot] - 1;
  }

  valueAt(slot: number): number {
    return this.values[slot];
  }

  private grow(): void {
    const { hi, lo, lines, values } = this;
    const cap = this.capacity * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.lines = new Int32Array(cap);
    this.values = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < lines.length; j++) {
      if (lines[j] === 0) continue;
      let i = mix(lo[j] ^ Math.imul(hi[j], 0x9e3779b1)) & this.mask;
      while (this.lines[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.lines[i] = lines[j];
      this.values[i] = values[j];
    }
  }
}

/** A growable list of int32 tuples of a fixed width (e.g. line, first line, length for each duplicate found). */
export class IntTuples {
  private data: Int32Array;
  length = 0;
  constructor(readonly width: number) {
    this.data = new Int32Array(width * 64);
  }
  push(...values: number[]): void {
    if ((this.length + 1) * this.width > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set(values, this.length * this.width);
    this.length++;
  }
  get(index: number, field: number): number {
    return this.data[index * this.width + field];
  }
}
