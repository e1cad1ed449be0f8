#!/usr/bin/env node
// The main job: serves a real VS Code (the server build from the code-server npm package) on
// 127.0.0.1 with Article Annotator installed and a copy of the repository's seeds/ open (under
// .vscode-test/start/workspace/, so the demo never changes what the tests read), and prints the
// address to open in a browser. Runs until Ctrl-C (or SIGTERM), which stops the server too.
//   PORT=8080 npm start      (default 8080, or a free port if 8080 is taken)
//   ARTICLES=/path/to/folder npm start   (open another folder of articles: every .txt in it)
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { repoRoot, vscodeTestDir, startServer, workbenchUrl, vscodeVersion, freePort } from './lib/server.mjs';
import { refreshDemoWorkspace, writeMachineSettings, linkExtension } from './lib/demo.mjs';

const dataDir = resolve(process.env.AA_START_DATA_DIR || join(vscodeTestDir, 'start'));
let folder;
if (process.env.ARTICLES) {
  folder = resolve(process.env.ARTICLES);
  if (!existsSync(folder)) {
    console.error(`No such folder: ${folder}`);
    process.exit(1);
  }
} else {
  folder = join(dataDir, 'workspace');
  const written = refreshDemoWorkspace(join(repoRoot, 'seeds'), folder);
  if (written.length) console.log(`Copied ${written.length} seed article(s) to ${folder}`);
}
let port = Number(process.env.PORT || 8080);
try {
  const probe = await fetch(`http://127.0.0.1:${port}/`);
  void probe;
  console.log(`Port ${port} is taken; using a free one.`);
  port = await freePort();
} catch {
  // free
}
const { version } = vscodeVersion();
writeMachineSettings(dataDir, folder);
linkExtension(join(dataDir, 'extensions'), repoRoot);
const server = await startServer({ dataDir, port, smokeTestDriver: false, log: (s) => process.env.VERBOSE && process.stdout.write(s) });
const url = workbenchUrl(server, { folder });
console.log(`VS Code ${version} with Article Annotator is running.`);
console.log(`Workspace: ${folder}`);
console.log(`Open this address in a browser:\n\n  ${url}\n`);
console.log('Press Ctrl-C to stop.');
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop();
  // Exit once the server has gone (server.stop() kills its process group, SIGKILL after 2 s).
  setTimeout(() => process.exit(0), 3000);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
server.process.on('exit', (code) => {
  if (stopping) process.exit(0);
  console.error(`The VS Code server stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});
