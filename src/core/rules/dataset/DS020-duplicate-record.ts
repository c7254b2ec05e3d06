import type { FileRule, FileRuleState, FindingDraft } from '../../types';
import { HASH64, hash64, hash64Begin, hash64End, hash64Words, lanes53 } from '../../jsonl/hash';
import { Groups } from './util/groups';
import { FirstSeenTable, IntTuples } from './util/hashTable';
import { deleteLine } from './util/text';

export const duplicateRecord: FileRule = {
  id: 'DS020',
  name: 'duplicate-record',
  description: 'The same record appears more than once (top-level key order, spacing and escapes ignored).',
  tags: ['quality', 'duplicates'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'Exact duplicates are over-weighted in training and a common cause of memorisation; they also inflate evaluation scores when they cross a train/eval split.',
    bad: ['{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"input": "", "instruction": "Say hi", "output": "Hi!"}'],
    good: ['{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"instruction": "Say bye", "input": "", "output": "Bye!"}'],
  },
  scope: 'file',
  create(env) {
    if (env.streaming) return streamingIndex(env.expectedRecords);
    const groups = new Groups();
    return {
      add(entry) {
        hashRecord(entry.value as Record<string, unknown>);
        groups.add(entry, lanes53(), undefined);
      },
      remove(entry) {
        groups.remove(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        for (const key of groups.multi) {
          const [first, ...rest] = groups.members(key).map(([e]) => e);
          for (const e of rest) out.push(finding(e.line, first.line, e.endLine === e.line ? e.text.length : 1, e.endLine));
        }
        return out;
      },
    };
  },
};

/**
 * The record's content hash, into HASH64: top-level keys in sorted order, each with its value — strings as
 * parsed (so spacing and escapes in the line do not matter), other values as JSON.stringify writes them
 * (nested key order is kept: it is rarely reshuffled within a file). Exact up to 64-bit hash collisions.
 * Each key and value is hashed on its own and the parts' hashes are mixed in order: hash64 remembers the
 * last long strings, so DS021, which hashes the same answer string, gets it for free.
 */
function hashRecord(v: Record<string, unknown>): void {
  const keys = sortedKeys(Object.keys(v));
  if (parts.length < keys.length * 5) parts = new Uint32Array(keys.length * 10);
  let n = 0;
  for (const k of keys) {
    const x = v[k];
    hash64(k);
    parts[n++] = HASH64[0];
    parts[n++] = HASH64[1];
    // a tag tells a string from the same text as a JSON value
    hash64(typeof x === 'string' ? x : JSON.stringify(x) ?? '');
    parts[n++] = HASH64[0];
    parts[n++] = HASH64[1];
    parts[n++] = typeof x === 'string' ? 1 : 2;
  }
  hash64Begin();
  for (let i = 0; i + 1 < n; i += 2) hash64Words(parts[i], parts[i + 1]);
  if (n % 2) hash64Words(parts[n - 1], n);
  hash64End();
}
let parts = new Uint32Array(64);

// the last record's keys as written and sorted: records of a file mostly share their keys in one order, so
// the sort (a comparison per key pair) is done once for each new order
let lastKeys: string[] = [];
let lastSorted: string[] = [];

/** The keys in sorted order (the array itself when already sorted). */
function sortedKeys(keys: string[]): string[] {
  if (keys.length === lastKeys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = keys[i] === lastKeys[i];
    if (same) return lastSorted;
  }
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
  lastKeys = keys;
  lastSorted = sorted ? keys : [...keys].sort();
  return lastSorted;
}

function finding(line: number, first: number, endColumn: number, endLine = line): FindingDraft {
  return {
    message: `duplicate of the record on line ${first + 1}`,
    line, startColumn: 0, endLine, endColumn,
    related: [{ message: 'first copy', line: first }],
    fix: deleteLine(line, 'Delete this duplicate record'),
  };
}

/** Streaming: a 64-bit content hash -> first line table (12 bytes a slot); only the duplicates are listed. */
function streamingIndex(expected: number | undefined): FileRuleState {
  // sized once for the file's records (with room for a 10 % misestimate), else it grows
  const seen = new FirstSeenTable(expected ? expected * 1.1 : undefined);
  const dups = new IntTuples(3); // line, first line, line length
  return {
    add(entry) {
      hashRecord(entry.value as Record<string, unknown>);
      const slot = seen.firstOrAdd(HASH64[0], HASH64[1], entry.line);
      if (slot >= 0) dups.push(entry.line, seen.lineAt(slot), entry.text.length);
    },
    remove() {
      throw new Error('a streaming index cannot remove records');
    },
    findings() {
      const out: FindingDraft[] = [];
      for (let i = 0; i < dups.length; i++) out.push(finding(dups.get(i, 0), dups.get(i, 1), dups.get(i, 2)));
      return out;
    },
  };
}
