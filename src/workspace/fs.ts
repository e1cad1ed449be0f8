/**
 * File access through `vscode.workspace.fs` (works in remote and virtual workspaces): bounded,
 * binary-aware reads and atomic writes.
 */
import * as vscode from 'vscode';

import { sha256 } from '../core/hash';
import type { FileVersion, ReadOptions, ReadResult } from '../core/store/ports';

export type { FileVersion, ReadOptions, ReadResult };

const decoder = new TextDecoder('utf-8');

export async function readText(uri: vscode.Uri, maxBytes: number, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    const early = options.readAtOnce ? Promise.resolve(vscode.workspace.fs.readFile(uri)) : undefined;
    early?.catch(() => undefined); // its failure is reported by the stat or by the await below
    const stat = await vscode.workspace.fs.stat(uri);
    const known = options.unlessAt;
    if (known && stat.mtime === known.mtime && stat.size === known.size) return { kind: 'unchanged' };
    if (stat.size > maxBytes) return { kind: 'tooLarge', size: stat.size };
    const bytes = await (early ?? vscode.workspace.fs.readFile(uri));
    if (bytes.length > maxBytes) return { kind: 'tooLarge', size: bytes.length };
    if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
    // Decoded when first asked for: sidecars are parsed from their bytes.
    let text: string | undefined;
    return {
      kind: 'ok',
      get text() {
        // TextDecoder drops a leading byte-order mark.
        return (text ??= decoder.decode(bytes));
      },
      bytes,
      version: { mtime: stat.mtime, size: stat.size },
    };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'error', message: (e as Error).message };
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `text` (UTF-8, or bytes already encoded) to a temporary file beside `uri`, then renames
 * it over `uri`. `ifHash` (compare and swap): the SHA-256 of the bytes the caller last read (null:
 * it found no file); the file is read again just before the rename and, if it is not those bytes
 * any more (another window or program wrote it meanwhile), nothing is written: false.
 */
export async function writeTextAtomic(uri: vscode.Uri, text: string | Uint8Array, ifHash?: string | null): Promise<boolean> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(uri, '..', `.${name}.tmp-${Math.random().toString(36).slice(2, 10)}`);
  await vscode.workspace.fs.writeFile(tmp, typeof text === 'string' ? new TextEncoder().encode(text) : text);
  try {
    if (ifHash !== undefined) {
      const now = await vscode.workspace.fs.readFile(uri).then(
        (bytes) => sha256(bytes),
        (e: unknown) => {
          if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return null;
          throw e;
        },
      );
      if (now !== ifHash) {
        await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
        return false;
      }
    }
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    return true;
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

/** `<article>.annotations.yaml` beside the article. */
export function sidecarUriOf(article: vscode.Uri): vscode.Uri {
  return article.with({ path: `${article.path}.annotations.yaml` });
}

export function isSidecar(uri: vscode.Uri): boolean {
  return uri.path.endsWith('.annotations.yaml');
}

export function articleOfSidecar(sidecar: vscode.Uri): vscode.Uri {
  return sidecar.with({ path: sidecar.path.slice(0, -'.annotations.yaml'.length) });
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
