import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReport, type ReportOptions } from '../../../src/core/report/report';
import { loadLanguageDetector } from '../../../src/core/report/language';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'report');

export async function reportOf(file: string, options: ReportOptions = {}) {
  const b = createReport({ detectLanguage: await loadLanguageDetector(), ...options });
  for (const line of readFileSync(join(FIXTURES, file), 'utf8').split('\n')) b.pushLine(line);
  return b.finish();
}
