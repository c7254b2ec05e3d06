// Smoke test of the workbench with the extension loaded, and of the UI helpers themselves (lib.mjs) on built-in
// features, so a broken helper shows up here rather than in a feature's UI test.
const expectText = (actual, expected, what) => {
  if (!actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
};

export default [
  {
    name: 'a .jsonl file opens from the Explorer as JSON Lines',
    run: async (ui) => {
      await ui.openFile('alpaca.jsonl');
      const [first] = await ui.editorLines();
      expectText(first, '"instruction": "Give three tips for staying healthy."', 'first line of the editor');
      await ui.statusBarItem('JSON Lines');
      await ui.screenshot('smoke-jsonl');
    },
  },
  {
    name: 'the command palette runs a command',
    run: async (ui) => {
      await ui.runCommand('File: New Untitled Text File');
      await ui.page.locator('.tab.active', { hasText: 'Untitled-1' }).waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'a diagnostic shows in the Problems panel and in the editor hover',
    run: async (ui) => {
      ui.writeFile('broken.json', '{"a": 1 "b": 2}\n');
      await ui.openFile('broken.json');
      expectText(await ui.waitForProblem('Expected comma'), 'Expected comma', 'Problems panel');
      expectText(await ui.hover('"b"'), 'Expected comma', 'hover on the error');
      await ui.screenshot('smoke-problems');
    },
  },
  {
    name: 'a webview shows its content (Markdown preview)',
    run: async (ui) => {
      ui.writeFile('notes.md', '# Dataset notes\n\nThree records, one per line.\n');
      await ui.openFile('notes.md');
      await ui.runCommand('Markdown: Open Preview');
      const heading = ui.webview().locator('h1');
      await heading.waitFor({ timeout: 30_000 });
      expectText(await heading.innerText(), 'Dataset notes', 'preview heading');
      await ui.screenshot('smoke-webview');
    },
  },
];
