import type { RecordEntry } from '../../../types';

/**
 * Records grouped by a numeric key, with the set of keys that hold two or more records kept up to date, so
 * findings() costs the size of the duplicate groups, not of the file.
 * - Incremental (the editor): members are entry references (the engine keeps entry.line current); the key and
 *   value sit on the entry under a private symbol, so removal needs no second map.
 * - Streaming (the CLI): records are only added and lines never move, so a member is just its line number and
 *   the file's records are not kept alive — one map slot (a number) per record.
 */
interface Slot<V> {
  key: number;
  value: V;
}

type Member = RecordEntry | number;

export class Groups<V = undefined> {
  private byKey = new Map<number, Member | Member[]>();
  private readonly slot = Symbol('group');
  /** Streaming: values by line (only kept for records that have one). */
  private values = new Map<number, V>();
  readonly multi = new Set<number>();

  constructor(private readonly streaming = false) {}

  add(entry: RecordEntry, key: number, value: V): void {
    let member: Member = entry;
    if (this.streaming) {
      member = entry.line;
      if (value !== undefined) this.values.set(entry.line, value);
    } else (entry as unknown as Record<symbol, Slot<V>>)[this.slot] = { key, value };
    const g = this.byKey.get(key);
    if (g === undefined) this.byKey.set(key, member);
    else if (Array.isArray(g)) g.push(member);
    else {
      this.byKey.set(key, [g, member]);
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

  /** The members of a group (entries, or {line} stand-ins when streaming) with their values, sorted by line. */
  members(key: number): [RecordEntry, V][] {
    const g = this.byKey.get(key);
    if (g === undefined) return [];
    const list = Array.isArray(g) ? g : [g];
    const out: [RecordEntry, V][] = list.map((m) =>
      typeof m === 'number'
        ? [{ line: m, endLine: m, text: '', value: undefined, hash: '' }, this.values.get(m) as V]
        : [m, (m as unknown as Record<symbol, Slot<V>>)[this.slot].value]);
    return out.sort((a, b) => a[0].line - b[0].line);
  }
}
