import type { RecordEntry } from '../../../types';

/**
 * Records grouped by a numeric key, with the set of keys that hold two or more records kept up to date, so
 * findings() costs the size of the duplicate groups, not of the file. Used by the incremental linter (the
 * editor): members are entry references (the engine keeps entry.line current); the key and value sit on the
 * entry under a private symbol, so removal needs no second map. The CLI's streaming pass uses the typed-array
 * tables of hashTable.ts instead.
 */
interface Slot<V> {
  key: number;
  value: V;
}

export class Groups<V = undefined> {
  private byKey = new Map<number, RecordEntry | RecordEntry[]>();
  private readonly slot = Symbol('group');
  readonly multi = new Set<number>();

  add(entry: RecordEntry, key: number, value: V): void {
    (entry as unknown as Record<symbol, Slot<V>>)[this.slot] = { key, value };
    const g = this.byKey.get(key);
    if (g === undefined) this.byKey.set(key, entry);
    else if (Array.isArray(g)) g.push(entry);
    else {
      this.byKey.set(key, [g, entry]);
      this.multi.add(key);
    }
  }

  remove(entry: RecordEntry): void {
    const s = (entry as unknown as Record<symbol, Slot<V> | undefined>)[this.slot];
    if (!s) return;
    delete (entry as unknown as Record<symbol, unknown>)[this.slot];
    const g = this.byKey.get(s.key);
    if (g === entry) this.byKey.delete(s.key);
    else if (Array.isArray(g)) {
      const rest = g.filter((e) => e !== entry);
      if (rest.length === 1) {
        this.byKey.set(s.key, rest[0]);
        this.multi.delete(s.key);
      } else this.byKey.set(s.key, rest);
    }
  }

  /** The members of a group with their values, sorted by line. */
  members(key: number): [RecordEntry, V][] {
    const g = this.byKey.get(key);
    if (g === undefined) return [];
    const list = Array.isArray(g) ? g : [g];
    return list.map((m): [RecordEntry, V] => [m, (m as unknown as Record<symbol, Slot<V>>)[this.slot].value]).sort((a, b) => a[0].line - b[0].line);
  }
}
