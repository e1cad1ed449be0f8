#!/usr/bin/env node
// End-to-end test of `npm start`: runs scripts/start.mjs itself (same script, same flags) on a
// temporary data folder (a fresh copy of the seeds), opens the printed address in Chromium and
// checks that the Annotations view lists the articles and that an article opens with
// highlights; then the same with ARTICLES at a temporary folder of Wikinews articles. Finally
// checks that SIGTERM to the start script stops the server it started.
// Run: npm run test:start (part of npm test)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import { repoRoot, launchBrowser, freePort } from '../../scripts/lib/server.mjs';
import { editorGeometry } from '../../scripts/lib/editorGeometry.mjs';

const artifacts = join(repoRoot, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const wikinews = join(repoRoot, '..', 'shared', 'corpus', 'wikinews');

function startScript(env) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/start.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise((res, rej) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /\n\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)\n/.exec(out);
      if (m) res(m[1]);
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => rej(new Error(`start.mjs exited (${code}) before printing the address:\n${out}`)));
  });
  return { child, url, output: () => out };
}

async function waitFor(fn, what, ms = 60000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function run(name, { articles, expected }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-start-'));
  const port = await freePort();
  const env = { AA_START_DATA_DIR: dataDir, PORT: String(port) };
  if (articles) env.ARTICLES = articles;
  const s = startScript(env);
  const browser = await launchBrowser();
  try {
    const url = await s.url;
    assert.doesNotMatch(url, /extensionDevelopmentPath/, 'npm start loads the installed extension, not a development one');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
    const activity = page.locator('.activitybar [aria-label^="Article Annotator"]').first();
    await activity.waitFor({ timeout: 120000 });
    await activity.click();
    const rows = await waitFor(async () => {
      const texts = await page.locator('.pane .monaco-list-row').allInnerTexts();
      return expected.every((e) => texts.some((t) => t.includes(e))) ? texts : undefined;
    }, `the Annotations view to list ${expected.join(', ')}`);
    assert.ok(!rows.some((t) => /No articles found/.test(t)));
    // Open the first article: it opens as a News Article with highlights.
    await page.locator('.pane .monaco-list-row', { hasText: expected[0] }).first().dblclick();
    await waitFor(async () => (await page.locator('.statusbar-item', { hasText: 'News Article' }).count()) > 0, 'the News Article language mode');
    const highlights = await waitFor(async () => {
      const n = await page.locator('.editor-instance .view-overlays [class*="ced-"]').count();
      return n > 0 ? n : undefined;
    }, 'highlights in the editor');
    // Speaker labels drawn, and nothing past the text area (under the minimap), no horizontal scrollbar.
    const geometry = await waitFor(async () => {
      const g = await page.evaluate(editorGeometry);
      return g.labels?.length > 0 ? g : undefined;
    }, 'speaker labels in the editor');
    assert.deepEqual(geometry.overflowing, [], `text past the text area (right edge ${geometry.limit})`);
    assert.equal(geometry.horizontalScrollbar, false, 'no horizontal scrollbar');
    await page.screenshot({ path: join(artifacts, `start-${name}.png`) });
    // Export from the view's title-bar button with a tree row selected: its prompts, then a real
    // notification toast (not only under the bell) with its Open button.
    await page.locator('.pane .monaco-list-row', { hasText: expected[0] }).first().click();
    await page.locator('.part.sidebar .action-item a[aria-label^="Export Annotations"]').first().click();
    for (const step of ['(1/3)', '(2/3)', '(3/3)']) {
      await page.locator('.quick-input-widget .quick-input-title', { hasText: step }).waitFor({ timeout: 30000 });
      await page.keyboard.press('Enter');
    }
    // The browser's save dialog proposes a destination: accept it with its OK button once it
    // has listed the folder (an Enter before that is lost).
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Export annotations' }).first().waitFor({ timeout: 30000 });
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 30000 });
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first().click();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' });
    await toast.first().waitFor({ timeout: 60000 }).catch(async (e) => {
      await page.screenshot({ path: join(artifacts, `start-${name}-export-failed.png`) });
      throw e;
    });
    assert.ok((await toast.first().locator('.monaco-button', { hasText: 'Open' }).count()) > 0, 'the toast has its Open button');
    await page.screenshot({ path: join(artifacts, `start-${name}-export.png`) });
    console.log(`ok ${name}: ${rows.length} rows, ${highlights} highlighted spans, ${geometry.labels.length} speaker labels inside the text area, export toast shown`);
  } finally {
    await browser.close();
    // Stopping the start script with a signal stops its server.
    const serverPid = await fetchServerPid(port);
    s.child.kill('SIGTERM');
    await waitFor(() => s.child.exitCode !== null || s.child.signalCode !== null, 'start.mjs to exit', 10000);
    if (serverPid) await waitFor(() => !alive(serverPid), `the server (pid ${serverPid}) to stop`, 10000);
    const stillAnswers = await fetch(`http://127.0.0.1:${port}/version`).then(() => true, () => false);
    assert.equal(stillAnswers, false, 'the server no longer answers after SIGTERM to npm start');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// The server's pid: the process listening on the port (from /proc, Linux only).
async function fetchServerPid(port) {
  const { execFileSync } = await import('node:child_process');
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ npm start: ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✖ npm start: ${name}\n${e?.stack ?? e}`);
  }
}

const seeds = readdirSync(join(repoRoot, 'seeds')).filter((n) => n.endsWith('.txt'));
await check('the seeds', () => run('seeds', { expected: seeds }));
await check('ARTICLES at a folder of Wikinews articles', async () => {
  // CI and every developer machine have the corpus beside the repository: its absence is a failure.
  assert.ok(existsSync(wikinews), `no Wikinews corpus at ${wikinews}`);
  const dir = mkdtempSync(join(tmpdir(), 'aa-wikinews-'));
  const picked = readdirSync(wikinews).filter((n) => n.endsWith('.txt')).slice(0, 3);
  for (const n of picked) cpSync(join(wikinews, n), join(dir, n));
  try {
    await run('wikinews', { articles: dir, expected: picked });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
console.log(`start: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
