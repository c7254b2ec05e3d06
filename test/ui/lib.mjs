// Helpers for UI tests in the real VS Code workbench (code-server + headless Chromium, see test/harness/).
// A test file test/ui/<name>.ui.mjs exports its tests; test/ui/run.mjs opens one workbench per file and passes the
// object returned by openWorkbench() to each test:
//
//   export const options = { workspace: '/abs/dir' };        // optional: default test/fixtures/workspace
//   export default [
//     { name: 'the file opens', run: async (ui) => { await ui.openFile('alpaca.jsonl'); await ui.screenshot('alpaca'); } },
//   ];
//
// Selectors are the workbench's own (VS Code 1.100); every wait has a timeout and fails with a readable message.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO } from '../harness/paths.mjs';
import { launchBrowser, startVSCode } from '../harness/vscode.mjs';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
/** The extension's id, publisher.name. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const SCREENSHOTS = join(REPO, 'test', 'ui', 'screenshots');
export const DEFAULT_WORKSPACE = join(REPO, 'test', 'fixtures', 'workspace');
const T = 20_000;
/** A regexp matching exactly `text` (playwright's hasText with a RegExp tests the element's whole text). */
const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * Starts VS Code with the extension loaded from the repo (extensionDevelopmentPath; `npm run build` first) or from
 * `vsix`, on a copy of `workspace`, and opens the workbench in headless Chromium.
 */
export async function openWorkbench({ workspace = DEFAULT_WORKSPACE, vsix, links, extensionPath = REPO } = {}) {
  const vs = await startVSCode({ workspace, vsix, links });
  let browser;
  try {
    const log = [];
    browser = await launchBrowser(vs.tmp, { onLog: (s) => log.push(s) });
    const { page } = browser;
    await page.goto(vs.url(vsix ? [] : [['extensionDevelopmentPath', vs.remote(extensionPath)]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(vs, browser, log);
  } catch (e) {
    await browser?.close();
    await vs.stop();
    throw e;
  }
}

export class Workbench {
  constructor(vs, browser, log) {
    /** The playwright Page of the workbench. */
    this.page = browser.page;
    /** The running code-server (vs.ws is the workspace copy on disk). */
    this.vs = vs;
    this.browser = browser;
    /** Workbench and extension-host console lines seen so far. */
    this.log = log;
  }

  /** Writes a file into the workspace copy (the Explorer picks it up through the file watcher). */
  writeFile(relPath, text) {
    const p = join(this.vs.ws, relPath);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  }

  /**
   * Opens a file by double-clicking it in the Explorer (top-level entries) and waits for its editor tab. A file just
   * written may not be listed yet (the file watcher can lag under load): the Explorer is refreshed once if needed.
   */
  async openFile(name) {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(name) }) });
    try {
      await row.first().waitFor({ timeout: 5_000 });
    } catch {
      await this.runCommand('Refresh Explorer');
    }
    await row.first().dblclick({ timeout: T });
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: T });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines, .editor-group-container.active iframe.webview').first().waitFor({ timeout: T });
  }

  /** The visible lines of the active text editor (Monaco renders spaces as U+00A0; they come back as spaces). */
  async editorLines() {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
    await lines.first().waitFor({ timeout: T });
    // view lines are absolutely positioned and not in document order: sort them by their top offset
    const rows = await lines.evaluateAll((els) => els.map((e) => [parseFloat(e.style.top) || 0, e.textContent ?? '']));
    return rows.sort((a, b) => a[0] - b[0]).map(([, t]) => t.replace(/\u00a0/g, ' '));
  }

  /** Runs a command from the palette by its label as shown there ("Category: Title"). */
  async runCommand(label) {
    // the palette's command list can lag behind the workbench (e.g. right after an earlier test reloaded a
    // webview or the window): when the entry is not there, close the palette and open it once more
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ timeout: T });
      await input.fill(`>${label}`);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(label) }) });
      try {
        await row.first().waitFor({ timeout: attempt === 1 ? T / 2 : T });
      } catch {
        const shown = await this.page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
        if (attempt === 1) {
          await this.page.keyboard.press('Escape');
          await this.page.waitForTimeout(2000);
          continue;
        }
        throw new Error(`no palette entry "${label}"; the palette shows: ${shown.slice(0, 8).join(' | ') || '(nothing)'}`);
      }
      await row.first().click();
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
      return;
    }
  }

  /** Opens the Problems panel and returns its rows' text (files and their problems). */
  async problems() {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor({ timeout: T });
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  /** Waits until the Problems panel lists a problem whose text contains `text`; returns that row's text. */
  async waitForProblem(text, timeout = T) {
    await this.problems();
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    try {
      await row.waitFor({ timeout });
    } catch {
      const rows = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      throw new Error(`no problem containing "${text}"; the Problems panel shows: ${rows.join(' | ') || '(nothing)'}`);
    }
    return row.innerText();
  }

  /** The status bar entry containing `text` (a playwright Locator), once it is shown. */
  async statusBarItem(text, timeout = T) {
    const item = this.page.locator('.statusbar-item', { hasText: text }).first();
    await item.waitFor({ timeout });
    return item;
  }

  /**
   * Hovers the first occurrence of `text` in the active editor and returns the hover's text.
   * (Monaco renders each line as spans; this hovers the span holding `text`.)
   */
  async hover(text, timeout = T) {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    const span = editor.locator('.view-line span span', { hasText: text }).first();
    await span.waitFor({ timeout });
    const box = await span.boundingBox();
    await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
    await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor({ timeout });
    return hover.innerText();
  }

  /**
   * The content frame of a webview (custom editor, preview, panel): the workbench hosts each webview in an outer
   * `iframe.webview.ready` holding the extension's HTML in an inner `#active-frame`. With several webviews, `index`
   * picks one (in DOM order).
   */
  webview(index = 0) {
    return this.page.frameLocator(`iframe.webview.ready >> nth=${index}`).frameLocator('#active-frame');
  }

  /** Saves a screenshot of the whole window to test/ui/screenshots/<name>.png and returns its path. */
  async screenshot(name) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** The extension host's log files (under the fresh user-data dir), concatenated. */
  extensionHostLog() {
    const logs = [];
    const walk = (dir) => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/exthost.*\.log$/.test(name)) logs.push(readFileSync(p, 'utf8'));
      }
    };
    walk(join(this.vs.tmp, 'user-data', 'logs'));
    return logs.join('\n');
  }

  /** Errors thrown while activating extension `id` (default: this extension), from the extension host's log. */
  activationErrors(id = EXTENSION_ID) {
    const errors = [];
    const re = /\[error\] Activating extension (\S+) failed due to an error:\s*\n.*?\[error\] (.*)/g;
    for (const m of this.extensionHostLog().matchAll(re)) if (m[1].toLowerCase() === id.toLowerCase()) errors.push(m[2]);
    return errors;
  }

  /** Closes the dialogs, palette and notifications a failed test may have left open. */
  async reset() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  async close() {
    await this.browser.close();
    await this.vs.stop();
  }
}
