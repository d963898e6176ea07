import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { CodeServer } from './codeServer';
import { onExit } from './exitCleanup';

/** Debian's chromium: playwright's own browser download is not reachable from these machines. */
export const CHROMIUM = process.env.PROVENANCE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup-real-vscode.sh`);
  // Chromium leaves singleton sockets in TMPDIR when it is killed; give it a folder that is removed after.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-chromium-'));
  const remove = (): void => fs.rmSync(tmpDir, { recursive: true, force: true });
  const unregister = onExit(remove);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: tmpDir },
    headless: process.env.PROVENANCE_HEADED === undefined,
  });
  browser.on('disconnected', () => {
    unregister();
    remove();
  });
  return browser;
}

export interface WorkbenchTarget {
  /** Absolute server-side folder of the extension to load as "under development". */
  readonly extensionDevelopmentPath?: string;
  /** Absolute server-side path of the compiled test module, without `.js`. */
  readonly extensionTestsPath?: string;
}

/**
 * The workbench URL. `payload` is the browser workbench's equivalent of the desktop command line flags
 * `--extensionDevelopmentPath` / `--extensionTestsPath`; its paths must be `vscode-remote://` URIs because
 * the extension host runs on the code-server side.
 */
export function workbenchUrl(server: CodeServer, target: WorkbenchTarget = {}): string {
  const payload: Array<[string, string]> = [];
  if (target.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', server.remoteUri(target.extensionDevelopmentPath)]);
  }
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(target.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: server.workspace });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** Keeps the page's console and errors in a file: invaluable when the workbench fails to start. */
export function recordConsole(page: Page, file: string): void {
  const out = fs.createWriteStream(file, { flags: 'w' });
  page.on('console', (message) => out.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => out.write(`[pageerror] ${error.stack ?? error.message}\n`));
  page.on('close', () => out.end());
}
