#!/usr/bin/env node
// Runs the same integration suite in desktop VS Code with @vscode/test-electron (which downloads
// VS Code: needs internet). The end-to-end files (*.e2e.test.js) need the browser harness of
// scripts/run-integration.mjs and are left out here, not skipped.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './lib/server.mjs';

const workspace = mkdtempSync(join(tmpdir(), 'article-annotator-'));
cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { AA_TEST_EXCLUDE: '\\.e2e\\.test\\.js$', AA_TEST_FILES: process.argv.slice(2).join(',') },
  });
} catch (e) {
  console.error('Integration tests failed:', e);
  process.exit(1);
}
