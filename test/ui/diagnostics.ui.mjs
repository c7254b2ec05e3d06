// Live diagnostics in the real workbench: the squiggle and its hover, the Problems panel entry, the
// status bar item, and a quick fix applied from the Quick Fix menu (Ctrl+.).
const expectText = (actual, expected, what) => {
  if (!actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
};

export default [
  {
    name: 'a misspelt key is squiggled, explained on hover, listed in Problems, and fixed from the Quick Fix menu',
    run: async (ui) => {
      ui.writeFile('typos.jsonl', [
        '{"instruction": "Give three tips for staying healthy.", "input": "", "output": "Eat well, move, sleep."}',
        '{"instuction": "Name a prime number.", "input": "", "output": "7"}',
        '{"instruction": "What is 3 times 4?", "input": "", "output": "3 * 4 = 12. The answer is 12."}',
        '',
      ].join('\n'));
      // the Explorer notices new files through a file watcher that can be slow: refresh it
      await ui.runCommand('Refresh Explorer');
      await ui.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'typos.jsonl' }).waitFor({ timeout: 15_000 });
      await ui.openFile('typos.jsonl');
      expectText(await ui.waitForProblem('did you mean "instruction"'), 'unknown key "instuction"', 'Problems panel');
      await ui.page.locator('.squiggly-warning').first().waitFor({ timeout: 15_000 });
      expectText(await ui.hover('"instuction"'), 'did you mean "instruction"?', 'hover on the key');
      await ui.screenshot('diagnostics-hover');
      const status = await (await ui.statusBarItem('records')).innerText();
      expectText(status, 'Alpaca · 3 records', 'status bar');
      // the cursor is on the key after the hover: open the Quick Fix menu and pick the rename
      await ui.page.keyboard.press('Escape');
      await ui.page.locator('.view-line', { hasText: '"instuction"' }).first().click();
      await ui.page.keyboard.press('Control+.');
      const item = ui.page.locator('.action-widget .monaco-list-row', { hasText: 'Rename "instuction" to "instruction"' });
      await item.waitFor({ timeout: 15_000 });
      await ui.screenshot('diagnostics-quickfix');
      // the preferred fix is focused in the menu: Enter applies it, as a user would
      if (!(await item.getAttribute('class')).includes('focused')) throw new Error('the rename is not the preferred (focused) fix');
      await ui.page.keyboard.press('Enter');
      await ui.page.locator('.view-line', { hasText: '{"instruction": "Name a prime number."' }).waitFor({ timeout: 15_000 });
      await ui.page.locator('.squiggly-warning').first().waitFor({ state: 'detached', timeout: 15_000 });
      await ui.screenshot('diagnostics-fixed');
    },
  },
];
