/** `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. */
import type { FileReport } from './json';
import { allRules } from '../../core/rules/index';

export const REPOSITORY = 'https://github.com/instruct-studio/instruct-studio';

export function formatSarif(reports: FileReport[], version = '0.1.0'): string {
  const used = new Set(reports.flatMap((r) => r.result.findings.map((f) => f.ruleId)));
  const rules = allRules.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'instruct-lint',
          informationUri: REPOSITORY,
          version,
          rules: rules.map((r) => ({
            id: r.id,
            name: r.name,
            shortDescription: { text: r.description },
            fullDescription: { text: r.docs.rationale },
            helpUri: `${REPOSITORY}/blob/main/docs/rules/${r.id}.md`,
            defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : level[r.defaultSeverity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: reports.flatMap((r) => r.result.findings.map((f) => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: level[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.path.split('\\').join('/') },
            region: { startLine: f.line + 1, startColumn: f.startColumn + 1, endLine: f.endLine + 1, endColumn: f.endColumn + 1 },
          },
        }],
      }))),
    }],
  }, null, 2) + '\n';
}
