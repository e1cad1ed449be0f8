#!/usr/bin/env node
// Runs the integration suite (test/integration, bundled to out/test/integration) inside a real
// VS Code: the VS Code server build from the code-server npm package, opened in Debian's Chromium
// through playwright-core. Exits with mocha's exit code.
//
//   node scripts/run-integration.mjs [name ...] [--grep PATTERN] [--keep]
//     name     run only <name>.test.js files (e.g. `tree annotations`, or `workbench.e2e`)
//     --grep   mocha grep inside those files
//     --keep   keep the temporary workspace and logs
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { format } from 'node:util';
import { repoRoot, vscodeTestDir, startServer, workbenchUrl, launchBrowser, vscodeVersion } from './lib/server.mjs';
import { editorGeometry } from './lib/editorGeometry.mjs';

const argv = process.argv.slice(2);
const files = [];
let grep = '';
let keep = false;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--grep') grep = argv[++i] ?? '';
  else if (argv[i] === '--keep') keep = true;
  else files.push(argv[i]);
}
const TIMEOUT_MS = Number(process.env.AA_TEST_TIMEOUT_MS || 20 * 60 * 1000);

const testsDir = join(repoRoot, 'out/test/integration');
if (!existsSync(join(testsDir, 'index.js'))) {
  console.error('No built integration tests in out/test/integration: run `npm run build` first.');
  process.exit(1);
}
const available = readdirSync(testsDir).filter((f) => f.endsWith('.test.js'));
if (files.length) {
  const unknown = files.filter((n) => !available.includes(`${n}.test.js`));
  if (unknown.length) {
    console.error(`No such integration test file(s): ${unknown.join(', ')}. Available: ${available.map((f) => f.replace(/\.test\.js$/, '')).join(', ')}`);
    process.exit(1);
  }
}

const unique = `run-${process.pid}-${Date.now()}`;
const runDir = join(vscodeTestDir, 'runs', unique);
const workspace = join(vscodeTestDir, 'workspaces', unique);
mkdirSync(join(workspace, 'seeds'), { recursive: true });
cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
const artifacts = join(repoRoot, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

let server;
let browser;
let harness;
let page;
// A second workbench page on the same server and folder (its own extension host), opened by a
// test through the harness: another window annotating the same articles.
let second;
let openSecond;
const cleanup = () => {
  try { browser?.close().catch(() => {}); } catch { /* ignore */ }
  try { server?.stop(); } catch { /* ignore */ }
  try { harness?.close(); } catch { /* ignore */ }
  if (!keep) {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  }
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });

/** The frame (webviews are nested iframes of the workbench) whose document has `selector`. */
async function frameWith(selector) {
  for (const frame of page.frames()) {
    try {
      if (await frame.$(selector)) return frame;
    } catch { /* a frame navigating away */ }
  }
  return undefined;
}

/**
 * Requests on the content of a webview (or any frame): `dom` (elements matching `selector`, with
 * their data- attributes; [] when no frame has one), `click` (a real mouse click at `x`,`y` inside
 * the element, its centre by default), `select` (choose `value` in a <select>), `fill` (type
 * `value` into an input) and `eval` (the value of expression `expr` in that frame).
 */
async function frameRequest(op, params) {
  const selector = params.get('selector') || 'body';
  const frame = await frameWith(selector);
  if (op === 'dom') {
    if (!frame) return [];
    return frame.$$eval(selector, (els) => els.map((e) => ({
      text: e.textContent ?? '',
      title: e.getAttribute('title') ?? '',
      ariaLabel: e.getAttribute('aria-label') ?? '',
      className: typeof e.className === 'string' ? e.className : '',
      data: { ...(e.dataset ?? {}) },
    })));
  }
  if (!frame) throw new Error(`no frame has ${selector}`);
  if (op === 'click') {
    const box = await (await frame.$(selector)).boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    const x = box.x + (params.has('x') ? Number(params.get('x')) : box.width / 2);
    const y = box.y + (params.has('y') ? Number(params.get('y')) : box.height / 2);
    await page.mouse.click(x, y);
    return { x, y };
  }
  if (op === 'select') return { selected: await frame.selectOption(selector, params.get('value') ?? '') };
  if (op === 'fill') {
    await frame.fill(selector, params.get('value') ?? '');
    return {};
  }
  if (op === 'eval') return { value: await frame.evaluate(params.get('expr') ?? 'undefined') };
  throw new Error(`unknown frame request ${op}`);
}

