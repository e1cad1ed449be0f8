/**
 * File access through `vscode.workspace.fs` (works in remote and virtual workspaces): bounded,
 * binary-aware reads and atomic writes.
 */
import * as vscode from 'vscode';

/** When a file was last modified and its size, as `stat` gives them. */
export interface FileVersion {
  mtime: number;
  size: number;
}

export type ReadResult =
  /** `text`: the bytes decoded (on first use) as UTF-8, without a byte-order mark. */
  | { kind: 'ok'; readonly text: string; bytes: Uint8Array; version: FileVersion }
  /** The file is still at the `known` version the caller passed: it was not read again. */
  | { kind: 'unchanged' }
  | { kind: 'missing' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'binary' }
  | { kind: 'error'; message: string };

const decoder = new TextDecoder('utf-8');

export interface ReadOptions {
  /** Not read again while the file is still at this version: the result is `unchanged`. */
  unlessAt?: FileVersion;
  /**
   * The file was read before at a size under the limit: read it at the same time as its size is
   * checked (one round trip to the workbench less). Should it have outgrown the limit since, it is
   * still refused.
   */
  readAtOnce?: boolean;
}

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

/** Writes `text` (UTF-8, or bytes already encoded) to a temporary file beside `uri`, then renames it over `uri`. */
export async function writeTextAtomic(uri: vscode.Uri, text: string | Uint8Array): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(uri, '..', `.${name}.tmp-${Math.random().toString(36).slice(2, 10)}`);
  await vscode.workspace.fs.writeFile(tmp, typeof text === 'string' ? new TextEncoder().encode(text) : text);
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
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
