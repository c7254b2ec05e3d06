/**
 * .instructlint.jsonc discovery and merging, shared by the CLI and the extension. Pure: file access goes
 * through the `read` function the caller passes (node fs in the CLI, workspace.fs in VS Code).
 * Search: from the file's folder upwards until a config with `"root": true`, the `stopAt` folder, or the
 * filesystem root; the nearest config wins. Its `overrides` whose globs (relative to the config's
 * folder) match the file are applied in order.
 */
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { LintConfig, RuleSetting } from '../types';
import { allRules } from '../rules/index';

export const CONFIG_FILE = '.instructlint.jsonc';

export type ReadFile = (absolutePath: string) => Promise<string | undefined>;

export interface ResolvedConfig {
  config: LintConfig;
  userSchema?: Record<string, unknown>;
  configPath?: string;
}

export class ConfigError extends Error {
  constructor(message: string, readonly configPath: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** Line/column (1-based) of an offset, for messages about the config file itself. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function checkRules(rules: Record<string, RuleSetting> | undefined, file: string, at: string): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (!allRules.some((r) => r.id === id || r.name === id)) throw new ConfigError(`${file}: ${at}.${id}: unknown rule (see docs/rules/README.md for the list)`, file);
    const level = Array.isArray(setting) ? setting[0] : setting;
    if (!LEVELS.has(String(level))) throw new ConfigError(`${file}: ${at}.${id}: "${String(level)}" is not a level (use "error", "warning", "info" or "off")`, file);
  }
}

/** Parses one config file's text; throws ConfigError with a located message. */
export function parseConfig(text: string, file: string): LintConfig & { root?: boolean } {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new ConfigError(`${file}:${where(text, errors[0].offset)}: ${printParseErrorCode(errors[0].error)}`, file);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${file}: the config must be a JSON object`, file);
  const config = value as LintConfig & { root?: boolean };
  checkRules(config.rules, file, 'rules');
  (config.overrides ?? []).forEach((o, i) => {
    if (!o || !Array.isArray(o.files)) throw new ConfigError(`${file}: overrides[${i}].files must be a list of globs`, file);
    checkRules(o.rules, file, `overrides[${i}].rules`);
  });
  return config;
}

/** Applies the overrides of `config` (found in `configDir`) that match `filePath`. */
export function applyOverrides(config: LintConfig, configDir: string, filePath: string): LintConfig {
  const rel = path.relative(configDir, filePath).split(path.sep).join('/');
  let out: LintConfig = { ...config, rules: { ...(config.rules ?? {}) } };
  for (const o of config.overrides ?? []) {
    if (!picomatch(o.files, { dot: true })(rel)) continue;
    out = { ...out, ...(o.format ? { format: o.format } : {}), ...(o.schema ? { schema: o.schema } : {}), rules: { ...(out.rules ?? {}), ...(o.rules ?? {}) } };
  }
  return out;
}

/**
 * The effective config for a file: `base` (e.g. VS Code settings), then the nearest config file, then
 * its matching overrides; the user schema is loaded relative to the config. `explicit` = --config FILE.
 */
export async function resolveConfigForFile(filePath: string, read: ReadFile, options: { base?: LintConfig; explicit?: string; stopAt?: string } = {}): Promise<ResolvedConfig> {
  const base = options.base ?? {};
  let found: { path: string; config: LintConfig } | undefined;
  if (options.explicit) {
    const text = await read(options.explicit);
    if (text === undefined) throw new ConfigError(`cannot read the config file ${options.explicit}`, options.explicit);
    found = { path: options.explicit, config: parseConfig(text, options.explicit) };
  } else {
    let dir = path.dirname(path.resolve(filePath));
    for (;;) {
      const candidate = path.join(dir, CONFIG_FILE);
      const text = await read(candidate);
      if (text !== undefined) {
        found = { path: candidate, config: parseConfig(text, candidate) };
        break;
      }
      if ((options.stopAt && path.resolve(dir) === path.resolve(options.stopAt)) || path.dirname(dir) === dir) break;
      dir = path.dirname(dir);
    }
  }
  if (!found) return { config: base };
  const dir = path.dirname(found.path);
  const merged = applyOverrides({ ...base, ...found.config, rules: { ...(base.rules ?? {}), ...(found.config.rules ?? {}) } }, dir, path.resolve(filePath));
  let userSchema: Record<string, unknown> | undefined;
  if (merged.schema) {
    const schemaPath = path.resolve(dir, merged.schema);
    const text = await read(schemaPath);
    if (text === undefined) throw new ConfigError(`${found.path}: cannot read the schema "${merged.schema}" (${schemaPath})`, found.path);
    try {
      userSchema = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(`${found.path}: the schema "${merged.schema}" is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, found.path);
    }
  }
  return { config: merged, userSchema, configPath: found.path };
}
