/** `--format text`: grouped by file like eslint's stylish; colours only on a terminal. */
import type { FileReport } from './json';
import { summarize } from './json';
import { getFormat } from '../../core/formats/registry';

export function formatText(reports: FileReport[], colour: boolean, quiet = false): string {
  const c = (code: number, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const dim = (s: string) => c(2, s);
  const out: string[] = [];
  for (const r of reports) {
    const findings = quiet ? r.result.findings.filter((f) => f.severity === 'error') : r.result.findings;
    const format = r.result.format ? getFormat(r.result.format)?.label ?? r.result.format : 'unknown format';
    const mixed = r.result.detection.mixed ? ', mixed formats' : '';
    if (!findings.length) {
      if (!quiet) out.push(`${c(4, r.path)} ${dim(`(${format}${mixed}, ${r.result.records.toLocaleString('en-US')} records)`)} ${c(32, '✔')}`);
      continue;
    }
    out.push(`${c(4, r.path)} ${dim(`(${format}${mixed}, ${r.result.records.toLocaleString('en-US')} records)`)}`);
    for (const f of findings) {
      const pos = `${f.line + 1}:${f.startColumn + 1}`.padEnd(9);
      const sev = f.severity === 'error' ? c(31, 'error  ') : f.severity === 'warning' ? c(33, 'warning') : c(36, 'info   ');
      out.push(`  ${dim(pos)} ${sev}  ${f.message}  ${dim(`${f.ruleId} ${f.ruleName}`)}`);
    }
    out.push('');
  }
  const s = summarize(reports);
  const total = s.errors + s.warnings + s.infos;
  if (total) {
    out.push(c(s.errors ? 31 : 33, `✖ ${total} problem${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info${s.infos === 1 ? '' : 's'}) in ${s.files} file${s.files === 1 ? '' : 's'}, ${s.records.toLocaleString('en-US')} records`));
  } else {
    out.push(c(32, `✔ no problems in ${s.files} file${s.files === 1 ? '' : 's'}, ${s.records.toLocaleString('en-US')} records`));
  }
  return out.join('\n') + '\n';
}
