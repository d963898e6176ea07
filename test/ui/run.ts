/**
 * Looks at the extension the way a user does, in a real VS Code (code-server) in Chromium, and saves
 * screenshots into test-results/ for a human to check.
 *
 *   node out/test/ui/run.js [--extension DIR] [--workspace DIR] [--timeout SECONDS]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Locator } from 'playwright-core';
import { repoRoot, resultsDir } from '../vscode/launch/workspace';
import { EDITOR_SQUIGGLE, HOVER, SQUIGGLE, Workbench } from './workbench';

const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';
const HIGHLIGHTED = '003_3c9537aa37a348f1.txt';
// A new article repeating a figure that seed 002 credits to "a US declaration in February", without a source.
const UNSOURCED = 'arms-shipments.txt';
const UNSOURCED_TEXT = 'Arms shipments\n\nRussia has received more than 10,000 shipping containers from North Korea since September.\n';

interface Check {
  readonly name: string;
  readonly run: (workbench: Workbench) => Promise<string>;
}

const checks: Check[] = [
  {
    name: `opens ${ARTICLE} via Quick Open`,
    async run(workbench) {
      await workbench.openFile(ARTICLE);
      return workbench.screenshot('workbench.png');
    },
  },
  {
    name: 'shows a squiggle under a finding',
    async run(workbench) {
      // The language server indexes the workspace before publishing, so allow it time.
      await workbench.page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 30_000 });
      return workbench.screenshot('squiggle.png');
    },
  },
  {
    name: `hovering the copied passage's squiggle explains it, naming ${SOURCE}`,
    async run(workbench) {
      // Other findings may be squiggled too, so hover each until the copied-passage explanation shows.
      const seen: string[] = [];
      for (const squiggle of (await workbench.page.locator(SQUIGGLE).all()).slice(0, 10)) {
        const text = await workbench.hover(squiggle);
        if (text.includes(SOURCE)) return workbench.screenshotAround('hover.png', [workbench.page.locator(HOVER).first(), squiggle]);
        seen.push(text.split('\n')[0]);
      }
      await workbench.screenshot('hover.png');
      throw new Error(`no hover mentions ${SOURCE}; hovers began with: ${seen.join(' | ') || '(no hover appeared)'}`);
    },
  },
  {
    name: `the Provenance view lists the findings; clicking a passage of ${SOURCE} opens it with the passage selected`,
    async run(workbench) {
      const { page } = workbench;
      await page.keyboard.press('Escape');
      await page.locator('.part.activitybar .action-item a[aria-label="Provenance"]').click();
      const rows = findingsRows(workbench);
      await rows.first().waitFor({ timeout: 15_000 });
      // Copied passages come expanded, their related passages one level down, labelled with the file.
      const passage = rows.filter({ hasText: SOURCE }).and(page.locator('[aria-level="2"]')).first();
      await passage.waitFor({ timeout: 15_000 });
      const findings = await rows.and(page.locator('[aria-level="1"]')).count();
      if (findings === 0) throw new Error('the view shows no findings at the top level');
      // Pointed at, the row shows its inline Compare action: the picture is taken before the click
      // because the view then follows the newly active article.
      await passage.hover();
      const file = await workbench.screenshotAround('side-panel.png', [page.locator('.part.activitybar'), page.locator('.part.editor')], { margin: 0, maxHeight: 480 });
      await passage.click();
      await page.locator('.tabs-container .tab.active', { hasText: SOURCE }).waitFor({ timeout: 10_000 });
      await workbench.activeEditor.locator('.selected-text').first().waitFor({ timeout: 10_000 });
      return file;
    },
  },
  {
    name: 'the inline Compare action opens the two passages side by side in a diff editor',
    async run(workbench) {
      const { page } = workbench;
      // The view now lists the findings of the article just opened, whose passages lead back to the first.
      const passage = findingsRows(workbench).filter({ hasText: ARTICLE }).and(page.locator('[aria-level="2"]')).first();
      const diff = page.locator('.editor-group-container.active .monaco-diff-editor').first();
      // The view may draw its rows again while findings for the new article arrive, taking the pointed-at
      // action with the old row: point and click again until the diff editor opens.
      for (let attempt = 1; ; attempt++) {
        await passage.hover();
        await passage.locator('.actions .action-label[aria-label="Compare"]').click();
        try {
          await diff.waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt === 4) throw error;
        }
      }
      await page.locator('.tabs-container .tab.active', { hasText: `${SOURCE} ↔ ${ARTICLE}` }).waitFor({ timeout: 10_000 });
      // Reworded sentences differ: the diff editor marks changed text on both sides.
      await diff.locator('.char-delete, .line-delete').first().waitFor({ timeout: 10_000 });
      await diff.locator('.char-insert, .line-insert').first().waitFor({ timeout: 10_000 });
      return workbench.screenshot('compare.png', page.locator('.editor-group-container.active'));
    },
  },
  {
    name: 'the status bar counts the articles and findings, and opens the view on click',
    async run(workbench) {
      const { page } = workbench;
      const item = page.locator('.part.statusbar [id$="provenance.status"]');
      const expected = cliCounts(workbench.folder);
      const wanted = `Provenance: ${count(expected.articles, 'article')}, ${count(expected.findings, 'finding')}`;
      try {
        await item.filter({ hasText: wanted }).waitFor({ timeout: 15_000 });
      } catch {
        throw new Error(`the status bar shows "${(await item.innerText().catch(() => '(no item)')).trim()}", the CLI counts "${wanted}"`);
      }
      await page.keyboard.press('Control+Shift+E');
      await page.locator('.part.sidebar .explorer-folders-view').waitFor();
      await item.click();
      await findingsRows(workbench).first().waitFor({ timeout: 10_000 });
      return workbench.screenshotAround('status-bar.png', [item], { margin: 8 });
    },
  },
  {
    name: `${HIGHLIGHTED} is coloured: quotations, dates, figures and the dateline stand out`,
    async run(workbench) {
      const { page } = workbench;
      const editor = await workbench.openFile(HIGHLIGHTED);
      // Plain text has no grammar: every span is the default colour until the semantic tokens arrive.
      const colours = await waitForValue('the semantic colours', 15_000, async () => {
        const found = await textColours(editor);
        return found.quotation !== undefined && found.others.size >= 3 ? found : undefined;
      });
      if (colours.quotation === colours.plain) throw new Error(`quotations are drawn in the plain text colour ${colours.plain}`);
      await page.mouse.move(5, 5);
      // The top of the article is enough: headline, dateline and the first quotations.
      return workbench.screenshotAround('highlighting.png', [page.locator('.editor-group-container.active')], { margin: 0, maxHeight: 520 });
    },
  },
  {
    name: 'the quick fix on an unsourced figure cites the source another article gives',
    async run(workbench) {
      const { page } = workbench;
      fs.writeFileSync(path.join(workbench.folder, UNSOURCED), UNSOURCED_TEXT);
      const editor = await workbench.openFromExplorer(UNSOURCED);
      const squiggle = editor.locator('.view-overlays .squiggly-warning').first();
      await squiggle.waitFor({ state: 'attached', timeout: 30_000 });
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle is not on screen');
      // The squiggle lies under the text layer; a click at its place puts the cursor in the figure.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget').first();
      const cite = menu.locator('.monaco-list-row', { hasText: /^Cite / }).first();
      await cite.waitFor({ timeout: 10_000 });
      const titles = await menu.locator('.monaco-list-row').allInnerTexts();
      for (const title of ['Insert citation placeholder', 'Mark as sourced']) {
        if (!titles.some((t) => t.includes(title))) throw new Error(`the menu lacks "${title}": ${titles.join(' | ')}`);
      }
      // The menu lays a pointer-catching layer over the window, so choose with the keyboard as people do.
      const focused = menu.locator('.monaco-list-row.focused');
      for (let i = 0; i < titles.length && !/^Cite /.test(await focused.innerText()); i++) await page.keyboard.press('ArrowDown');
      if (!/^Cite /.test(await focused.innerText())) throw new Error('the Cite fix could not be selected with the arrow keys');
      const lineNumber = editor.locator('.line-numbers.active-line-number').first();
      const file = await workbench.screenshotAround('quick-fix.png', [menu, squiggle, lineNumber], { margin: 16 });
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines', { hasText: 'according to' }).waitFor({ timeout: 10_000 });
      await editor.locator(EDITOR_SQUIGGLE).first().waitFor({ state: 'detached', timeout: 15_000 });
      await workbench.screenshot('quick-fix-applied.png', page.locator('.editor-group-container.active'));
      return file;
    },
  },
  {
    name: 'past the memory limit set in the settings, a notification says how many articles were not checked',
    async run(workbench) {
      const { page } = workbench;
      // As a user would, in the workspace's settings file; no index fits in 1 MB, so every article on disk is left out.
      fs.mkdirSync(path.join(workbench.folder, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(workbench.folder, '.vscode', 'settings.json'), JSON.stringify({ 'provenance.maxMemoryMB': 1 }));
      const articles = articleCount(workbench.folder);
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'were not checked' }).first();
      await toast.waitFor({ timeout: 60_000 });
      const text = await toast.innerText();
      // Open articles are checked whatever the limit.
      if (!new RegExp(`Provenance: \\d+ of ${articles} articles were not checked: its memory limit was reached`).test(text)) throw new Error(`the notification reads: ${text}`);
      return workbench.screenshotAround('memory-limit.png', [toast], { margin: 8 });
    },
  },
];

function findingsRows(workbench: Workbench): Locator {
  return workbench.page.locator('.part.sidebar .monaco-list-row');
}

/** The counts the command-line tool reports for the same folder, which the status bar must agree with. */
function cliCounts(folder: string): { articles: number; findings: number } {
  const result = spawnSync(process.execPath, [path.join(repoRoot(), 'bin', 'provenance'), 'check', '--format', 'json', folder], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`provenance check failed: ${result.stderr}`);
  const { findings } = JSON.parse(result.stdout) as { findings: unknown[] };
  return { articles: articleCount(folder), findings: findings.length };
}

