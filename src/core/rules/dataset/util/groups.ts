import type { RecordEntry } from '../../../types';

/**
 * Records grouped by a key, with the set of keys that hold two or more records kept up to date, so
 * findings() costs the size of the duplicate groups, not of the file. Stores entries by reference
 * (the engine keeps entry.line current) and nothing else of the record.
 */
export class Groups<V = undefined> {
  private byKey = new Map<string, Map<RecordEntry, V>>();
  private keyOf = new Map<RecordEntry, string>();
  readonly multi = new Set<string>();

  add(entry: RecordEntry, key: string, value: V): void {
    let g = this.byKey.get(key);
    if (!g) this.byKey.set(key, (g = new Map()));
    g.set(entry, value);
    this.keyOf.set(entry, key);
    if (g.size >= 2) this.multi.add(key);
  }

  remove(entry: RecordEntry): void {
    const key = this.keyOf.get(entry);
    if (key === undefined) return;
    this.keyOf.delete(entry);
    const g = this.byKey.get(key)!;
    g.delete(entry);
    if (g.size < 2) this.multi.delete(key);
    if (!g.size) this.byKey.delete(key);
  }

  /** The members of a group, sorted by line. */
  members(key: string): [RecordEntry, V][] {
    return [...(this.byKey.get(key) ?? [])].sort((a, b) => a[0].line - b[0].line);
  }
}
