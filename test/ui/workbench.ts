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

/** Squiggles as Monaco draws them: one decoration element per line of a diagnostic's range. */
export const SQUIGGLE = '.monaco-editor .view-overlays .squiggly-error, .monaco-editor .view-overlays .squiggly-warning, .monaco-editor .view-overlays .squiggly-info';
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
        settings: { 'editor.hover.delay': 300, 'editor.hover.sticky': true, 'editor.minimap.enabled': false },
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
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
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