function articleCount(folder: string): number {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).length;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

interface TextColours {
  /** The colour most of the text has. */
  readonly plain: string;
  /** The colour of a span that opens a quotation, if one is on screen. */
  readonly quotation?: string;
  readonly others: ReadonlySet<string>;
}

async function textColours(editor: Locator): Promise<TextColours> {
  // Runs in the page; the project compiles without the DOM library, hence the typed view of the window.
  const spans = await editor.locator('.view-lines .view-line > span > span').evaluateAll((elements) => {
    const page = globalThis as unknown as { getComputedStyle(element: unknown): { color: string } };
    return elements.map((e) => ({ text: e.textContent ?? '', colour: page.getComputedStyle(e).color }));
  });
  const counts = new Map<string, number>();
  for (const { text, colour } of spans) counts.set(colour, (counts.get(colour) ?? 0) + text.length);
  const plain = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const quotation = spans.find(({ text }) => /^["“]\S.{10,}/.test(text))?.colour;
  return { plain, quotation, others: new Set([...counts.keys()].filter((c) => c !== plain)) };
}

async function waitForValue<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { extension: { type: 'string' }, workspace: { type: 'string' }, timeout: { type: 'string' } },
  });
  const timeoutMs = Number(values.timeout ?? 180) * 1000;
  const timer = setTimeout(() => {
    console.error(`UI checks did not finish within ${timeoutMs / 1000} s`);
    // Exit handlers stop code-server and Chromium.
    process.exit(1);
  }, timeoutMs);

  // A failure picture from an earlier run would be mistaken for this one's.
  fs.rmSync(path.join(resultsDir(), 'failure.png'), { force: true });
  let passed = 0;
  let failed = 0;
  const workbench = await Workbench.open({
    extension: values.extension && path.resolve(values.extension),
    workspace: values.workspace && path.resolve(values.workspace),
  });
  try {
    // Later checks build on the screen state of earlier ones, so the first failure ends the run.
    for (const check of checks) {
      try {
        const file = await check.run(workbench);
        passed++;
        console.log(`  ✔ ${check.name} (${file})`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${check.name}\n    ${error instanceof Error ? error.message : String(error)}`);
        await workbench.screenshot('failure.png').catch(() => undefined);
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    await workbench.close();
  }
  const skipped = checks.length - passed - failed;
  console.log(`ui: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
