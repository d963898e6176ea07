import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, recordConsole, workbenchUrl } from '../vscode/launch/browser';
import { CodeServer, startCodeServer } from '../vscode/launch/codeServer';
import { copyWorkspace, freshFile, repoRoot, resultsDir, TempWorkspace } from '../vscode/launch/workspace';

export interface WorkbenchOptions {
  /** Extension loaded as under development; the repository root by default. */
  readonly extension?: string;
  /** Folder copied and opened as the workspace; seeds/ by default. */
  readonly workspace?: string;
  /** Prefix of the log files written into test-results/. */
  readonly name?: string;
}

/** Squiggles as Monaco draws them inside one editor: one decoration element per line of a diagnostic's range. */
export const EDITOR_SQUIGGLE = '.view-overlays .squiggly-error, .view-overlays .squiggly-warning, .view-overlays .squiggly-info';
/** Squiggles in any editor. */
export const SQUIGGLE = EDITOR_SQUIGGLE.split(', ')
  .map((selector) => `.monaco-editor ${selector}`)
  .join(', ');
/** The editor hover; Monaco keeps hidden hover widgets in the DOM, so only visible ones count. */
export const HOVER = '.monaco-editor .monaco-hover:not(.hidden)';

/** A real VS Code workbench in Chromium, driven the way a person would: keyboard and mouse only. */
export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    private readonly workspace: TempWorkspace,
  ) {}

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const results = resultsDir();
    const name = options.name ?? 'ui';
    const workspace = copyWorkspace(options.workspace);
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer({
        workspace: workspace.folder,
        logFile: freshFile(path.join(results, `${name}-code-server.log`)),
        keepLogsIn: path.join(results, `${name}-logs`),
        // Hovers must come up promptly and stay put while the screenshot is taken.
        // Articles are one paragraph a line: wrapped, a screenshot shows whole paragraphs. Occurrence
        // highlights would box every repeat of the word under the cursor and hide the colours.
        settings: {
          'editor.hover.delay': 300,
          'editor.hover.sticky': true,
          'editor.minimap.enabled': false,
          'editor.wordWrap': 'on',
          'editor.occurrencesHighlight': 'off',
        },
      });
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      recordConsole(page, path.join(results, `${name}-page.log`));
      await page.goto(workbenchUrl(server, { extensionDevelopmentPath: options.extension ?? repoRoot() }));
      // The explorer listing the copied files means the workbench is up and connected to the server.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      return new Workbench(page, browser, server, workspace);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      workspace.dispose();
      throw error;
    }
  }

  /** The temp folder opened as the workspace, for writing new articles into it as another program would. */
  get folder(): string {
    return this.workspace.folder;
  }

  /** The editor of the active editor group. */
  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor to show text. */
  async openFile(fileName: string): Promise<Locator> {
    const { page } = this;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(fileName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
    const editor = this.activeEditor;
    await editor.locator('.view-lines .view-line').first().waitFor();
    return editor;
  }

  /**
   * Opens a file by clicking it in the Explorer. Quick Open searches a file list cached while the window
   * starts, so a file written since may be missing there; the Explorer watches the folder.
   */
  async openFromExplorer(fileName: string): Promise<Locator> {
    const { page } = this;
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click({ timeout: 15_000 });
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
    const editor = this.activeEditor;
    await editor.locator('.view-lines .view-line').first().waitFor();
    return editor;
  }

  /**
   * Rests the mouse on an editor element (such as a squiggle) and returns the hover's text, or '' when
   * no hover appears. Squiggle decorations sit beneath the text layer, so this moves to their coordinates
   * instead of hovering the element itself.
   */
  async hover(target: Locator): Promise<string> {
    const { page } = this;
    // Dismiss any earlier hover first, or its text would be read again.
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.locator(HOVER).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    const box = await target.boundingBox();
    if (!box) return '';
    await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
    const hover = page.locator(HOVER).first();
    try {
      await hover.waitFor({ timeout: 5_000 });
    } catch {
      return '';
    }
    return settledText(hover);
  }

  /** Saves a PNG under test-results/ and returns its path. */
  async screenshot(fileName: string, target?: Locator): Promise<string> {
    const file = path.join(resultsDir(), fileName);
    // Hovers fade in; without this the picture can catch them half transparent.
    await (target ?? this.page).screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /**
   * Saves a PNG of the smallest part of the window that holds all `targets`, plus `margin` pixels, cut at
   * `maxHeight`: small enough to keep in the repository for the README, with the context a reader needs.
   */
  async screenshotAround(fileName: string, targets: readonly Locator[], { margin = 24, maxHeight = Infinity } = {}): Promise<string> {
    const boxes = (await Promise.all(targets.map((t) => t.boundingBox()))).filter((b) => b !== null);
    if (boxes.length === 0) return this.screenshot(fileName);
    const viewport = this.page.viewportSize() ?? { width: 1400, height: 900 };
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
    const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin, y + maxHeight);
    const file = path.join(resultsDir(), fileName);
    await this.page.screenshot({ path: file, animations: 'disabled', clip: { x, y, width: right - x, height: bottom - y } });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    this.workspace.dispose();
  }
}

/**
 * The hover renders the diagnostic part at once and the language server's part when it answers
 * ("Loading..." until then), so read it only once it stops changing.
 */
async function settledText(target: Locator, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let previous = await target.innerText();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await target.innerText();
    if ((current === previous && !current.includes('Loading...')) || Date.now() > deadline) return current;
    previous = current;
  }
}
