// Clock-time arithmetic in the real workbench: a wrong time in a CoT step is squiggled as COT003, explained on
// hover ("9:30 AM + 2 hours 45 minutes is 12:15 PM, not 12:30 PM"), and fixed from the Quick Fix menu.
const expectText = (actual, expected, what) => {
  if (!actual.includes(expected)) throw new Error(`${what}: expected "${expected}" in "${actual}"`);
};

export default [
  {
    name: 'a wrong clock time is squiggled, explained on hover and fixed in the same style from the Quick Fix menu',
    run: async (ui) => {
      ui.writeFile('clock.jsonl', [
        // the rationale first, so the equation is in view without scrolling
        JSON.stringify({ rationale: 'It ends at 9:30 AM + 2 hours 45 minutes = 12:30 PM.', answer: '12:30 PM', question: 'Class starts at 9:30 AM and lasts 2 hours 45 minutes. When does it end?' }),
        JSON.stringify({ rationale: '2 1/2 + 1 3/4 = 4 1/4 cups.', answer: '4 1/4', question: 'A cake needs 2 1/2 cups of flour and 1 3/4 cups of sugar. How many cups?' }),
        '',
      ].join('\n'));
      await ui.runCommand('Refresh Explorer');
      await ui.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'clock.jsonl' }).waitFor({ timeout: 15_000 });
      await ui.openFile('clock.jsonl');
      expectText(await ui.waitForProblem('is 12:15 PM, not 12:30 PM'), '9:30 AM + 2 hours 45 minutes is 12:15 PM, not 12:30 PM', 'Problems panel');
      const squiggle = ui.page.locator('.squiggly-error').first();
      await squiggle.waitFor({ timeout: 15_000 });
      if ((await ui.page.locator('.squiggly-error').count()) !== 1) throw new Error('only the wrong time is squiggled (the right mixed-number sum is not)');
      const box = await squiggle.boundingBox();
      await ui.page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
      await ui.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = ui.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      await hover.waitFor({ timeout: 15_000 });
      expectText(await hover.innerText(), 'is 12:15 PM, not 12:30 PM', 'hover on the equation');
      await ui.screenshot('cot-clock-hover');
      await ui.page.keyboard.press('Escape');
      await ui.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await ui.page.keyboard.press('Control+.');
      const item = ui.page.locator('.action-widget .monaco-list-row', { hasText: 'Replace 12:30 PM with 12:15 PM' });
      await item.waitFor({ timeout: 15_000 });
      await ui.screenshot('cot-clock-quickfix');
      // the fix is the first (focused) entry: Enter applies it, as a user would
      if (!(await item.getAttribute('class')).includes('focused')) throw new Error('the replacement is not the focused fix');
      await ui.page.keyboard.press('Enter');
      await ui.page.locator('.view-line', { hasText: '2 hours 45 minutes = 12:15 PM.' }).waitFor({ timeout: 15_000 });
      await ui.page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });
      await ui.page.mouse.move(5, 400);
      await ui.page.keyboard.press('Escape');
      await ui.screenshot('cot-clock-fixed');
    },
  },
];
