// What npm start prepares before it starts the server: the demo's copy of the seeds, the
// server's machine settings and the extension linked into the server's extensions folder.
// Shared by scripts/start.mjs and its end-to-end test, so the test starts exactly what npm start
// starts.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { machineSettingsPath } from './server.mjs';

/**
 * Copies `seedsDir`'s articles into `<workspace>/seeds/` where missing or different. Sidecars
 * and any other file there are left alone, so a user's annotations survive a refresh.
 * Returns the names of the articles written.
 */
export function refreshDemoWorkspace(seedsDir, workspace) {
  const target = join(workspace, 'seeds');
  mkdirSync(target, { recursive: true });
  const written = [];
  for (const name of readdirSync(seedsDir)) {
    if (!name.endsWith('.txt')) continue;
    const src = join(seedsDir, name);
    const dst = join(target, name);
    if (existsSync(dst) && readFileSync(dst).equals(readFileSync(src))) continue;
    copyFileSync(src, dst);
    written.push(name);
  }
  return written;
}

/**
 * The server's machine settings for a run on `folder`: articles are `seeds/**\/*.txt` when the
 * folder has a seeds/ folder, otherwise every .txt in it (and those open as articles, which the
 * extension's language contribution matches only under seeds/). The demo profile also keeps the
 * Chat panel and the parent-folder git prompt away.
 */
export function machineSettings(folder) {
  const seeds = existsSync(join(folder, 'seeds'));
  const glob = seeds ? 'seeds/**/*.txt' : '**/*.txt';
  const settings = {
    'articleAnnotator.articleGlob': glob,
    'workbench.startupEditor': 'none',
    'git.openRepositoryInParentFolders': 'never',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  };
  if (!seeds) settings['files.associations'] = { '*.txt': 'article' };
  return settings;
}

export function writeMachineSettings(dataDir, folder) {
  const file = machineSettingsPath(dataDir);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(machineSettings(folder), null, 2) + '\n');
  return file;
}

/**
 * Links the extension folder into the server's extensions folder (as an installed extension
 * named publisher.name-version), replacing a stale link. Without the smoke-test driver the
 * workbench ignores the URL's extensionDevelopmentPath, so this is how npm start loads it.
 */
export function linkExtension(extensionsDir, extensionPath) {
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  mkdirSync(extensionsDir, { recursive: true });
  const prefix = `${pkg.publisher}.${pkg.name}-`.toLowerCase();
  const linkName = `${prefix}${pkg.version}`;
  for (const name of readdirSync(extensionsDir)) {
    if (name.toLowerCase().startsWith(prefix) && name !== linkName) rmSync(join(extensionsDir, name), { recursive: true, force: true });
  }
  const link = join(extensionsDir, linkName);
  let current;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : 'not a link';
  } catch {
    current = undefined;
  }
  if (current !== extensionPath) {
    if (current !== undefined) rmSync(link, { recursive: true, force: true });
    symlinkSync(extensionPath, link, 'dir');
  }
  return link;
}
