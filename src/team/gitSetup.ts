/**
 * "Set Up Git Merging of Sidecars": `*.annotations.yaml merge=article-annotator` in the
 * workspace folder's `.gitattributes` (idempotent) and the merge driver in the repository's own
 * git config, running this extension's dist/cli.js with the runtime VS Code runs it with.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { driverCommand, DRIVER_NAME, withMergeAttribute } from '../core/team/gitSetup';

export interface GitSetupResult {
  gitattributes: string;
  /** False when `.gitattributes` already had the line. */
  changed: boolean;
  /** The driver command written to the repository's config. */
  driver: string;
  /** The repository's top folder. */
  repository: string;
  /** Another merge= line for sidecars found in .gitattributes (it may win over ours). */
  conflicting?: string;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: 20000, windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout.trim());
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error('git is not installed (or not on the PATH of VS Code).'));
      reject(new Error(stderr.trim() || err.message));
    });
  });
}

export async function setUpGitMerging(folder: vscode.Uri, extensionPath: string): Promise<GitSetupResult> {
  if (folder.scheme !== 'file') throw new Error(`${folder.toString()} is not a folder on disk; git merging can only be set up there.`);
  let repository: string;
  try {
    repository = await git(folder.fsPath, ['rev-parse', '--show-toplevel']);
  } catch (e) {
    throw new Error(`${folder.fsPath} is not in a git repository (${(e as Error).message.split('\n')[0]}). Run git init there first.`, { cause: e });
  }
  const attributes = vscode.Uri.joinPath(folder, '.gitattributes');
  let existing: string | undefined;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(attributes));
  } catch (e) {
    if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw new Error(`${attributes.fsPath} cannot be read (${(e as Error).message}); not changed.`, { cause: e });
  }
  const next = withMergeAttribute(existing);
  if (next.text !== undefined) await vscode.workspace.fs.writeFile(attributes, new TextEncoder().encode(next.text));
  const driver = driverCommand(process.execPath, path.join(extensionPath, 'dist', 'cli.js'));
  await git(folder.fsPath, ['config', '--local', 'merge.article-annotator.name', DRIVER_NAME]);
  await git(folder.fsPath, ['config', '--local', 'merge.article-annotator.driver', driver]);
  const result: GitSetupResult = { gitattributes: attributes.fsPath, changed: next.text !== undefined, driver, repository };
  if (next.conflicting) result.conflicting = next.conflicting;
  return result;
}
