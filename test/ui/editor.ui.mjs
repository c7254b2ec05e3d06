// The dataset editor in the real workbench: open a dataset in it from the command palette, select a record in
// the table, edit its multi-line answer in the form, see the document get dirty, undo with Ctrl+Z inside the
// webview (VS Code's undo), save with Ctrl+S. Screenshots of the table and the form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../harness/paths.mjs';

const expectText = (actual, expected, what) => {
  if (!actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
};
const FIXTURE = readFileSync(join(REPO, 'test', 'fixtures', 'editor', 'gsm8k-sample.jsonl'), 'utf8');
const CHAT = readFileSync(join(REPO, 'test', 'fixtures', 'editor', 'chat-sample.jsonl'), 'utf8');

export default [
  {
    name: 'a dataset opens in the dataset editor: table with format columns, problem badges and a broken line',
    run: async (ui) => {
      ui.writeFile('math.jsonl', FIXTURE);
      await ui.runCommand('Refresh Explorer');
      await ui.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'math.jsonl' }).waitFor({ timeout: 15_000 });
      await ui.openFile('math.jsonl');
      await ui.runCommand('Instruct Studio: Open in Dataset Editor');
      const view = ui.webview();
      await view.locator('.row[data-line="0"]').waitFor({ timeout: 30_000 });
      expectText(await view.locator('.thead').innerText(), 'Question', 'table header');
      expectText(await view.locator('.row[data-line="5"]').innerText(), 'How many legs', 'broken line shown as raw text');
      if (!(await view.locator('.row.broken[data-line="5"]').count())) throw new Error('line 6 is not shown as a broken row');
      await view.locator('.badge.error').first().waitFor({ timeout: 20_000 });
      await view.locator('.row[data-line="10"]').click();
      await view.locator('.form-head h2', { hasText: 'Line 11' }).waitFor({ timeout: 15_000 });
      // keyboard: the table has focus after a click; arrows move the selection, Enter goes to the form
      await ui.page.keyboard.press('ArrowDown');
      await view.locator('.form-head h2', { hasText: 'Line 12' }).waitFor({ timeout: 15_000 });
      await ui.page.keyboard.press('ArrowUp');
      await view.locator('.form-head h2', { hasText: 'Line 11' }).waitFor({ timeout: 15_000 });
      await ui.page.keyboard.press('Enter');
      await view.locator('.form textarea:focus').waitFor({ timeout: 15_000 });
      await view.locator('body').evaluate(() => document.fonts.ready);
      await ui.screenshot('editor-table');
    },
  },
  {
    name: 'editing the answer in the form changes exactly one line; Ctrl+Z in the webview undoes it; Ctrl+S saves',
    run: async (ui) => {
      const view = ui.webview();
      await view.locator('.row[data-line="0"]').click();
      await view.locator('.form-head h2', { hasText: 'Line 1' }).waitFor({ timeout: 15_000 });
      const answer = view.locator('.form textarea[aria-label^="Answer"]');
      await answer.waitFor({ timeout: 15_000 });
      expectText(await answer.inputValue(), 'With the pen she spends', 'answer field shows real line breaks');
      // one input event = one edit (typing slowly makes one undo step per pause, like the text editor)
      await answer.click();
      await answer.fill(`${await answer.inputValue()}\nChecked: 14 dollars in total.`);
      await ui.page.locator('.tab.active.dirty').waitFor({ timeout: 15_000 });
      await view.locator('.row[data-line="0"]', { hasText: 'Checked: 14 dollars' }).waitFor({ timeout: 15_000 });
      await view.locator('body').evaluate(() => document.fonts.ready);
      await ui.screenshot('editor-form');
      await answer.press('Control+z');
      await view.locator('.row[data-line="0"]', { hasText: 'Checked' }).waitFor({ state: 'detached', timeout: 15_000 });
      if ((await answer.inputValue()).includes('Checked')) throw new Error('the form still shows the undone text');
      await answer.press('Control+s');
      await ui.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
      // the tab's dirty mark can clear a moment before the server has written the file: poll the disk briefly
      let saved = '';
      for (let i = 0; i < 50 && saved !== FIXTURE; i++) {
        saved = readFileSync(join(ui.vs.ws, 'math.jsonl'), 'utf8');
        if (saved !== FIXTURE) await new Promise((r) => setTimeout(r, 200));
      }
      if (saved !== FIXTURE) {
        const a = saved.split('\n'), b = FIXTURE.split('\n');
        const at = a.findIndex((l, i) => l !== b[i]);
        throw new Error(`after undo and save the file differs from the original at line ${at + 1}: ${JSON.stringify(a[at])?.slice(0, 200)}`);
      }
    },
  },
  {
    name: 'a chat dataset shows first user / last assistant turn columns and edits turns with role pickers',
    run: async (ui) => {
      await ui.runCommand('View: Close All Editors');
      // the previous editor's webview must be gone, so ui.webview() finds the new one
      await ui.page.waitForFunction(() => document.querySelectorAll('iframe.webview').length === 0, undefined, { timeout: 15_000 });
      ui.writeFile('chats.jsonl', CHAT);
      await ui.runCommand('Refresh Explorer');
      await ui.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'chats.jsonl' }).waitFor({ timeout: 15_000 });
      await ui.openFile('chats.jsonl');
      await ui.page.locator('.tab.active', { hasText: 'chats.jsonl' }).waitFor({ timeout: 15_000 });
      await ui.runCommand('Instruct Studio: Open in Dataset Editor');
      const view = ui.webview();
      await view.locator('.row[data-line="0"]').waitFor({ timeout: 30_000 });
      expectText(await view.locator('.thead').innerText(), 'Last assistant turn', 'table header');
      await view.locator('.row[data-line="0"]').click();
      await view.locator('.turn').nth(4).waitFor({ timeout: 15_000 });
      const roles = await view.locator('.turn vscode-single-select').count();
      if (roles !== 5) throw new Error(`expected 5 role pickers, found ${roles}`);
      await view.locator('body').evaluate(() => document.fonts.ready);
      await ui.screenshot('editor-chat');
    },
  },
  {
    name: '"only records with problems" filters the table; the record form shows the problem next to its turn',
    run: async (ui) => {
      const view = ui.webview();
      await view.locator('.badge.error').first().waitFor({ timeout: 20_000 });
      await view.locator('vscode-checkbox').click();
      await view.locator('.status', { hasText: '1 matching' }).waitFor({ timeout: 15_000 });
      await view.locator('.row[data-line="5"]').click();
      await view.locator('.form .diag.error').first().waitFor({ timeout: 15_000 });
      if ((await view.locator('.row').count()) !== 1) throw new Error('the filter kept more than the record with a problem');
      await view.locator('body').evaluate(() => document.fonts.ready);
      await ui.screenshot('editor-problems');
    },
  },
  {
    name: 'after the webview reloads, the filter and the selected record come back',
    run: async (ui) => {
      const view = ui.webview();
      // a mark in the old page: gone once the webview has really reloaded
      await view.locator('body').evaluate((b) => b.setAttribute('data-before-reload', '1'));
      await ui.runCommand('Developer: Reload Webviews');
      await view.locator('body:not([data-before-reload]) .form-head').waitFor({ timeout: 30_000 });
      await view.locator('.form-head h2', { hasText: 'Line 6' }).waitFor({ timeout: 30_000 });
      await view.locator('.status', { hasText: '1 matching' }).waitFor({ timeout: 15_000 });
      if (!(await view.locator('vscode-checkbox[checked]').count()) && !(await view.locator('vscode-checkbox').evaluate((e) => e.checked))) throw new Error('the problems filter box is not restored');
    },
  },
  {
    name: 'in the High Contrast theme the selected record and the form fields have contrast borders',
    run: async (ui) => {
      const view = ui.webview();
      // the workspace settings file is watched: the theme switches live, as when picked from "Color Theme"
      ui.writeFile('.vscode/settings.json', JSON.stringify({ 'workbench.colorTheme': 'Default High Contrast' }));
      await view.locator('body.vscode-high-contrast').waitFor({ timeout: 15_000 });
      await view.locator('.row[data-line="5"]').click();
      // rows are re-rendered as the table scrolls or refreshes: read the style of the row once it is stable
      const selected = view.locator('.row.selected[data-line="5"]');
      await selected.waitFor({ timeout: 15_000 });
      let border = '';
      for (let i = 0; i < 25 && !border; i++) {
        border = await selected.evaluate((e) => (e.isConnected ? getComputedStyle(e).borderTopColor : '')).catch(() => '');
        if (!border) await new Promise((r) => setTimeout(r, 200));
      }
      const bg = await view.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor);
      if (!border || border === 'rgba(0, 0, 0, 0)' || border === bg) throw new Error(`the selected row has no visible border in high contrast (${border} on ${bg})`);
      const field = await view.locator('.form textarea').first().evaluate((e) => getComputedStyle(e).borderTopColor);
      if (!field || field === 'rgba(0, 0, 0, 0)' || field === bg) throw new Error(`a form field has no visible border in high contrast (${field})`);
      await view.locator('body').evaluate(() => document.fonts.ready);
      await ui.screenshot('editor-high-contrast');
    },
  },
];
