/** Reads the evaluation files named by `evalFiles` (config) or --eval, once per run, for rule DS023. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { splitLines } from '../core/jsonl/lines';
import { parseRecord } from '../core/jsonl/parseRecord';
import { parseJsonArrayFile } from '../core/jsonl/jsonArray';
import { detectFormat } from '../core/formats/detect';
import { getFormat } from '../core/formats/registry';
import type { FileRuleEnv, TextField } from '../core/types';
import { hashText } from '../core/jsonl/hash';

type EvalRecord = { path: string; line: number; value: unknown; hash: string; textFields: TextField[] };

export async function loadEvalRecords(patterns: string[], baseDir: string): Promise<FileRuleEnv['evalRecords']> {
  if (!patterns.length) return undefined;
  const files = await glob(patterns, { cwd: baseDir, absolute: true, ignore: ['**/node_modules/**'] });
  const records: EvalRecord[] = [];
  for (const file of files.sort()) {
    const text = await fs.readFile(file, 'utf8');
    const parsed: { line: number; value: unknown; text: string }[] = [];
    const arr = /\.json$/i.test(file) ? parseJsonArrayFile(text) : undefined;
    if (arr) parsed.push(...arr.records);
    else splitLines(text).lines.forEach((t, line) => { const p = t.trim() ? parseRecord(t) : undefined; if (p?.ok) parsed.push({ line, value: p.value, text: t }); });
    const format = getFormat(detectFormat(parsed.slice(0, 200).map((p) => p.value)).format ?? '');
    for (const p of parsed) {
      const fields = format && p.value && typeof p.value === 'object' ? format.textFields(p.value) : [];
      records.push({ path: path.relative(baseDir, file) || file, line: p.line, value: p.value, hash: hashText(p.text), textFields: fields });
    }
  }
  return () => records;
}
