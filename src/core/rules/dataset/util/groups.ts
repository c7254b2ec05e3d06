import type { RecordEntry } from '../../../types';

/**
 * Records grouped by a key, with the set of keys that hold two or more records kept up to date, so
 * findings() costs the size of the duplicate groups, not of the file. Memory per record is one map
 * slot: a group of one is stored as the bare member (most groups), larger groups as a Map.
 */
type Member<V> = { entry: RecordEntry; value: V };

export class Groups<V = undefined> {
  private byKey = new Map<string, Member<V> | Map<RecordEntry, V>>();
  private keyOf = new Map<RecordEntry, string>();
  readonly multi = new Set<string>();

  add(entry: RecordEntry, key: string, value: V): void {
    const g = this.byKey.get(key);
    if (!g) this.byKey.set(key, { entry, value });
    else if (g instanceof Map) g.set(entry, value);
    else {
      this.byKey.set(key, new Map([[g.entry, g.value], [entry, value]]));
      this.multi.add(key);
    }
    this.keyOf.set(entry, key);
  }

  remove(entry: RecordEntry): void {
    const key = this.keyOf.get(entry);
    if (key === undefined) return;
    this.keyOf.delete(entry);
    const g = this.byKey.get(key)!;
    if (!(g instanceof Map)) {
      this.byKey.delete(key);
      return;
    }
    g.delete(entry);
    if (g.size === 1) {
      const [[e, v]] = g;
      this.byKey.set(key, { entry: e, value: v });
      this.multi.delete(key);
    }
  }

  /** The members of a group, sorted by line. */
  members(key: string): [RecordEntry, V][] {
    const g = this.byKey.get(key);
    if (!g) return [];
    if (!(g instanceof Map)) return [[g.entry, g.value]];
    return [...g].sort((a, b) => a[0].line - b[0].line);
  }
}
