/**
 * The records of a dataset file for `render` and `eval`: JSONL streamed line by line (memory does not
 * grow with the file), a .json array, or a .json file holding one record. Each record carries its 1-based record number and line.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { readLines } from '../core/jsonl/readLines';
import { parseJsonArrayFile } from '../core/jsonl/jsonArray';
import { parseRecord } from '../core/jsonl/parseRecord';
import { evalRecordOfLine } from '../core/eval/records';
import type { EvalRecord } from '../core/eval/types';

export interface DatasetRecord extends EvalRecord {
  /** 1-based position among the file's records (blank lines are not records). */
  index: number;
}

/** A problem with the file as a whole (missing, unreadable, not a JSON array): exit 2. */
export class DatasetFileError extends Error {}

export async function checkReadable(file: string, shown: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DatasetFileError(code === 'ENOENT' ? `no such file: ${shown}` : `cannot read ${shown}: ${code ?? String(e)}`);
  }
  if (stat.isDirectory()) throw new DatasetFileError(`${shown} is a folder: give one dataset file`);
}

export async function* datasetRecords(file: string, shown: string): AsyncGenerator<DatasetRecord> {
  await checkReadable(file, shown);
  if (/\.json$/i.test(file)) {
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseJsonArrayFile(text);
    if (!parsed) {
      // one record, pretty-printed (a fixture, an example): record 1
      const one = parseRecord(text.replace(/^\uFEFF/, ''));
      if (one.ok && typeof one.value === 'object' && one.value !== null) {
        yield { index: 1, line: 1, value: one.value };
        return;
      }
      throw new DatasetFileError(`${shown} is neither a JSON array of records nor one JSON object${one.ok ? '' : ` (${one.error.message})`}; use .jsonl for one record per line`);
    }
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      throw new DatasetFileError(`${shown}:${e.line + 1}:${e.startColumn + 1}: ${e.message}`);
    }
    let index = 0;
    for (const r of parsed.records) yield { index: ++index, line: r.line + 1, value: r.value };
    return;
  }
  let n = 0;
  let index = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const text of readLines(stream)) {
      n++;
      if (text.trim()) yield { ...evalRecordOfLine(text, n), index: ++index };
    }
  } catch (e) {
    throw new DatasetFileError(`cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`);
  } finally {
    stream.destroy();
  }
}
