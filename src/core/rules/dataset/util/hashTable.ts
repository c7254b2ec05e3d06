/**
 * Compact indexes for the streaming (CLI) pass of the duplicate rules, where records are only added and
 * lines never move. Open addressing with linear probing over typed arrays: no object, Map entry or boxed
 * number per record, so a million records cost a few megabytes instead of hundreds. Capacities are not
 * powers of two (a hash is mapped onto [0, capacity) by multiplication), so a table can be sized to the
 * expected record count once, and otherwise grows by half when it is 80 % full.
 */

export const MAX_LOAD = 0.8;
const GROWTH = 1.5;

/** Maps a 32-bit hash onto [0, capacity). */
export function slotFor(hash: number, capacity: number): number {
  return Math.min(capacity - 1, Math.floor(((hash >>> 0) / 4294967296) * capacity));
}

/** The capacity that holds `entries` at most MAX_LOAD full. */
export function capacityFor(entries: number): number {
  return Math.max(16, Math.ceil(entries / MAX_LOAD) + 1);
}

export function grownCapacity(capacity: number): number {
  return Math.ceil(capacity * GROWTH);
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * 64-bit key (two 32-bit halves) -> the first line it was seen on, and optionally one 32-bit value stored
 * with it. 12 bytes a slot (16 with values), interleaved in one array (hi, lo, line + 1[, value]): a probe
 * touches one cache line, not one in each of three or four arrays (a lookup at a random slot is a cache miss).
 */
export class FirstSeenTable {
  /** per slot: hi, lo, line + 1 (0 marks an empty slot)[, value] */
  private slots: Uint32Array;
  private readonly width: number;
  size = 0;

  /** `expected`: records the table should hold without growing. */
  constructor(expected = 1000, withValues = false) {
    this.width = withValues ? 4 : 3;
    this.slots = new Uint32Array(capacityFor(expected) * this.width);
  }

  get capacity(): number {
    return this.slots.length / this.width;
  }

  /**
   * Looks the key up; when absent, stores it with `line` and `value` and returns -1. When present, returns
   * its slot (read `lineAt` / `valueAt`), leaving the first line and value as they were.
   */
  firstOrAdd(hi: number, lo: number, line: number, value = 0): number {
    hi >>>= 0;
    lo >>>= 0;
    const t = this.slots;
    const w = this.width;
    const cap = t.length / w;
    let i = slotFor(mix(lo ^ Math.imul(hi, 0x9e3779b1)), cap);
    for (let at = i * w; t[at + 2] !== 0; at = i * w) {
      if (t[at] === hi && t[at + 1] === lo) return i;
      if (++i === cap) i = 0;
    }
    const at = i * w;
    t[at] = hi;
    t[at + 1] = lo;
    t[at + 2] = line + 1;
    if (w === 4) t[at + 3] = value;
    if (++this.size > cap * MAX_LOAD) this.grow();
    return -1;
  }

  lineAt(slot: number): number {
    return this.slots[slot * this.width + 2] - 1;
  }

  valueAt(slot: number): number {
    return this.width === 4 ? this.slots[slot * 4 + 3] : 0;
  }

  private grow(): void {
    const old = this.slots;
    const w = this.width;
    const cap = grownCapacity(old.length / w);
    const t = new Uint32Array(cap * w);
    for (let j = 0; j < old.length; j += w) {
      if (old[j + 2] === 0) continue;
      let i = slotFor(mix(old[j + 1] ^ Math.imul(old[j], 0x9e3779b1)), cap);
      while (t[i * w + 2] !== 0) if (++i === cap) i = 0;
      t.set(old.subarray(j, j + w), i * w);
    }
    this.slots = t;
  }
}

/** A growable list of int32 tuples of a fixed width (e.g. line, first line, length for each duplicate found). */
export class IntTuples {
  private data: Int32Array;
  length = 0;
  constructor(readonly width: number) {
    this.data = new Int32Array(width * 64);
  }
  push(a: number, b = 0, c = 0): void {
    if ((this.length + 1) * this.width > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = this.length * this.width;
    this.data[at] = a;
    if (this.width > 1) this.data[at + 1] = b;
    if (this.width > 2) this.data[at + 2] = c;
    this.length++;
  }
  get(index: number, field: number): number {
    return this.data[index * this.width + field];
  }
}
