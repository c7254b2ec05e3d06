import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test/ui/screenshots/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } } },
  // CommonJS: the bin scripts, .cjs files, and test fixture extensions (VS Code requires their main file)
  { files: ['bin/**/*.js', '**/*.cjs', 'test/fixtures/**/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' }, languageOptions: { globals: { exports: 'writable' } } },
  // UI tests pass functions to page.evaluate(), which run in the workbench page: browser globals
  { files: ['test/ui/**/*.mjs'], languageOptions: { globals: { window: 'readonly', document: 'readonly', getComputedStyle: 'readonly', HTMLElement: 'readonly' } } },
  // core stays pure: no vscode, no DOM
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] } },
);
