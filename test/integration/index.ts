// Mocha entry point loaded by VS Code (extensionTestsPath). Independent of the runner: used by
// scripts/run-integration.mjs (VS Code server + Chromium) and scripts/run-desktop.mjs
// (@vscode/test-electron) alike.
//   AA_TEST_FILES  comma-separated names: run only <name>.test.js
//   AA_TEST_EXCLUDE  regular expression of file names to leave out (the desktop runner leaves out *.e2e.test.js)
//   AA_TEST_GREP   mocha grep
import Mocha from 'mocha';
import * as path from 'node:path';
import * as fs from 'node:fs';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  if (process.env.AA_TEST_GREP) mocha.grep(process.env.AA_TEST_GREP);
  const wanted = (process.env.AA_TEST_FILES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const exclude = process.env.AA_TEST_EXCLUDE ? new RegExp(process.env.AA_TEST_EXCLUDE) : undefined;
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.test\.js$/, '')))
    .filter((f) => !exclude || !exclude.test(f))
    .sort();
  if (files.length === 0) return Promise.reject(new Error('No integration test file matched.'));
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`AA_RESULT passed=${passed} failed=${failed}`);
      if (failed > 0) reject(new Error(`${failed} integration tests failed.`));
      else if (passed === 0) reject(new Error('No integration test ran.'));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
