#!/usr/bin/env node
// The main job: serves a real VS Code (the server build from the code-server npm package) on
// 127.0.0.1 with Article Annotator loaded and the repository's seeds/ folder open, and prints the
// address to open in a browser. Runs until Ctrl-C.
//   PORT=8080 npm start      (default 8080, or a free port if 8080 is taken)
//   ARTICLES=/path/to/folder npm start   (open another folder of articles)
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { repoRoot, vscodeTestDir, startServer, workbenchUrl, vscodeVersion, freePort } from './lib/server.mjs';

const folder = resolve(process.env.ARTICLES || join(repoRoot, 'seeds'));
if (!existsSync(folder)) {
  console.error(`No such folder: ${folder}`);
  process.exit(1);
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
const dataDir = join(vscodeTestDir, 'start');
// The opened folder is itself the article folder (no seeds/ inside): every .txt in it is an
// article. Remote (machine) settings of the server apply to this workspace only through this run.
const machine = join(dataDir, 'server-data', 'data', 'Machine');
mkdirSync(machine, { recursive: true });
const glob = existsSync(join(folder, 'seeds')) ? 'seeds/**/*.txt' : '**/*.txt';
writeFileSync(join(machine, 'settings.json'), JSON.stringify({ 'articleAnnotator.articleGlob': glob, 'workbench.startupEditor': 'none' }, null, 2));
const server = await startServer({ dataDir, port, log: (s) => process.env.VERBOSE && process.stdout.write(s) });
const url = workbenchUrl(server, { folder, extensionPath: repoRoot });
console.log(`VS Code ${version} with Article Annotator is running.`);
console.log(`Workspace: ${folder}`);
console.log(`Open this address in a browser:\n\n  ${url}\n`);
console.log('Press Ctrl-C to stop.');
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.process.on('exit', (code) => {
  console.error(`The VS Code server stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});