// Harness endpoint: lets tests inside the extension host take screenshots and read the DOM.
harness = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  try {
    if (!page) throw new Error('no page yet');
    if (url.pathname === '/open-page') {
      second ??= await openSecond();
      res.end('{}');
      return;
    }
    if (url.pathname === '/close-page') {
      await second?.close();
      second = undefined;
      // The first page was a background tab while the second was open: bring it back to the
      // front, or its webviews get no animation frames (a network drawing never reports).
      await page.bringToFront();
      res.end('{}');
      return;
    }
    // `page=2`: the request is about the second page.
    const target = url.searchParams.get('page') === '2' ? second : page;
    if (!target) throw new Error('the second page is not open (/open-page)');
    if (url.pathname === '/screenshot') {
      const name = (url.searchParams.get('name') || 'screenshot').replace(/[^\w.-]/g, '_');
      const path = join(artifacts, `${name}.png`);
      await target.screenshot({ path });
      res.end(JSON.stringify({ path }));
    } else if (url.pathname === '/dom') {
      const selector = url.searchParams.get('selector') || 'body';
      const items = await target.$$eval(selector, (els) => els.map((e) => ({
        text: e.textContent ?? '',
        title: e.getAttribute('title') ?? '',
        ariaLabel: e.getAttribute('aria-label') ?? '',
        className: typeof e.className === 'string' ? e.className : '',
        visible: 'offsetParent' in e && e.offsetParent !== null,
      })));
      res.end(JSON.stringify(items));
    } else if (url.pathname === '/editor-geometry') {
      res.end(JSON.stringify(await target.evaluate(editorGeometry)));
    } else if (url.pathname.startsWith('/frame/')) {
      res.end(JSON.stringify(await frameRequest(url.pathname.slice('/frame/'.length), url.searchParams)));
    } else if (url.pathname === '/key') {
      await target.keyboard.press(url.searchParams.get('key') || 'Escape');
      res.end('{}');
    } else if (url.pathname === '/type') {
      await target.keyboard.type(url.searchParams.get('text') || '', { delay: 20 });
      res.end('{}');
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  } catch (e) {
    res.statusCode = 500;
    res.end(JSON.stringify({ error: String(e) }));
  }
});
await new Promise((r) => harness.listen(0, '127.0.0.1', r));
const harnessUrl = `http://127.0.0.1:${harness.address().port}`;

let summary = { passed: 0, failed: 0, seen: false };
try {
  const { version, commit } = vscodeVersion();
  console.log(`Running integration tests in VS Code ${version} (${commit.slice(0, 10)}), server build from code-server, in Chromium`);
  const serverLog = [];
  server = await startServer({
    dataDir: runDir,
    env: { AA_TEST_FILES: files.join(','), AA_TEST_GREP: grep, AA_HARNESS_URL: harnessUrl, AA_REPO_ROOT: repoRoot },
    log: (s) => serverLog.push(s),
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  const exitCode = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const list = Array.isArray(args) ? args : [args];
    const text = typeof list[0] === 'string' ? format(...list) : list.map((a) => JSON.stringify(a)).join(' ');
    const m = /AA_RESULT passed=(\d+) failed=(\d+)/.exec(text);
    if (m) summary = { passed: Number(m[1]), failed: Number(m[2]), seen: true };
    else if (type === 'error') console.error(text);
    else console.log(text);
  });
  const url = workbenchUrl(server, { folder: workspace, extensionPath: repoRoot, testsPath: join(testsDir, 'index.js') });
  openSecond = async () => {
    const p = await context.newPage();
    // The extension in development mode, no tests: a window like the first, on the same folder.
    await p.goto(workbenchUrl(server, { folder: workspace, extensionPath: repoRoot }));
    await p.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    return p;
  };
  await page.goto(url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
  let code = await Promise.race([exitCode, timeout]);
  if (code === 'timeout') {
    console.error(`Integration tests did not finish within ${TIMEOUT_MS / 1000} s.`);
    await page.screenshot({ path: join(artifacts, 'timeout.png') }).catch(() => {});
    code = 1;
  }
  if (!summary.seen) {
    console.error('The integration suite did not report a result: it did not run.');
    if (serverLog.length) writeFileSync(join(artifacts, 'server.log'), serverLog.join(''));
    code = code || 1;
  } else if (summary.passed + summary.failed === 0) {
    console.error('The integration suite ran no test.');
    code = code || 1;
  }
  console.log(`integration: ${summary.passed} passed, ${summary.failed} failed`);
  cleanup();
  process.exit(code);
} catch (e) {
  console.error(e);
  cleanup();
  console.log(`integration: ${summary.passed} passed, ${Math.max(summary.failed, 1)} failed`);
  process.exit(1);
}
